import Router from '@koa/router';
import type { DatabaseHealth } from '../../db/open-database';

/** GET /health: 200 when the database answers with its schema in place, 503 otherwise; never hangs. */
export function healthRoutes(databaseHealth: () => Promise<DatabaseHealth>): Router {
  const router = new Router();
  router.get('/health', async (ctx) => {
    const { up, schema } = await databaseHealth();
    ctx.status = up ? 200 : 503;
    if (!up) ctx.set('Retry-After', '5');
    ctx.body = { status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down', schema };
  });
  return router;
}
