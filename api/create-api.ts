/**
 * The mini-program API as a Koa app that does not listen: the composition
 * root calls `listen`, tests use `supertest(app.callback())`.
 * Handlers are thin: validate, call a service, shape the reply.
 */
import Koa from 'koa';
import helmet from 'koa-helmet';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Services } from '../services';
import { errorHandler } from './middleware/error-handler';
import { jsonBody } from './middleware/json-body';
import { healthRoutes } from './routes/health';

export interface ApiDependencies {
  services: Services;
  config: Config;
  logger: Logger;
  isDatabaseReachable: () => Promise<boolean>;
}

export function createApi(deps: ApiDependencies): Koa {
  const app = new Koa();
  app.proxy = true;
  // Koa's default handler would log client errors as if they were ours.
  app.silent = true;
  app.use(errorHandler(deps.logger));
  app.use(helmet());
  app.use(jsonBody(deps.config.API_BODY_LIMIT_KB * 1024));

  const routers = [healthRoutes(deps.isDatabaseReachable)];
  for (const router of routers) {
    app.use(router.routes());
    app.use(router.allowedMethods({ throw: true }));
  }
  return app;
}
