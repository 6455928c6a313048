/**
 * WeChat folds or drops long messages, so every reply is cut into messages
 * under a limit: between entries first (a line and its indented lines), then
 * at line breaks, then at sentence ends, and only as a last resort in the
 * middle of a line.
 */
export const MESSAGE_LIMIT = 480;

function cutLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const sentenceEnd = Math.max(...['。', '；', '！', '？', '，', ' '].map((mark) => window.lastIndexOf(mark)));
    const cut = sentenceEnd > limit / 2 ? sentenceEnd + 1 : limit;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/** Lines grouped with their indented continuation lines ("1. 高企" + "   优惠：…"), so an entry stays whole. */
function entries(reply: string): string[] {
  const grouped: string[] = [];
  for (const line of reply.split('\n')) {
    if (/^\s/.test(line) && grouped.length > 0) grouped[grouped.length - 1] += `\n${line}`;
    else grouped.push(line);
  }
  return grouped;
}

/** Splits one reply; short replies come back unchanged. */
export function splitReply(reply: string, limit = MESSAGE_LIMIT): string[] {
  if (reply.length <= limit) return [reply];
  const messages: string[] = [];
  let current = '';
  const units = entries(reply).flatMap((entry) => (entry.length <= limit ? [entry] : entry.split('\n')));
  for (const line of units.flatMap((unit) => cutLine(unit, limit))) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= limit) {
      current = joined;
    } else {
      if (current) messages.push(current);
      current = line;
    }
  }
  if (current) messages.push(current);
  return messages;
}

export function splitReplies(replies: readonly string[], limit = MESSAGE_LIMIT): string[] {
  return replies.flatMap((reply) => splitReply(reply.trim(), limit)).filter((message) => message.length > 0);
}
