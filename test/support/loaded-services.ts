/** The shared services over a test database with the shipped content loaded, as every adapter test needs them. */
import path from 'node:path';
import { readCatalogue } from '../../catalogue/read-content';
import { silentLogger } from '../../logging/logger';
import { createServices, Services } from '../../services';
import { fixedClock } from '../../services/clock';
import type { TestDatabase } from './test-database';

export const CONTENT_DIR = path.resolve(__dirname, '../../content');

export async function loadedServices(db: TestDatabase, clock: ReturnType<typeof fixedClock>): Promise<Services> {
  const services = createServices({
    dataSource: db.dataSource,
    config: db.config,
    logger: silentLogger(),
    clock,
    readCatalogue,
  });
  await services.content.load(CONTENT_DIR, { actor: 'test' });
  return services;
}
