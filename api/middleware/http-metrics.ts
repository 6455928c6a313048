/**
 * Counts every request by method, route template and status, and times it
 * (GET /metrics). The route is the template (`/api/v1/policies/:id`), never
 * the raw path: no ids or text a client typed become label values.
 */
import type { Context, Next } from 'koa';
import type { Metrics } from '../../metrics/metrics';

export function httpMetrics(metrics: Metrics) {
  return async function measure(ctx: Context, next: Next): Promise<void> {
    const stop = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const route = (ctx as Context & { _matchedRoute?: string })._matchedRoute ?? 'unmatched';
      metrics.httpRequests.inc({ method: ctx.method, route, status: String(ctx.status) });
      metrics.httpDuration.observe({ method: ctx.method, route }, Number(process.hrtime.bigint() - stop) / 1e9);
    }
  };
}
