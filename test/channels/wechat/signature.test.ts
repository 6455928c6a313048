import { createHash } from 'node:crypto';
import { messageSignature, signaturesMatch, urlSignature } from '../../../channels/wechat/signature';
import { WECOM_PY, WECOM_QDG } from './vectors';

describe('urlSignature (plaintext mode)', () => {
  it('is the SHA-1 of token, timestamp and nonce sorted and joined', () => {
    // Sorted as strings: '1372623149' < '1409659813' < 'token'.
    const expected = createHash('sha1').update('13726231491409659813token').digest('hex');
    expect(urlSignature('token', '1409659813', '1372623149')).toBe(expected);
  });

  it('does not depend on the order of its arguments', () => {
    expect(urlSignature('a', 'b', 'c')).toBe(urlSignature('c', 'a', 'b'));
  });
});

describe('messageSignature (safe mode), on published vectors', () => {
  it('signs a WeCom message (weworkapi_python callback/Sample.py)', () => {
    const { message } = WECOM_PY;
    const encrypted = /<Encrypt><!\[CDATA\[(.*)\]\]><\/Encrypt>/.exec(message.body)![1]!;
    expect(messageSignature(WECOM_PY.token, message.timestamp, message.nonce, encrypted)).toBe(message.msgSignature);
  });

  it('signs a WeCom URL check over its echostr', () => {
    const { verify } = WECOM_PY;
    expect(messageSignature(WECOM_PY.token, verify.timestamp, verify.nonce, verify.echostr)).toBe(verify.msgSignature);
  });

  it("signs the older sample's message", () => {
    const v = WECOM_QDG;
    expect(messageSignature(v.token, v.timestamp, v.nonce, v.encrypted)).toBe(v.msgSignature);
  });
});

describe('signaturesMatch', () => {
  const signature = WECOM_QDG.msgSignature;

  it('accepts the same signature', () => {
    expect(signaturesMatch(signature, String(signature))).toBe(true);
  });

  it.each([
    ['one character changed', signature.slice(0, -1) + '0'],
    ['shorter', signature.slice(0, -1)],
    ['longer', signature + '0'],
    ['empty', ''],
    ['upper case', signature.toUpperCase()],
  ])('refuses a signature %s', (_label, other) => {
    expect(signaturesMatch(signature, other)).toBe(false);
  });

  it('compares bytes, so strings of equal length but different byte lengths are unequal, not an exception', () => {
    expect(signaturesMatch('ab', '中')).toBe(false);
  });
});
