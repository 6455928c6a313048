/**
 * The composition root: config → data source → services → adapters.
 * Everything that needs a database, a clock or a logger receives it here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createApi } from '../api/create-api';
import { readCatalogue } from '../catalogue/read-content';
import type { Config } from '../config/config';
import { describeDatabase, isDatabaseReachable, openDatabase } from '../db/open-database';
import type { Logger } from '../logging/logger';
import { createServices, Services } from '../services';
import { Clock, systemClock } from '../services/clock';

export interface Application {
  dataSource: DataSource;
  services: Services;
  /** Starts the HTTP server; resolves with its address. */
  listen(port?: number): Promise<string>;
  stop(): Promise<void>;
}

export async function composeApplication(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<Application> {
  const dataSource = await openDatabase(config);
  logger.info({ database: describeDatabase(config) }, 'database ready');
  const services = createServices({ dataSource, config, logger, clock, readCatalogue });

  const contentDir = path.resolve(config.CONTENT_DIR);
  const loaded = await services.content.loadIfEmpty(contentDir, (line) => logger.info(`content: ${line}`));
  if (!loaded) await services.catalogue.refresh();
  logger.info({ release: services.catalogue.currentRelease()?.id }, 'catalogue ready');

  const api = createApi({ services, config, logger, isDatabaseReachable: () => isDatabaseReachable(dataSource) });
  const stops: (() => Promise<void>)[] = [];

  // --- adapters started beside the API ---
  if (!config.WECHATY_PUPPET) logger.info('WeChat bot is off: set WECHATY_PUPPET to start it');

  let server: http.Server | undefined;
  return {
    dataSource,
    services,
    listen(port = config.PORT) {
      return new Promise((resolve, reject) => {
        server = http.createServer(api.callback());
        server.once('error', reject);
        server.listen(port, config.HOST, () => {
          const address = server!.address() as AddressInfo;
          resolve(`http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${address.port}`);
        });
      });
    },
    async stop() {
      for (const stop of stops.reverse()) await stop();
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      await dataSource.destroy();
    },
  };
}
