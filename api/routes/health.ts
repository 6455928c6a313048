import Router from '@koa/router';

/** GET /health: 200 when the database answers, 503 otherwise. */
export function healthRoutes(isDatabaseReachable: () => Promise<boolean>): Router {
  const router = new Router();
  router.get('/health', async (ctx) => {
    const database = await isDatabaseReachable();
    ctx.status = database ? 200 : 503;
    ctx.body = { status: database ? 'ok' : 'unavailable', database: database ? 'up' : 'down' };
  });
  return router;
}
