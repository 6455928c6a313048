/**
 * Admin routes: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant
 * time (both sides hashed first, so even the length does not leak). No token
 * configured → 503: the admin surface is off, not open.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Next } from 'koa';
import { AuthError, UnavailableError } from '../../errors';
import { messages } from '../messages';
import { bearerToken } from './founder-auth';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function adminAuth(adminToken: string | undefined) {
  const expected = adminToken ? digest(adminToken) : null;
  return async function authenticateAdmin(ctx: Context, next: Next): Promise<void> {
    if (!expected) throw new UnavailableError(messages.adminDisabled);
    const given = bearerToken(ctx);
    if (!given) throw new AuthError(messages.adminTokenRequired);
    if (!timingSafeEqual(digest(given), expected)) throw new AuthError(messages.adminTokenRequired, true);
    ctx.state.actor = 'admin';
    await next();
  };
}
