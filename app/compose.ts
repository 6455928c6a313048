/**
 * The composition root: config → data source → services → adapters.
 * Everything that needs a database, a clock or a logger receives it here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApi } from '../api/create-api';
import { openRedis, redisReady } from './redis';
import { platformClients } from '../channels/platform-clients';
import { officialAccountEnabled } from '../channels/official-account';
import { OFFICIAL_ACCOUNT_PATH } from '../channels/official-account/callback';
import { wecomKfEnabled } from '../channels/wecom-kf';
import { WECOM_KF_PATH } from '../channels/wecom-kf/callback';
import type { Config } from '../config/config';
import { databaseHealth } from '../db/open-database';
import type { Logger } from '../logging/logger';
import type { Services } from '../services';
import { Clock, systemClock } from '../services/clock';
import { createReminders } from '../reminders';
import { redisTokenStore } from '../reminders/redis-access-tokens';
import { composeServices } from './compose-services';
import { listenFailure } from './startup-error';
import { closeServer } from './close-server';
import { loggableError } from '../logging/loggable-error';

export interface Application {
  dataSource: DataSource;
  services: Services;
  /**
   * Starts the HTTP server, then the adapters beside it (bot, reminders);
   * resolves with its address. A server that cannot listen starts nothing:
   * a second instance on a used port must not plan or send reminders.
   */
  listen(port?: number): Promise<string>;
  /**
   * Graceful stop (SIGTERM): no new connections; requests in flight and the
   * reminder message being sent finish (requests get SHUTDOWN_GRACE_MS), then
   * Redis and the database close.
   */
  stop(): Promise<void>;
}

/** How long requests in flight get to finish on stop; less than the 10 s `docker stop` waits before SIGKILL. */
const SHUTDOWN_GRACE_MS = 8000;

export async function composeApplication(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<Application> {
  const { dataSource, services } = await composeServices(config, logger, clock, { metricsDefaults: true });

  const redis = config.REDIS_URL ? openRedis(config.REDIS_URL, logger) : undefined;
  logger.info(
    redis
      ? 'rate limits and WeChat access tokens are shared through Redis'
      : 'rate limits and WeChat access tokens are per process: set REDIS_URL to share them',
  );
  const tokenStore = redis ? redisTokenStore(redis, config, logger) : undefined;
  // One client (and one access_token) per WeChat/WeCom account, for the chat channels and the reminders.
  const clients = platformClients(config, tokenStore);
  const api = createApi({
    services,
    config,
    logger,
    clients,
    databaseHealth: () => databaseHealth(dataSource, config.HEALTH_TIMEOUT_MS),
    ...(redis ? { redis } : {}),
  });
  /** The adapters' stops (bot, reminder scheduler), run beside the server's on stop. */
  const stops: (() => Promise<void>)[] = [];

  /** The adapters beside the API, started once it listens. */
  async function startAdapters(): Promise<void> {
    // Wechaty takes over a second to load: only pay for it when the bot is on.
    const bot = config.WECHATY_PUPPET
      ? await (await import('../bot/start-bot')).startWechatyBot(services, config, logger)
      : undefined;
    if (bot) stops.push(() => bot.stop());
    if (!config.WECHATY_PUPPET) logger.info('WeChat bot is off: set WECHATY_PUPPET to start it');
    logger.info(
      officialAccountEnabled(config)
        ? `Official Account channel is on at ${OFFICIAL_ACCOUNT_PATH}${config.WECHAT_OA_AES_KEY ? ' (safe mode)' : ''}`
        : 'Official Account channel is off: set WECHAT_OA_TOKEN and WECHAT_OA_APPID to start it',
    );
    logger.info(
      wecomKfEnabled(config)
        ? `WeCom customer service channel is on at ${WECOM_KF_PATH}`
        : 'WeCom customer service channel is off: set WECOM_CORP_ID, WECOM_KF_SECRET, WECOM_TOKEN and WECOM_AES_KEY to start it',
    );
    if (config.REMINDERS_ENABLED) {
      // The first send should find the shared access token, not fall back while Redis still connects.
      if (redis) await redisReady(redis, 2000);
      // The bot (when it runs here) is the WeChat channel: reminders share its throttled sender.
      const reminders = createReminders({
        dataSource,
        config,
        logger,
        clock,
        services,
        clients,
        ...(bot ? { contacts: bot } : {}),
      });
      for (const { channel, reason } of reminders.unavailable)
        logger.info({ channel }, `reminders: ${channel} channel unavailable: ${reason}`);
      const scheduler = reminders.startScheduler();
      stops.push(() => scheduler.stop());
    }
  }

  let server: http.Server | undefined;
  return {
    dataSource,
    services,
    async listen(port = config.PORT) {
      const address = await new Promise<string>((resolve, reject) => {
        server = http.createServer(api.callback());
        server.once('error', (error) => reject(listenFailure(error, port, config.HOST)));
        server.listen(port, config.HOST, () => {
          const bound = server!.address() as AddressInfo;
          resolve(`http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${bound.port}`);
        });
      });
      await startAdapters();
      return address;
    },
    async stop() {
      // The server and the adapters wind down together: requests in flight and the reminder
      // message in flight finish; only then do Redis and the database they use close.
      await Promise.all([
        server ? closeServer(server, SHUTDOWN_GRACE_MS) : undefined,
        ...stops
          .reverse()
          .map((stop) =>
            stop().catch((error: unknown) => logger.error({ err: loggableError(error) }, 'stopping an adapter failed')),
          ),
      ]);
      if (redis) await redis.quit().catch(() => redis.disconnect());
      await dataSource.destroy();
      logger.info('stopped: requests and reminders finished, database closed');
    },
  };
}
