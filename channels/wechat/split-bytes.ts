/**
 * WeChat text messages (customer-service messages, passive replies) carry at
 * most 2,048 bytes of UTF-8. A reply is cut between paragraphs first, then
 * lines, then characters, never inside a character.
 */
export const MAX_MESSAGE_BYTES = 2048;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The longest prefix of `text` within `limit` bytes, whole characters only. */
function prefixWithin(text: string, limit: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const size = bytes(char);
    if (used + size > limit) break;
    used += size;
    end += char.length;
  }
  return text.slice(0, end);
}

export function splitBytes(text: string, limit = MAX_MESSAGE_BYTES): string[] {
  const messages: string[] = [];
  let current = '';
  const push = () => {
    if (current) messages.push(current);
    current = '';
  };
  for (const paragraph of text.split(/\n{2,}/)) {
    for (const piece of pieces(paragraph, limit)) {
      const joined = current ? `${current}\n\n${piece}` : piece;
      if (bytes(joined) <= limit) current = joined;
      else {
        push();
        current = piece;
      }
    }
  }
  push();
  return messages;
}

/** A paragraph in pieces that each fit: by lines, and a line too long by characters. */
function pieces(paragraph: string, limit: number): string[] {
  if (bytes(paragraph) <= limit) return [paragraph];
  const out: string[] = [];
  let current = '';
  for (const line of paragraph.split('\n')) {
    let rest = line;
    while (bytes(rest) > limit) {
      if (current) out.push(current);
      current = '';
      const head = prefixWithin(rest, limit);
      out.push(head);
      rest = rest.slice(head.length);
    }
    const joined = current ? `${current}\n${rest}` : rest;
    if (bytes(joined) <= limit) current = joined;
    else {
      out.push(current);
      current = rest;
    }
  }
  if (current) out.push(current);
  return out;
}
