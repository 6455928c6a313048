/**
 * A migrated database for one test file: a fresh SQLite file by default, or
 * the MariaDB/MySQL named by DATABASE_URL (CI runs the *.db.test.ts files
 * again that way, in band, and every file starts from empty tables).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Config, loadConfig } from '../../config/config';
import { DatabaseConfig, databaseKind } from '../../db/data-source-options';
import { openDatabase } from '../../db/open-database';

export interface TestDatabase {
  dataSource: DataSource;
  config: Config;
  kind: 'sqlite' | 'mysql';
  close(): Promise<void>;
}

/** The database settings a test should use: DATABASE_URL from the environment, else a temp SQLite file. */
export function testDatabaseConfig(): DatabaseConfig & { dir?: string } {
  const env = loadConfig({ DATABASE_URL: process.env.DATABASE_URL });
  if (env.DATABASE_URL) return { DATABASE_URL: env.DATABASE_URL, SQLITE_PATH: env.SQLITE_PATH };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'founder-guide-test-'));
  return { DATABASE_URL: undefined, SQLITE_PATH: path.join(dir, 'test.sqlite'), dir };
}

export async function openTestDatabase(overrides: Record<string, string> = {}): Promise<TestDatabase> {
  const db = testDatabaseConfig();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ...(db.DATABASE_URL ? { DATABASE_URL: db.DATABASE_URL } : {}),
    SQLITE_PATH: db.SQLITE_PATH,
    ...overrides,
  });
  const dataSource = await openDatabase(config);
  const kind = databaseKind(config);
  if (kind === 'mysql') await emptyAllTables(dataSource);
  return {
    dataSource,
    config,
    kind,
    async close() {
      await dataSource.destroy();
      if (db.dir) fs.rmSync(db.dir, { recursive: true, force: true });
    },
  };
}

async function emptyAllTables(dataSource: DataSource): Promise<void> {
  await dataSource.query('SET FOREIGN_KEY_CHECKS = 0');
  try {
    for (const entity of dataSource.entityMetadatas) await dataSource.query(`DELETE FROM \`${entity.tableName}\``);
  } finally {
    await dataSource.query('SET FOREIGN_KEY_CHECKS = 1');
  }
}

/** Logs once per file which database the tests run on (visible in CI output). */
export function describeTarget(): string {
  return process.env.DATABASE_URL ? 'MariaDB/MySQL (DATABASE_URL)' : 'SQLite (temp file)';
}

/**
 * For tests that only mean something on MySQL/MariaDB: runs them when
 * DATABASE_URL is set, otherwise skips them with a visible note (never a
 * silent pass). CI sets DATABASE_URL for `npm run test:db`.
 */
export const describeOnMysql: jest.Describe = process.env.DATABASE_URL
  ? describe
  : (((name: string, fn: jest.EmptyFunction) => {
      describe.skip(`${name} [skipped: needs DATABASE_URL=mysql://…; CI runs it on MariaDB]`, fn);
      console.warn(`skipped "${name}": set DATABASE_URL to a MySQL/MariaDB database to run it`);
    }) as unknown as jest.Describe);
