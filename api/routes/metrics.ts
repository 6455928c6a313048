import Router from '@koa/router';
import { timingSafeEqual } from 'node:crypto';
import type { Metrics } from '../../metrics/metrics';

function tokenMatches(header: string, token: string): boolean {
  const given = Buffer.from(header);
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * GET /metrics in Prometheus text format, for a scraper that sends
 * `Authorization: Bearer $METRICS_TOKEN`. Without METRICS_TOKEN the route does
 * not exist (404): counters of a public service are not public.
 */
export function metricsRoutes(metrics: Metrics, token: string): Router {
  const router = new Router();
  router.get('/metrics', async (ctx) => {
    if (!tokenMatches(ctx.get('authorization'), token)) {
      ctx.status = 401;
      ctx.body = { error: { code: 'unauthorized', message: '需要 METRICS_TOKEN', details: [] } };
      return;
    }
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });
  return router;
}
