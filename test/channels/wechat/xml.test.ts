import { WechatXmlError, WechatXmlReason } from '../../../channels/wechat/errors';
import { buildXml, MAX_XML_BYTES, parseXml } from '../../../channels/wechat/xml';
import { WECOM_PY } from './vectors';

function reasonOf(body: string | Buffer): WechatXmlReason | 'no error' {
  try {
    parseXml(body);
  } catch (error) {
    if (error instanceof WechatXmlError) return error.reason;
    throw error;
  }
  return 'no error';
}

describe('parseXml', () => {
  it('reads an Official Account text message: CDATA and plain text', () => {
    const body =
      '<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>' +
      '<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>' +
      '<CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType>' +
      '<Content><![CDATA[高企认定要什么条件？]]></Content><MsgId>6054768590064713728</MsgId></xml>';
    expect(parseXml(body)).toEqual({
      ToUserName: 'gh_10f6c3c3ac5a',
      FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
      CreateTime: '1409735668',
      MsgType: 'text',
      Content: '高企认定要什么条件？',
      MsgId: '6054768590064713728',
    });
  });

  it("reads WeCom's sample envelope, with newlines between fields", () => {
    const fields = parseXml(WECOM_PY.message.body);
    expect(Object.keys(fields)).toEqual(['ToUserName', 'Encrypt', 'AgentID']);
    expect(fields.ToUserName).toBe('ww1436e0e65a779aee');
    expect(fields.AgentID).toBe('1000002');
    expect(fields.Encrypt).toMatch(/^Kl7kjoSf.*ypE\+$/);
  });

  it('reads a WeCom customer-service event (plain text values)', () => {
    const body =
      '<xml><ToUserName>ww12345678910</ToUserName><CreateTime>1348831860</CreateTime>' +
      '<MsgType>event</MsgType><Event>kf_msg_or_event</Event><Token>ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR</Token>' +
      '<OpenKfId>wkxxxxxxx</OpenKfId></xml>';
    expect(parseXml(body)).toMatchObject({ Event: 'kf_msg_or_event', OpenKfId: 'wkxxxxxxx' });
  });

  it('keeps the text of a CDATA section exactly: markup, ampersands, newlines, spaces', () => {
    const content = '  <b>A & B</b>\n第二行 &amp; ';
    expect(parseXml(`<xml><Content><![CDATA[${content}]]></Content></xml>`).Content).toBe(content);
  });

  it('treats whitespace around CDATA as layout (as in a Tencent sample)', () => {
    expect(parseXml('<xml><MsgType>  <![CDATA[video]]>\n</MsgType></xml>').MsgType).toBe('video');
  });

  it('decodes the predefined entities and character references in plain text', () => {
    expect(parseXml('<xml><A>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20013;&#x6587;</A></xml>').A).toBe(
      'a <b> & "c" \'d\' 中文',
    );
  });

  it('accepts an XML declaration, a byte-order mark, surrounding whitespace and a Buffer', () => {
    const body = Buffer.from('\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n  <A>1</A>\n  <B/>\n</xml>\n');
    expect(parseXml(body)).toEqual({ A: '1', B: '' });
  });

  it('keeps a field named __proto__ as a field, not a prototype', () => {
    const fields = parseXml('<xml><__proto__>x</__proto__></xml>');
    expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });

  describe('refuses XXE and every declaration', () => {
    it.each([
      [
        'an external entity',
        '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>',
      ],
      ['a billion laughs', '<!DOCTYPE xml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><xml><C>&b;</C></xml>'],
      ['a DOCTYPE alone', '<!DOCTYPE xml><xml><A>1</A></xml>'],
      ['a DOCTYPE inside the root', '<xml><!DOCTYPE x><A>1</A></xml>'],
      ['an ENTITY inside a field', '<xml><A><!ENTITY x "y"></A></xml>'],
      ['a comment', '<xml><!-- hi --><A>1</A></xml>'],
      ['a processing instruction', '<xml><?php echo 1; ?><A>1</A></xml>'],
      ['a stylesheet instruction before the root', '<?xml-stylesheet href="x"?><xml><A>1</A></xml>'],
    ])('%s', (_label, body) => {
      expect(reasonOf(body)).toBe('declaration');
    });

    it('refuses an entity reference even without a DOCTYPE: nothing is ever expanded', () => {
      expect(reasonOf('<xml><Content>&xxe;</Content></xml>')).toBe('malformed');
    });

    it('does not mistake "<!DOCTYPE" typed by a founder, inside CDATA, for a declaration', () => {
      expect(parseXml('<xml><Content><![CDATA[<!DOCTYPE html>]]></Content></xml>').Content).toBe('<!DOCTYPE html>');
    });
  });

  it('refuses a body over 64 KB before reading it', () => {
    const body = `<xml><Content><![CDATA[${'a'.repeat(MAX_XML_BYTES)}]]></Content></xml>`;
    expect(reasonOf(body)).toBe('too_large');
    expect(reasonOf(Buffer.from(body))).toBe('too_large');
  });

  it('counts the limit in bytes, not characters', () => {
    const wrapper = '<xml><C><![CDATA[]]></C></xml>';
    const fits = '中'.repeat(Math.floor((MAX_XML_BYTES - wrapper.length) / 3));
    expect(reasonOf(`<xml><C><![CDATA[${fits}]]></C></xml>`)).toBe('no error');
    expect(reasonOf(`<xml><C><![CDATA[${fits}中]]></C></xml>`)).toBe('too_large');
  });

  it.each([
    ['a nested element', '<xml><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>'],
    ['an element after text', '<xml><A>text<B>1</B></A></xml>'],
    ['a self-closing element inside a field', '<xml><A><B/></A></xml>'],
  ])('refuses %s where a value is expected', (_label, body) => {
    expect(reasonOf(body)).toBe('nested');
  });

  it('refuses a field given twice', () => {
    expect(reasonOf('<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>')).toBe('duplicate');
  });

  it.each([
    ['an empty body', ''],
    ['another root', '<root><A>1</A></root>'],
    ['two roots', '<xml><A>1</A></xml><xml><B>2</B></xml>'],
    ['text after the root', '<xml><A>1</A></xml>trailing'],
    ['an unclosed root', '<xml><A>1</A>'],
    ['an unclosed field', '<xml><A>1</xml>'],
    ['mismatched tags', '<xml><A>1</B></xml>'],
    ['an unclosed CDATA section', '<xml><A><![CDATA[1</A></xml>'],
    ['text directly in the root', '<xml>hello<A>1</A></xml>'],
    ['CDATA directly in the root', '<xml><![CDATA[x]]></xml>'],
    ['attributes', '<xml><A type="x">1</A></xml>'],
    ['attributes on the root', '<xml lang="zh"><A>1</A></xml>'],
    ['a bare ampersand', '<xml><A>A & B</A></xml>'],
    ['an unknown entity', '<xml><A>&nbsp;</A></xml>'],
    ['a reference to NUL', '<xml><A>&#0;</A></xml>'],
    ['a reference to a surrogate', '<xml><A>&#xD800;</A></xml>'],
    ['"]]>" in plain text', '<xml><A>a]]>b</A></xml>'],
    ['JSON', '{"ToUserName":"x"}'],
    ['bytes that are not UTF-8', Buffer.from([0x3c, 0x78, 0x6d, 0x6c, 0x3e, 0xff, 0x3c])],
  ])('refuses %s as malformed', (_label, body) => {
    expect(reasonOf(body)).toBe('malformed');
  });
});

