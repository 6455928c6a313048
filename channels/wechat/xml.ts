/**
 * The XML of WeChat / WeCom callbacks: one `<xml>` root whose children are
 * fields holding text or CDATA, nothing deeper. A small strict reader for
 * exactly that, rather than fast-xml-parser: that one is only in
 * node_modules as a dependency of wechaty-puppet-wechat4u (3.x), not ours.
 *
 * Strict on purpose: a body is the platform's or an attacker's, and anything
 * the platforms never send (DOCTYPE, entities beyond the five predefined,
 * comments, attributes, nesting) is refused, never guessed at. Nothing is
 * ever expanded or fetched, so there is no XXE even in principle.
 */
import { TextDecoder } from 'node:util';
import { WechatXmlError } from './errors';

/** Callback bodies are a few hundred bytes; 64 KB leaves room and caps the work. */
export const MAX_XML_BYTES = 64 * 1024;

const NAME = '[A-Za-z_][A-Za-z0-9_.-]*';
const VALID_NAME = new RegExp(`^${NAME}$`);
const OPEN_TAG = new RegExp(`<(${NAME})[ \\t\\r\\n]*(/?)>`, 'y');
const CLOSE_TAG = new RegExp(`</(${NAME})[ \\t\\r\\n]*>`, 'y');
const XML_DECLARATION = /<\?xml(?:[ \t\r\n][^<>?]*)?\?>/y;
const ROOT_OPEN = /<xml[ \t\r\n]*>/y;
const ROOT_CLOSE = /<\/xml[ \t\r\n]*>/y;
const WHITESPACE = /[ \t\r\n]*/y;
const ONLY_WHITESPACE = /^[ \t\r\n]*$/;
const REFERENCE = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function fail(reason: WechatXmlError['reason'], message: string): never {
  throw new WechatXmlError(reason, message);
}

/** Character data: the five predefined entities and character references, nothing else. */
function decodeText(raw: string): string {
  if (raw.includes(']]>')) fail('malformed', '"]]>" outside CDATA');
  const decoded = raw.replace(REFERENCE, (_match, hex: string | undefined, dec: string | undefined, name?: string) => {
    if (name) return PREDEFINED[name]!;
    const code = hex ? parseInt(hex, 16) : parseInt(dec!, 10);
    const valid = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0x10ffff);
    if (!valid || (code >= 0xd800 && code <= 0xdfff)) fail('malformed', `character reference to ${code}`);
    return String.fromCodePoint(code);
  });
  // Any "&" left is an undefined entity (&xxe;) or a bare ampersand.
  if (raw.replace(REFERENCE, '').includes('&')) fail('malformed', 'entity other than the five predefined');
  return decoded;
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (found) this.pos = pattern.lastIndex;
    return found;
  }

  skipWhitespace(): void {
    this.match(WHITESPACE);
  }

  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.pos);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** `<!DOCTYPE`, `<!ENTITY`, `<!--`, `<?…`: markup the platforms never send. */
  refuseDeclarations(): void {
    if (this.startsWith('<!') && !this.startsWith('<![CDATA[')) {
      fail('declaration', `"${this.text.slice(this.pos, this.pos + 12)}…" is not allowed`);
    }
    if (this.startsWith('<?')) fail('declaration', 'processing instruction is not allowed');
  }

  /** The value of field `name`, up to and including its closing tag. */
  value(name: string): string {
    const pieces: { text: string; cdata: boolean }[] = [];
    for (;;) {
      if (this.atEnd()) fail('malformed', `<${name}> is not closed`);
      if (this.startsWith('<![CDATA[')) {
        const end = this.text.indexOf(']]>', this.pos + 9);
        if (end < 0) fail('malformed', 'CDATA section is not closed');
        pieces.push({ text: this.text.slice(this.pos + 9, end), cdata: true });
        this.pos = end + 3;
      } else if (this.startsWith('</')) {
        const close = this.match(CLOSE_TAG);
        if (!close || close[1] !== name) fail('malformed', `<${name}> is closed by something else`);
        break;
      } else if (this.startsWith('<')) {
        this.refuseDeclarations();
        fail(this.match(OPEN_TAG) ? 'nested' : 'malformed', `<${name}> holds an element`);
      } else {
        const next = this.text.indexOf('<', this.pos);
        const end = next < 0 ? this.text.length : next;
        pieces.push({ text: decodeText(this.text.slice(this.pos, end)), cdata: false });
        this.pos = end;
      }
    }
    // `<MsgType>  <![CDATA[text]]></MsgType>` (a Tencent sample): the spaces around CDATA are layout.
    const hasCdata = pieces.some((piece) => piece.cdata);
    return pieces
      .filter((piece) => piece.cdata || !hasCdata || !ONLY_WHITESPACE.test(piece.text))
      .map((piece) => piece.text)
      .join('');
  }
}

/**
 * The fields of a callback body, `{ ToUserName: …, MsgType: …, … }`, or a
 * WechatXmlError saying why the body is not one. `<Field/>` reads as ''.
 */
export function parseXml(body: string | Buffer): Record<string, string> {
  const bytes = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  if (bytes > MAX_XML_BYTES) fail('too_large', `body of ${bytes} bytes is over ${MAX_XML_BYTES}`);
  let text: string;
  try {
    text = typeof body === 'string' ? body : UTF8.decode(body);
  } catch {
    return fail('malformed', 'body is not UTF-8');
  }
  const reader = new Reader(text.startsWith('\uFEFF') ? text.slice(1) : text);

  reader.skipWhitespace();
  reader.match(XML_DECLARATION);
  reader.skipWhitespace();
  reader.refuseDeclarations();
  if (!reader.match(ROOT_OPEN)) fail('malformed', 'body does not start with <xml>');

  const fields = new Map<string, string>();
  for (;;) {
    reader.skipWhitespace();
    if (reader.match(ROOT_CLOSE)) break;
    reader.refuseDeclarations();
    const open = reader.match(OPEN_TAG);
    if (!open) fail('malformed', reader.atEnd() ? '<xml> is not closed' : 'expected a field or </xml>');
    const name = open[1]!;
    if (fields.has(name)) fail('duplicate', `<${name}> appears twice`);
    fields.set(name, open[2] === '/' ? '' : reader.value(name));
  }
  reader.skipWhitespace();
  if (!reader.atEnd()) fail('malformed', 'something follows </xml>');
  // fromEntries defines own properties, so a field named __proto__ stays a field.
  return Object.fromEntries(fields);
}

// Characters XML 1.0 cannot carry at all, even in CDATA: control characters, and lone surrogates.
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `<xml><Key><![CDATA[value]]></Key>…</xml>` in the fields' order. Numbers
 * are written as plain text (CreateTime, ArticleCount); an id beyond 2^53
 * (MsgId) must be passed as a string. A "]]>" inside a value is split across
 * two CDATA sections, so any text round-trips. Text XML cannot carry
 * (control characters) is refused rather than sent for the platform to reject.
 */
export function buildXml(fields: Record<string, string | number>): string {
  let xml = '<xml>';
  for (const [name, value] of Object.entries(fields)) {
    if (!VALID_NAME.test(name)) throw new RangeError(`"${name}" is not a field name`);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new RangeError(`${name} is not a finite number`);
      xml += `<${name}>${String(value)}</${name}>`;
      continue;
    }
    if (NOT_XML_CHAR.test(value)) {
      throw new RangeError(`${name} holds characters XML cannot carry`);
    }
    xml += `<${name}><![CDATA[${value.split(']]>').join(']]]]><![CDATA[>')}]]></${name}>`;
  }
  return xml + '</xml>';
}
