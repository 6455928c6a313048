import { createCipheriv, createDecipheriv } from 'node:crypto';
import { aesKeyFrom, decrypt, encrypt } from '../../../channels/wechat/message-crypto';
import { WechatCryptoError, WechatCryptoReason } from '../../../channels/wechat/errors';
import { MP_JAVA, WECOM_PY, WECOM_QDG } from './vectors';

const key = aesKeyFrom(MP_JAVA.encodingAesKey);
const appId = MP_JAVA.appId;
const fixedRandom = Buffer.from(MP_JAVA.random, 'utf8');

function reasonOf(run: () => unknown): WechatCryptoReason | 'no error' {
  try {
    run();
  } catch (error) {
    if (error instanceof WechatCryptoError) return error.reason;
    throw error;
  }
  return 'no error';
}

/** Flips one bit of the decoded ciphertext at `index` (negative: from the end). */
function flip(encrypted: string, index: number): string {
  const data = Buffer.from(encrypted, 'base64');
  const at = index < 0 ? data.length + index : index;
  data[at] = data[at]! ^ 0x01;
  return data.toString('base64');
}

/** Encrypts an arbitrary plaintext (no layout, no padding added) the way the platform's cipher would. */
function rawEncrypt(plain: Buffer): string {
  const cipher = createCipheriv('aes-256-cbc', key.key, key.iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

describe('aesKeyFrom', () => {
  it('decodes the 43-character EncodingAESKey to 32 bytes, IV its first 16', () => {
    expect(key.key).toHaveLength(32);
    expect(key.iv).toEqual(key.key.subarray(0, 16));
    expect(key.key.subarray(0, 6).toString('hex')).toBe('69b71d79f821'); // base64 "abcdefgh" starts so
  });

  it.each([
    ['too short', MP_JAVA.encodingAesKey.slice(1)],
    ['too long', MP_JAVA.encodingAesKey + 'H'],
    ['a space instead of a letter, which base64 decoding would skip', 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEF '],
    ['a quote pasted along', '"abcdefghijklmnopqrstuvwxyz0123456789ABCDEF'],
    ['base64 symbols the platforms never generate', 'abcdefghijklmnopqrstuvwxyz0123456789ABCDE+/'],
    ['empty', ''],
  ])('refuses a key %s', (_label, bad) => {
    expect(reasonOf(() => aesKeyFrom(bad))).toBe('bad_key');
  });
});

describe('published vectors', () => {
  it('encrypts exactly as the Official Account Java sample does (fixed random prefix)', () => {
    expect(encrypt(MP_JAVA.message, appId, key, fixedRandom)).toBe(MP_JAVA.encrypted);
  });

  it("decrypts the Java sample's ciphertext", () => {
    expect(decrypt(MP_JAVA.encrypted, key, appId)).toBe(MP_JAVA.message);
  });

  it("decrypts WeCom's sample message for its CorpId (weworkapi_python callback/Sample.py)", () => {
    const encrypted = /<Encrypt><!\[CDATA\[(.*)\]\]><\/Encrypt>/.exec(WECOM_PY.message.body)![1]!;
    const message = decrypt(encrypted, aesKeyFrom(WECOM_PY.encodingAesKey), WECOM_PY.corpId);
    expect(message).toBe(
      '<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName>' +
        '<CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content>' +
        '<MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>',
    );
  });

  it("decrypts WeCom's URL-check echostr to the string to echo back", () => {
    expect(decrypt(WECOM_PY.verify.echostr, aesKeyFrom(WECOM_PY.encodingAesKey), WECOM_PY.corpId)).toBe(
      '1288432023552776189',
    );
  });

  it("decrypts the older sample's message, keeping its newlines", () => {
    const message = decrypt(WECOM_QDG.encrypted, aesKeyFrom(WECOM_QDG.encodingAesKey), WECOM_QDG.corpId);
    expect(message).toContain('<Content><![CDATA[hello]]></Content>\n');
    expect(message.startsWith('<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n')).toBe(true);
  });
});

describe('layout, checked with a hand decryption', () => {
  it('is random ‖ BE length ‖ message ‖ receiveId ‖ PKCS#7 to 32 bytes', () => {
    const encrypted = encrypt('你好', appId, key, fixedRandom);
    const decipher = createDecipheriv('aes-256-cbc', key.key, key.iv);
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    const message = Buffer.from('你好', 'utf8'); // 6 bytes
    const unpadded = Buffer.concat([fixedRandom, Buffer.from([0, 0, 0, 6]), message, Buffer.from(appId)]);
    expect(unpadded).toHaveLength(44);
    expect(plain).toEqual(Buffer.concat([unpadded, Buffer.alloc(20, 20)]));
  });
});

describe('round trips', () => {
  it.each([
    ['Chinese text', '我想了解一下高新技术企业认定的条件，以及浦东新区的奖励政策。'],
    ['an empty message', ''],
    ['a single character', 'a'],
    ['an emoji outside the BMP', '🚀 上线了'],
    ['XML with CDATA', '<xml><Content><![CDATA[你好]]></Content></xml>'],
    ['a long message', '政策'.repeat(2000)],
  ])('%s', (_label, message) => {
    expect(decrypt(encrypt(message, appId, key), key, appId)).toBe(message);
  });

  it('adds a whole 32-byte block of padding when the plaintext already fills its blocks', () => {
    // 16 random + 4 length + 26 message + 18 app id = 64 bytes: two blocks, then a third of padding.
    const message = 'abcdefghijklmnopqrstuvwxyz';
    const encrypted = encrypt(message, appId, key, fixedRandom);
    expect(Buffer.from(encrypted, 'base64')).toHaveLength(96);
    expect(decrypt(encrypted, key, appId)).toBe(message);
  });

  it('uses a fresh random prefix each time', () => {
    expect(encrypt('同一句话', appId, key)).not.toBe(encrypt('同一句话', appId, key));
  });

  it('refuses a random prefix that is not 16 bytes', () => {
    expect(() => encrypt('x', appId, key, Buffer.alloc(15))).toThrow(RangeError);
  });
});

describe('refusals, each with its reason', () => {
  const encrypted = encrypt('你好，我想咨询政策', appId, key, fixedRandom); // 16+4+27+18 = 65 bytes → 96

  it('another receiver: the right key, but the message was for someone else', () => {
    expect(reasonOf(() => decrypt(encrypted, key, 'wx0000000000000000'))).toBe('wrong_receiver');
  });

  it('the wrong key', () => {
    const other = aesKeyFrom(WECOM_QDG.encodingAesKey);
    expect(reasonOf(() => decrypt(encrypted, other, appId))).toMatch(/^(bad_padding|bad_length|wrong_receiver)$/);
  });

  // CBC: flipping a bit of ciphertext byte i flips the same bit of plaintext byte i + 16 (and
  // scrambles the 16-byte block holding byte i). Plaintext: message 20..46, app id 47..64,
  // padding (31 bytes of 31) 65..95.
  it('a bit flipped where it lands in the receiveId', () => {
    expect(reasonOf(() => decrypt(flip(encrypted, 48), key, appId))).toBe('wrong_receiver');
  });

  it('a bit flipped where it lands in the padding', () => {
    expect(reasonOf(() => decrypt(flip(encrypted, 79), key, appId))).toBe('bad_padding');
  });

  it('cannot see a bit flipped in the first block: the scheme has no MAC, msg_signature is the check', () => {
    // Ciphertext byte 4 flips plaintext byte 20, the message's first, and scrambles only the
    // random prefix. This is why safe-mode.ts checks msg_signature before decrypting.
    const hello = encrypt('hello', appId, key, fixedRandom);
    expect(decrypt(flip(hello, 4), key, appId)).toBe('iello');
  });

  it('a bit flipped in the last block, which scrambles the whole block', () => {
    expect(reasonOf(() => decrypt(flip(encrypted, -1), key, appId))).toMatch(
      /^(bad_padding|bad_length|wrong_receiver)$/,
    );
  });

  it.each([
    ['0', 0],
    ['33', 33],
    ['255', 255],
  ])('a padding byte of %s', (_label, value) => {
    const plain = Buffer.concat([fixedRandom, Buffer.from([0, 0, 0, 1]), Buffer.from('x'), Buffer.alloc(10, 0x61)]);
    const padded = Buffer.concat([plain, Buffer.alloc(32 - plain.length, value)]);
    expect(reasonOf(() => decrypt(rawEncrypt(padded), key, 'aaaaaaaaaa'))).toBe('bad_padding');
  });

  it('padding bytes that do not all agree', () => {
    const plain = Buffer.concat([fixedRandom, Buffer.from([0, 0, 0, 1]), Buffer.from('x'), Buffer.from('aaaa')]);
    const padding = Buffer.alloc(32 - plain.length, 32 - plain.length);
    padding[0] = 1;
    expect(reasonOf(() => decrypt(rawEncrypt(Buffer.concat([plain, padding])), key, 'aaaa'))).toBe('bad_padding');
  });

  it('a length field that overruns the plaintext', () => {
    const plain = Buffer.concat([fixedRandom, Buffer.from([0, 0, 1, 0]), Buffer.from('short')]);
    const padded = Buffer.concat([plain, Buffer.alloc(32 - plain.length, 32 - plain.length)]);
    expect(reasonOf(() => decrypt(rawEncrypt(padded), key, ''))).toBe('bad_length');
  });

  it('a plaintext shorter than its 20-byte header', () => {
    const padded = Buffer.concat([Buffer.alloc(10, 0x61), Buffer.alloc(22, 22)]);
    expect(reasonOf(() => decrypt(rawEncrypt(padded), key, ''))).toBe('bad_length');
  });

  it('a message that is not UTF-8', () => {
    const plain = Buffer.concat([
      fixedRandom,
      Buffer.from([0, 0, 0, 2]),
      Buffer.from([0xe4, 0xbd]),
      Buffer.from(appId),
    ]);
    const padded = Buffer.concat([plain, Buffer.alloc(32 - (plain.length % 32), 32 - (plain.length % 32))]);
    expect(reasonOf(() => decrypt(rawEncrypt(padded), key, appId))).toBe('bad_utf8');
  });

  it.each([
    ['a ciphertext cut short by a byte', Buffer.from(encrypted, 'base64').subarray(0, -1).toString('base64')],
    ['an empty ciphertext', ''],
  ])('%s', (_label, bad) => {
    expect(reasonOf(() => decrypt(bad, key, appId))).toBe('bad_length');
  });

  it.each([
    ['a space inside', encrypted.slice(0, 10) + ' ' + encrypted.slice(10)],
    ['URL-safe characters', MP_JAVA.encrypted.replace(/\+/g, '-')],
    ['its padding characters left off', MP_JAVA.encrypted.replace(/=+$/, '')],
    ['not base64 at all', '<xml>not encrypted</xml>'],
    ['percent-encoded, as in an undecoded query string', encodeURIComponent(WECOM_PY.verify.echostr)],
  ])('base64 with %s', (_label, bad) => {
    expect(reasonOf(() => decrypt(bad, key, appId))).toBe('bad_base64');
  });
});
