/**
 * The real API for tests: a migrated test database (SQLite, or MariaDB with
 * DATABASE_URL), the shipped content loaded into it, the shared services, and
 * `createApi` over them, with helpers to make founders and their tokens.
 */
import type Koa from 'koa';
import supertest from 'supertest';
import { createApi } from '../../../api/create-api';
import { databaseHealth, type DatabaseHealth } from '../../../db/open-database';
import { Logger, silentLogger } from '../../../logging/logger';
import type { Services } from '../../../services';
import { fixedClock } from '../../../services/clock';
import { CONTENT_DIR, loadedServices } from '../../support/loaded-services';
import { openTestDatabase, TestDatabase } from '../../support/test-database';

export { CONTENT_DIR };
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const SESSION_SECRET = 'test-session-secret-0123456789-abcdef';
/** 10:00 in Shanghai on the personas' date. */
export const TEST_NOW = new Date('2026-11-23T02:00:00Z');

export interface ApiWorld {
  db: TestDatabase;
  services: Services;
  app: Koa;
  clock: ReturnType<typeof fixedClock>;
  http(): ReturnType<typeof supertest>;
  /** A mini-program founder (created on first use) and a session token for them. */
  founder(name: string): Promise<{ id: string; token: string; auth: { Authorization: string } }>;
  close(): Promise<void>;
}

export interface WorldOptions {
  logger?: Logger;
  databaseHealth?: () => Promise<DatabaseHealth>;
  /** The rate limiter's clock (fixed one-minute windows): a test counting to the limit must not straddle a minute. */
  now?: () => number;
}

export async function openApiWorld(env: Record<string, string> = {}, options: WorldOptions = {}): Promise<ApiWorld> {
  const db = await openTestDatabase({
    ADMIN_TOKEN,
    SESSION_SECRET,
    RATE_LIMIT_PER_MINUTE: '100000',
    CONTENT_DIR,
    ...env,
  });
  const clock = fixedClock(TEST_NOW);
  const services = await loadedServices(db, clock);
  const app = createApi({
    services,
    config: db.config,
    logger: options.logger ?? silentLogger(),
    databaseHealth: options.databaseHealth ?? (() => databaseHealth(db.dataSource, db.config.HEALTH_TIMEOUT_MS)),
    ...(options.now ? { now: options.now } : {}),
  });
  const callback = app.callback();
  return {
    db,
    services,
    app,
    clock,
    http: () => supertest(callback),
    async founder(name) {
      const founder = await services.founders.findOrCreate({ channel: 'miniprogram', openid: `openid-${name}` });
      const { token } = services.sessions.issue(founder.id);
      return { id: founder.id, token, auth: { Authorization: `Bearer ${token}` } };
    },
    close: () => db.close(),
  };
}