describe('buildXml', () => {
  it('writes strings as CDATA and numbers as plain text, in order', () => {
    expect(
      buildXml({ ToUserName: 'oUser', FromUserName: 'gh_1', CreateTime: 1348831860, MsgType: 'text', Content: '你好' }),
    ).toBe(
      '<xml><ToUserName><![CDATA[oUser]]></ToUserName><FromUserName><![CDATA[gh_1]]></FromUserName>' +
        '<CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>',
    );
  });

  it('splits "]]>" across two CDATA sections', () => {
    expect(buildXml({ A: 'x]]>y' })).toBe('<xml><A><![CDATA[x]]]]><![CDATA[>y]]></A></xml>');
  });

  it.each([
    ['"]]>" in the middle', 'a]]>b'],
    ['"]]>" at both ends', ']]>middle]]>'],
    ['"]]>" twice in a row', ']]>]]>'],
    ['"]]]]>"', ']]]]>'],
    ['a CDATA section of its own', '<![CDATA[inner]]>'],
    ['markup and entities', '<a href="x">&amp;</a>'],
    ['an empty string', ''],
    ['newlines and spaces at the ends', '\n  第一行\r\n第二行  \n'],
    ['emoji', '🚀👍'],
  ])('round-trips %s', (_label, value) => {
    expect(parseXml(buildXml({ Content: value })).Content).toBe(value);
  });

  it('round-trips a whole reply', () => {
    const reply = {
      ToUserName: 'o1',
      FromUserName: 'gh_2',
      CreateTime: 1700000000,
      MsgType: 'text',
      Content: '见 ]]> 下文',
    };
    expect(parseXml(buildXml(reply))).toEqual({ ...reply, CreateTime: '1700000000' });
  });

  it.each([
    ['a name with a space', { 'Bad Name': 'x' }],
    ['a name with markup', { 'A><B': 'x' }],
    ['an empty name', { '': 'x' }],
    ['a control character', { Content: 'a\u0001b' }],
    ['a lone surrogate', { Content: 'a\uD800b' }],
    ['a number that is not finite', { CreateTime: Number.NaN }],
  ])('refuses %s', (_label, fields) => {
    expect(() => buildXml(fields)).toThrow(RangeError);
  });
});
