/**
 * Each request observed once, when it is done: one log line (method, the
 * route template — not the raw URL, so no query text and no ids a client
 * typed —, status, duration, the internal founder id, and the request id the logger adds; never
 * openid, tokens or answers) and, with `metrics`, the request counted and
 * timed under the same route template (GET /metrics).
 */
import type { Context, Next } from 'koa';
import type { Logger } from '../../logging/logger';
import type { Metrics } from '../../metrics/metrics';

export function accessLog(logger: Logger, metrics?: Metrics) {
  return async function logRequest(ctx: Context, next: Next): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const route = (ctx as Context & { _matchedRoute?: string })._matchedRoute ?? 'unmatched';
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (metrics) {
        metrics.httpRequests.inc({ method: ctx.method, route, status: String(ctx.status) });
        metrics.httpDuration.observe({ method: ctx.method, route }, ms / 1000);
      }
      if (logger.isLevelEnabled('info')) {
        logger.info(
          {
            method: ctx.method,
            route,
            status: ctx.status,
            ms,
            founderId: ctx.state.founderId,
          },
          'request',
        );
      }
    }
  };
}
