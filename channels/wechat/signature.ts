/**
 * The platforms' request signatures: SHA-1 over the inputs sorted as strings
 * and concatenated, keyed only by the shared Token. Every input is ASCII
 * (digits, the Token, base64), so JavaScript's code-unit sort agrees with the
 * byte sort of Tencent's samples.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function sortedSha1(parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''), 'utf8')
    .digest('hex');
}

/** Plaintext mode: the `signature` query parameter of the URL check (GET) and of every message (POST). */
export function urlSignature(token: string, timestamp: string, nonce: string): string {
  return sortedSha1([token, timestamp, nonce]);
}

/** Safe mode: `msg_signature`, which also covers the ciphertext (`<Encrypt>` or `echostr`). */
export function messageSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return sortedSha1([token, timestamp, nonce, encrypted]);
}

/**
 * Compares a signature we computed with the one received, in time that does
 * not depend on where they differ, so a caller cannot find a valid signature
 * byte by byte. Different lengths are simply unequal (timingSafeEqual throws
 * on them); the length of a SHA-1 hex string is no secret.
 */
export function signaturesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
