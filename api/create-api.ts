/**
 * The mini-program API as a Koa app that does not listen: the composition
 * root calls `listen`, tests use `supertest(app.callback())`.
 * Handlers are thin: validate, call a service, shape the reply.
 */
import Router from '@koa/router';
import { OFFICIAL_ACCOUNT_PATH } from '../channels/official-account/callback';
import { requestId } from './middleware/request-id';
import { RedisRateLimiter, type RequestLimiter } from './middleware/shared-rate-limit';
import type Redis from 'ioredis';
import type { SharedTokenStore } from '../reminders/wechat-access-token';
import { metricsRoutes } from './routes/metrics';
import { officialAccountFrom } from '../channels/official-account';
import { wecomKfFrom } from '../channels/wecom-kf';
import { platformClients, type PlatformClients } from '../channels/platform-clients';
import { WECOM_KF_PATH } from '../channels/wecom-kf/callback';
import Koa from 'koa';
import helmet from 'koa-helmet';
import type { DatabaseHealth } from '../db/open-database';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Services } from '../services';
import { MiniProgramLoginService } from '../services/miniprogram-login-service';
import { messages } from './messages';
import { accessLog } from './middleware/access-log';
import { adminAuth } from './middleware/admin-auth';
import { errorHandler } from './middleware/error-handler';
import { founderAuth } from './middleware/founder-auth';
import { jsonBody } from './middleware/json-body';
import { RateLimiter, rateLimitByIp } from './middleware/rate-limit';
import { AnyRouteSpec, ApiRouter } from './route';
import { adminRoutes } from './routes/admin';
import { assessmentRoutes } from './routes/assessments';
import { authRoutes } from './routes/auth';
import { deadlineRoutes } from './routes/deadlines';
import { docsRoutes } from './routes/docs';
import { eligibilityRoutes } from './routes/eligibility';
import { healthRoutes } from './routes/health';
import { incubatorRoutes } from './routes/incubators';
import { meRoutes } from './routes/me';
import { policyRoutes } from './routes/policies';
import { profileRoutes } from './routes/profile';
import { subscriptionRoutes } from './routes/subscriptions';
import { isPageAsset, webPageRoutes } from '../web/page-routes';

export interface ApiDependencies {
  services: Services;
  config: Config;
  logger: Logger;
  /** GET /health's probe (db/open-database.ts databaseHealth, with HEALTH_TIMEOUT_MS). */
  databaseHealth: () => Promise<DatabaseHealth>;
  /** For tests: the rate limiter's clock and WeChat's HTTP client. */
  now?: () => number;
  /** With REDIS_URL: the client the replicas share rate limits through (the composition root owns it). */
  redis?: Redis;
  /** With REDIS_URL: the channels' WeChat access tokens are shared with the other replicas. */
  tokenStore?: SharedTokenStore;
  fetch?: typeof fetch;
  /** WeChat/WeCom API clients shared with the reminders (the composition root builds them once). */
  clients?: PlatformClients;
}

export function createApi(deps: ApiDependencies): Koa {
  const { services, config } = deps;
  const app = new Koa();
  // X-Forwarded-For is believed only behind the configured proxies, and only the
  // addresses they appended: run directly, a client cannot pick its own rate-limit key.
  app.proxy = config.TRUST_PROXY > 0;
  app.maxIpsCount = config.TRUST_PROXY;
  // Koa's default handler would log client errors as if they were ours.
  app.silent = true;

  const limiter: RequestLimiter = deps.redis
    ? new RedisRateLimiter(deps.redis, config.RATE_LIMIT_PER_MINUTE, config.REDIS_KEY_PREFIX)
    : new RateLimiter(config.RATE_LIMIT_PER_MINUTE, deps.now);
  app.use(requestId());
  app.use(accessLog(deps.logger, services.metrics));
  app.use(errorHandler(deps.logger));
  app.use(helmet());
  app.use(
    rateLimitByIp(
      limiter,
      (path) => path === '/health' || path === '/ready' || path === '/metrics' || isPageAsset(path),
    ),
  );
  const clients = deps.clients ?? platformClients(config, deps.tokenStore);
  const officialAccount = officialAccountFrom(config, services, deps.logger, clients.officialAccount);
  const wecomKf = wecomKfFrom(config, services, deps.logger, clients.wecomKf);
  const xmlPaths = [...(officialAccount ? [OFFICIAL_ACCOUNT_PATH] : []), ...(wecomKf ? [WECOM_KF_PATH] : [])];
  app.use(jsonBody(config.API_BODY_LIMIT_KB * 1024, xmlPaths));

  const router = new Router();
  const registry: AnyRouteSpec[] = [];
  const founder = { sessions: services.sessions, founders: services.founders, limiter };
  const api = new ApiRouter(router, registry, {
    founder: founderAuth(founder),
    'optional-founder': founderAuth(founder, false),
    admin: adminAuth(config.ADMIN_TOKEN),
  });
  const login = new MiniProgramLoginService(
    {
      apiBase: config.WECHAT_API_BASE,
      appid: config.WECHAT_APPID,
      secret: config.WECHAT_SECRET,
      timeoutMs: config.WECHAT_TIMEOUT_MS,
    },
    services.founders,
    services.sessions,
    {
      codeInvalid: messages.loginCodeInvalid,
      userBlocked: messages.loginBlocked,
      timeout: messages.wechatTimeout,
      unreachable: messages.wechatUnreachable,
      failed: messages.wechatFailed,
      notConfigured: messages.loginUnavailable,
    },
    deps.fetch,
  );

  const redis = deps.redis;
  router.use(healthRoutes(deps.databaseHealth, redis ? () => redis.status === 'ready' : undefined).routes());
  if (config.METRICS_TOKEN) router.use(metricsRoutes(services.metrics, config.METRICS_TOKEN).routes());
  if (officialAccount) router.use(officialAccount.routes());
  if (wecomKf) router.use(wecomKf.routes());
  registry.push({
    method: 'get',
    path: '/health',
    tag: 'health',
    summary: '200 when the database answers, else 503',
    errors: [503],
  });
  registry.push({
    method: 'get',
    path: '/ready',
    tag: 'health',
    summary: '200 when the database (and, with REDIS_URL, Redis) answers, else 503: for load balancers',
    errors: [503],
  });
  eligibilityRoutes(api, services, config.ELIGIBILITY_CACHE_ENTRIES);
  authRoutes(api, login);
  profileRoutes(api, services);
  assessmentRoutes(api, services);
  policyRoutes(api, services);
  incubatorRoutes(api, services);
  subscriptionRoutes(api, services);
  deadlineRoutes(api, services);
  meRoutes(api, services);
  adminRoutes(api, services, config.CONTENT_DIR);
  docsRoutes(api, router, registry);
  // The founder page at `/` (web/): a client of the routes above, served by the same process.
  webPageRoutes(router);

  app.use(router.routes());
  // An unknown method is the client's mistake: 405, never a 5xx.
  const methodNotAllowed = () => Object.assign(new Error(messages.methodNotAllowed), { status: 405, expose: true });
  app.use(router.allowedMethods({ throw: true, notImplemented: methodNotAllowed, methodNotAllowed }));
  return app;
}
