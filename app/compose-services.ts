/**
 * The first half of the composition root, on its own: config → data source →
 * services with the catalogue in force (content loaded on first start). The
 * server uses it, and so do tools that need the services but no HTTP server
 * (`npm run chat`, reports).
 */
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { readCatalogue } from '../catalogue/read-content';
import type { Config } from '../config/config';
import { describeDatabase, openDatabase } from '../db/open-database';
import type { Logger } from '../logging/logger';
import { createServices, Services } from '../services';
import { Clock, systemClock } from '../services/clock';

export interface ComposedServices {
  dataSource: DataSource;
  services: Services;
}

export async function composeServices(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
  options: { metricsDefaults?: boolean } = {},
): Promise<ComposedServices> {
  const dataSource = await openDatabase(config);
  logger.info({ database: describeDatabase(config) }, 'database ready');
  const services = createServices({ dataSource, config, logger, clock, readCatalogue, ...options });

  const contentDir = path.resolve(config.CONTENT_DIR);
  const loaded = await services.content.loadIfEmpty(contentDir, (line) => logger.info(`content: ${line}`));
  if (!loaded) await services.catalogue.refresh();
  logger.info({ release: services.catalogue.currentRelease()?.id }, 'catalogue ready');
  return { dataSource, services };
}
