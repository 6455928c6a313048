/**
 * Why a WeChat / WeCom callback was refused. These are plain errors, not
 * AppErrors: the callback route decides what the platform is told (usually
 * a bare 403 or "success"), so the API's error mapper must not turn them into
 * JSON bodies by accident.
 */

export type WechatCryptoReason =
  /** The EncodingAESKey is not 43 characters of a–z, A–Z, 0–9. */
  | 'bad_key'
  /** The ciphertext is not canonical base64. */
  | 'bad_base64'
  /** Ciphertext not whole AES blocks, or a length field that overruns the plaintext. */
  | 'bad_length'
  /** PKCS#7 padding outside 1..32 or with unequal bytes: the wrong key, or tampering. */
  | 'bad_padding'
  /** The message is not valid UTF-8. */
  | 'bad_utf8'
  /** Decrypted fine but addressed to another AppId / CorpId. */
  | 'wrong_receiver'
  /** msg_signature does not match: not from the platform, or tampered with. */
  | 'bad_signature'
  /** A safe-mode envelope without its <Encrypt> field. */
  | 'no_encrypt';

export class WechatCryptoError extends Error {
  constructor(
    readonly reason: WechatCryptoReason,
    message: string,
  ) {
    super(message);
    this.name = 'WechatCryptoError';
  }
}

export type WechatXmlReason =
  /** Over the size limit, refused before parsing. */
  | 'too_large'
  /** DOCTYPE, ENTITY, comments or processing instructions: never sent by the platforms, and the door to XXE. */
  | 'declaration'
  /** An element inside a field, where a value is expected. */
  | 'nested'
  /** The same field twice: which one would be believed is ambiguous. */
  | 'duplicate'
  /** Anything else that is not `<xml><Field>value</Field>…</xml>`. */
  | 'malformed';

export class WechatXmlError extends Error {
  constructor(
    readonly reason: WechatXmlReason,
    message: string,
  ) {
    super(message);
    this.name = 'WechatXmlError';
  }
}
