/**
 * `Authorization: Bearer <session token>` → `ctx.state.founderId`. The founder
 * must still exist (an erased founder's tokens stop working at once), and
 * each founder has their own rate limit on top of the per-IP one.
 */
import type { Context, Next } from 'koa';
import { AuthError } from '../../errors';
import type { FounderService } from '../../services/founder-service';
import type { SessionTokens } from '../../services/session-tokens';
import { messages } from '../messages';
import type { RequestLimiter } from './shared-rate-limit';

export interface FounderAuthDependencies {
  sessions: SessionTokens;
  founders: Pick<FounderService, 'exists'>;
  limiter: RequestLimiter;
}

export function bearerToken(ctx: Context): string | null {
  const header = ctx.get('authorization');
  const match = /^Bearer ([\x21-\x7e]{1,2048})$/i.exec(header.trim());
  return match ? match[1]! : null;
}

/** `required = false`: anonymous callers pass through; a bad token is still refused. */
export function founderAuth(deps: FounderAuthDependencies, required = true) {
  return async function authenticateFounder(ctx: Context, next: Next): Promise<void> {
    const header = ctx.get('authorization');
    if (!header && !required) return next();
    const token = bearerToken(ctx);
    if (!token) throw new AuthError(messages.loginRequired);
    const check = deps.sessions.verify(token);
    if (!check.ok) throw new AuthError(check.reason === 'expired' ? messages.sessionExpired : messages.loginRequired);
    if (!(await deps.founders.exists(check.founderId))) throw new AuthError(messages.founderGone);
    await deps.limiter.hit(`founder:${check.founderId}`);
    ctx.state.founderId = check.founderId;
    await next();
  };
}

/** The authenticated founder of this request (set by founderAuth). */
export function founderOf(ctx: Context): string {
  const id = ctx.state.founderId as string | undefined;
  if (!id) throw new AuthError(messages.loginRequired);
  return id;
}
