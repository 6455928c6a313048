/**
 * Safe mode ("安全模式") end to end: the envelope a callback arrives in and
 * the one a passive reply goes out in. The order matters: the scheme has no
 * MAC, so msg_signature (which covers the ciphertext) is checked before
 * anything is decrypted, and a message that fails it is never read.
 *
 * Not checked here: how old `timestamp` is, or whether a nonce was seen
 * before. Both need a clock or a store; the callback route does that.
 */
import { WechatCryptoError } from './errors';
import { AesKey, decrypt, encrypt } from './message-crypto';
import { messageSignature, signaturesMatch } from './signature';
import { buildXml, parseXml } from './xml';

/** The query parameters the platforms add to a safe-mode callback URL. */
export interface SafeModeQuery {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

/** What one account shares with the platform; receiveId is the AppId (Official Account) or CorpId (WeCom). */
export interface SafeModeAccount {
  token: string;
  key: AesKey;
  receiveId: string;
}

function checkSignature(account: SafeModeAccount, query: SafeModeQuery, encrypted: string): void {
  const expected = messageSignature(account.token, query.timestamp, query.nonce, encrypted);
  if (!signaturesMatch(expected, query.msg_signature)) {
    throw new WechatCryptoError('bad_signature', 'msg_signature does not match');
  }
}

/**
 * The fields of the message inside a POSTed envelope (`<xml><Encrypt>…`),
 * once its signature is checked and it is decrypted for this account.
 * Throws WechatCryptoError or WechatXmlError.
 */
export function openEnvelope(
  input: SafeModeAccount & { body: string | Buffer; query: SafeModeQuery },
): Record<string, string> {
  const encrypted = parseXml(input.body).Encrypt;
  if (encrypted === undefined) throw new WechatCryptoError('no_encrypt', 'the envelope has no <Encrypt>');
  checkSignature(input, input.query, encrypted);
  return parseXml(decrypt(encrypted, input.key, input.receiveId));
}

/**
 * The URL check (GET with `echostr`): the plaintext to answer with, which
 * proves to the platform that we hold the key.
 */
export function openEcho(input: SafeModeAccount & { query: SafeModeQuery & { echostr: string } }): string {
  checkSignature(input, input.query, input.query.echostr);
  return decrypt(input.query.echostr, input.key, input.receiveId);
}

/**
 * The envelope of a passive reply: `replyXml` (from buildXml) encrypted for
 * this account and signed with `timestamp` and `nonce` (fresh ones, or the
 * request's). `random16` is for tests only.
 */
export function sealReply(
  input: SafeModeAccount & { replyXml: string; timestamp: string; nonce: string; random16?: Buffer },
): string {
  const encrypted = encrypt(input.replyXml, input.receiveId, input.key, input.random16);
  return buildXml({
    Encrypt: encrypted,
    MsgSignature: messageSignature(input.token, input.timestamp, input.nonce, encrypted),
    // Plain text, as in Tencent's samples, when it is the usual seconds since 1970.
    TimeStamp: /^[1-9]\d{0,14}$/.test(input.timestamp) ? Number(input.timestamp) : input.timestamp,
    Nonce: input.nonce,
  });
}
