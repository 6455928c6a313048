/**
 * Opens the database and brings its schema up to date. Used by the
 * composition root, the CLI scripts and the database-backed tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { DatabaseConfig, databaseKind, dataSourceOptions } from './data-source-options';
import { migrateExclusively } from './migrate';

export class DatabaseUnavailableError extends Error {
  constructor(
    readonly where: string,
    cause: unknown,
  ) {
    super(`database unreachable at ${where}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** The database as a person may read it: the URL without its password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.DATABASE_URL) return `sqlite:${config.SQLITE_PATH}`;
  const url = new URL(config.DATABASE_URL);
  url.password = '';
  return url.toString().replace(/:@/, '@');
}

export async function openDatabase(config: DatabaseConfig, options: { migrate?: boolean } = {}): Promise<DataSource> {
  if (databaseKind(config) === 'sqlite' && config.SQLITE_PATH !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(config.SQLITE_PATH)), { recursive: true });
  }
  const dataSource = new DataSource(dataSourceOptions(config));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DatabaseUnavailableError(describeDatabase(config), error);
  }
  if (options.migrate ?? true) {
    try {
      await migrateExclusively(dataSource);
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
  }
  return dataSource;
}

/** True when the database answers a trivial query (for GET /health). */
export async function isDatabaseReachable(dataSource: DataSource): Promise<boolean> {
  try {
    await dataSource.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
