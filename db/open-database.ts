/**
 * Opens the database and brings its schema up to date. Used by the
 * composition root, the CLI scripts and the database-backed tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { DatabaseConfig, databaseKind, dataSourceOptions, MysqlFlavor } from './data-source-options';
import { migrateExclusively } from './migrate';
import { queueSqliteTransactions } from './sqlite-transaction-queue';

/** The database could not be opened; the message is one line that says what to check. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly where: string,
    cause: unknown,
  ) {
    const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
    const fix = where.startsWith('sqlite:')
      ? 'set SQLITE_PATH to a file in a folder this process can write'
      : 'check DATABASE_URL and that the server is running';
    super(`database unreachable at ${where}: ${reason}; ${fix}`);
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
  let dataSource: DataSource | undefined;
  try {
    if (databaseKind(config) === 'sqlite' && config.SQLITE_PATH !== ':memory:') {
      fs.mkdirSync(path.dirname(path.resolve(config.SQLITE_PATH)), { recursive: true });
    }
    const flavor = config.DATABASE_URL ? await mysqlFlavor(config.DATABASE_URL) : undefined;
    dataSource = new DataSource(dataSourceOptions(config, flavor));
    await dataSource.initialize();
    if (databaseKind(config) === 'sqlite') queueSqliteTransactions(dataSource);
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

/** Asks the server what it is (and, on the way, whether it answers at all). */
async function mysqlFlavor(url: string): Promise<MysqlFlavor> {
  const connection = await createConnection({ uri: url.replace(/^mariadb:/, 'mysql:'), connectTimeout: 5000 });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test(String((rows as { version: string }[])[0]?.version)) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
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
