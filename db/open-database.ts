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
    else destroyTimedOutConnections((dataSource.driver as unknown as { pool: MysqlPool }).pool);
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

interface MysqlConnection {
  query(...args: unknown[]): unknown;
  destroy(): void;
}
interface MysqlPool {
  on(event: 'acquire', listener: (connection: MysqlConnection) => void): void;
}

/**
 * mysql2 answers a query past its timeout (DB_QUERY_TIMEOUT_MS) with
 * PROTOCOL_SEQUENCE_TIMEOUT but keeps the connection, the stuck query still
 * first in its queue: every later query on it would wait forever once the
 * pool hands it out again. Such a connection is destroyed instead; the pool
 * opens a fresh one for the next request. Every connection is wrapped the
 * first time the pool hands it out.
 */
function destroyTimedOutConnections(pool: MysqlPool): void {
  const wrapped = new WeakSet<MysqlConnection>();
  pool.on('acquire', (connection) => {
    if (wrapped.has(connection)) return;
    wrapped.add(connection);
    const query = connection.query.bind(connection);
    connection.query = (...args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: { code?: string } | null, ...results: unknown[]) => {
          if (error?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') connection.destroy();
          return (callback as (...a: unknown[]) => unknown)(error, ...results);
        };
      }
      return query(...args);
    };
  });
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

export interface DatabaseHealth {
  up: boolean;
  /** The newest migration applied (the schema version), when the database answered. */
  schema: string | null;
}

/**
 * For GET /health: the database answers within `timeoutMs`, and its schema is
 * there (the migrations table and the founder table: a dropped or emptied
 * database is down, not up). Never throws, never waits past the timeout; a
 * query still running then is left to the driver's own query timeout.
 */
export async function databaseHealth(dataSource: DataSource, timeoutMs: number): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve({ up: false, schema: null }), timeoutMs);
  });
  const probe = (async (): Promise<DatabaseHealth> => {
    const [latest] = (await dataSource.query(
      'SELECT `name` FROM `typeorm_migrations` ORDER BY `timestamp` DESC LIMIT 1',
    )) as { name: string }[];
    await dataSource.query('SELECT 1 FROM `founder` LIMIT 1');
    return { up: true, schema: latest?.name ?? null };
  })().catch(() => ({ up: false, schema: null }));
  try {
    return await Promise.race([probe, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
