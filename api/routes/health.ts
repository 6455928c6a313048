import Router from '@koa/router';
import type { DatabaseHealth } from '../../db/open-database';

/** Whether the shared Redis answers (only asked when REDIS_URL is set). */
export type RedisReadiness = () => boolean;

/**
 * GET /health: 200 when the database answers with its schema in place, 503
 * otherwise; never hangs. GET /ready: the same, and with REDIS_URL also
 * Redis: a load balancer sends traffic only to a replica whose dependencies
 * answer (while Redis is down a replica still serves, with limits in memory,
 * but is not "ready").
 */
export function healthRoutes(databaseHealth: () => Promise<DatabaseHealth>, redisReady?: RedisReadiness): Router {
  const router = new Router();
  router.get('/health', async (ctx) => {
    const { up, schema } = await databaseHealth();
    ctx.status = up ? 200 : 503;
    if (!up) ctx.set('Retry-After', '5');
    ctx.body = { status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down', schema };
  });
  router.get('/ready', async (ctx) => {
    const { up } = await databaseHealth();
    const redis = redisReady ? (redisReady() ? 'up' : 'down') : 'not configured';
    const ready = up && redis !== 'down';
    ctx.status = ready ? 200 : 503;
    if (!ready) ctx.set('Retry-After', '5');
    ctx.body = { status: ready ? 'ready' : 'unavailable', database: up ? 'up' : 'down', redis };
  });
  return router;
}
