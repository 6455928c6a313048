/**
 * The message encryption of WeChat Official Accounts and WeCom ("安全模式"),
 * with node:crypto alone:
 *
 *   plaintext  = 16 random bytes ‖ uint32 BE length of msg ‖ msg (UTF-8) ‖ receiveId
 *   ciphertext = base64(AES-256-CBC(key, iv = key[0..16), PKCS#7 to 32-byte blocks))
 *
 * receiveId is the AppId for an Official Account, the CorpId for WeCom.
 * The padding is to 32 bytes, not AES's 16, so Node's automatic padding is
 * off and it is done by hand (OpenSSL would reject a 17..32 pad on decrypt).
 *
 * There is no MAC: flipping ciphertext bits can change the message without
 * breaking the padding. Integrity comes from msg_signature, which must be
 * checked before decrypting (safe-mode.ts does); decrypt only refuses what
 * is visibly wrong.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { WechatCryptoError } from './errors';

/** The padding block of the scheme, twice AES's own. */
const BLOCK = 32;
const AES_BLOCK = 16;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;
const HEADER = RANDOM_BYTES + LENGTH_BYTES;

/** The decoded EncodingAESKey; make it once at start-up so a bad key fails there. */
export interface AesKey {
  readonly key: Buffer;
  readonly iv: Buffer;
}

/**
 * The platforms generate 43 characters of a–z, A–Z, 0–9. Buffer.from(…,
 * 'base64') silently skips anything else, so a mistyped key (a space, a
 * quote pasted along) would decode to a shorter, wrong key: checked first.
 */
export function aesKeyFrom(encodingAesKey: string): AesKey {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) {
    throw new WechatCryptoError(
      'bad_key',
      `EncodingAESKey must be 43 characters of a-z, A-Z, 0-9 (got ${encodingAesKey.length} characters)`,
    );
  }
  const key = Buffer.from(encodingAesKey + '=', 'base64');
  if (key.length !== 32) {
    throw new WechatCryptoError('bad_key', `EncodingAESKey decodes to ${key.length} bytes, not 32`);
  }
  return { key, iv: key.subarray(0, 16) };
}

/** PKCS#7 to a multiple of 32: always 1..32 bytes, a whole block when already aligned. */
function pad(plain: Buffer): Buffer {
  const amount = BLOCK - (plain.length % BLOCK);
  return Buffer.concat([plain, Buffer.alloc(amount, amount)]);
}

function unpad(padded: Buffer): Buffer {
  const amount = padded[padded.length - 1]!;
  if (amount < 1 || amount > BLOCK || amount > padded.length) {
    throw new WechatCryptoError('bad_padding', `padding byte ${amount} is outside 1..${BLOCK}`);
  }
  for (let i = padded.length - amount; i < padded.length; i++) {
    if (padded[i] !== amount) throw new WechatCryptoError('bad_padding', 'padding bytes differ');
  }
  return padded.subarray(0, padded.length - amount);
}

/**
 * Encrypts `message` for `receiveId`. `random16` is for tests and published
 * vectors only; left out, 16 fresh random bytes are used.
 */
export function encrypt(message: string, receiveId: string, key: AesKey, random16?: Buffer): string {
  const random = random16 ?? randomBytes(RANDOM_BYTES);
  if (random.length !== RANDOM_BYTES) throw new RangeError(`random prefix must be ${RANDOM_BYTES} bytes`);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(body.length, 0);
  const plain = pad(Buffer.concat([random, length, body, Buffer.from(receiveId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key.key, key.iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

// Canonical base64 only: Buffer.from would skip stray characters and decode a different ciphertext.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decrypts a message meant for `expectedReceiveId`, or throws a
 * WechatCryptoError saying why: never returns a half-decoded message.
 */
export function decrypt(encrypted: string, key: AesKey, expectedReceiveId: string): string {
  if (!BASE64.test(encrypted)) throw new WechatCryptoError('bad_base64', 'ciphertext is not base64');
  const data = Buffer.from(encrypted, 'base64');
  // Whole AES blocks. The platforms pad to 32 bytes, but their own SDKs accept any
  // PKCS#7 pad of 1..32 on 16-byte blocks, so this does not ask for more.
  if (data.length === 0 || data.length % AES_BLOCK !== 0) {
    throw new WechatCryptoError('bad_length', `ciphertext of ${data.length} bytes is not whole AES blocks`);
  }
  const decipher = createDecipheriv('aes-256-cbc', key.key, key.iv);
  decipher.setAutoPadding(false);
  const plain = unpad(Buffer.concat([decipher.update(data), decipher.final()]));
  if (plain.length < HEADER) throw new WechatCryptoError('bad_length', 'plaintext shorter than its header');
  const length = plain.readUInt32BE(RANDOM_BYTES);
  if (length > plain.length - HEADER) {
    throw new WechatCryptoError('bad_length', `message length ${length} overruns the plaintext`);
  }
  const body = plain.subarray(HEADER, HEADER + length);
  const receiveId = plain.subarray(HEADER + length).toString('utf8');
  if (receiveId !== expectedReceiveId) {
    throw new WechatCryptoError('wrong_receiver', `message is for "${receiveId}", not "${expectedReceiveId}"`);
  }
  try {
    return UTF8.decode(body);
  } catch {
    throw new WechatCryptoError('bad_utf8', 'message is not valid UTF-8');
  }
}
