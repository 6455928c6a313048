/**
 * Signed founder session tokens: `fg1.<payload>.<hmac>`, HMAC-SHA256 over the
 * payload with SESSION_SECRET (or a random per-process key when it is unset,
 * so tokens die with the process rather than being forgeable). Stateless on
 * purpose: erasing a founder ends their sessions because the founder row is
 * gone, which the API checks on every authenticated request.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from './clock';

const PREFIX = 'fg1';
const DEFAULT_TTL_SECONDS = 30 * 24 * 60 * 60;

export type TokenCheck = { ok: true; founderId: string } | { ok: false; reason: 'invalid' | 'expired' };

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export class SessionTokens {
  private readonly key: Buffer;

  constructor(
    secret: string | undefined,
    private readonly clock: Clock,
    private readonly ttlSeconds = DEFAULT_TTL_SECONDS,
  ) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(founderId: string): IssuedToken {
    const expiresAt = new Date(Math.floor(this.clock.now().getTime() / 1000 + this.ttlSeconds) * 1000);
    const payload = Buffer.from(JSON.stringify({ sub: founderId, exp: expiresAt.getTime() / 1000 })).toString(
      'base64url',
    );
    return { token: `${PREFIX}.${payload}.${this.sign(payload)}`, expiresAt };
  }

  verify(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, reason: 'invalid' };
    const [, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    // Same length first: timingSafeEqual throws otherwise (the length is public anyway).
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    let claims: { sub?: unknown; exp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return { ok: false, reason: 'invalid' };
    if (claims.exp * 1000 <= this.clock.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, founderId: claims.sub };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(`${PREFIX}.${payload}`).digest('base64url');
  }
}
