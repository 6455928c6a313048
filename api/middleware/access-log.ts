/**
 * One log line per request: method, the route template (not the raw URL, so
 * no query text and no ids a client typed), status, duration and the
 * internal founder id. Never openid, tokens or answers.
 */
import type { Context, Next } from 'koa';
import type { Logger } from '../../logging/logger';

export function accessLog(logger: Logger) {
  return async function logRequest(ctx: Context, next: Next): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      if (logger.isLevelEnabled('info')) {
        logger.info(
          {
            method: ctx.method,
            route: (ctx as Context & { _matchedRoute?: string })._matchedRoute ?? 'unmatched',
            status: ctx.status,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            founderId: ctx.state.founderId,
            requestId: ctx.state.requestId,
          },
          'request',
        );
      }
    }
  };
}
