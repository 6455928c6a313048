/**
 * TypeORM data source options: embedded SQLite by default, MySQL / MariaDB
 * when DATABASE_URL is set. Migrations are kept per driver (generated with
 * `npm run db:generate`), because DDL differs between the two.
 */
import path from 'node:path';
import { DataSourceOptions, type Logger as TypeOrmLogger } from 'typeorm';
import { ALL_ENTITIES } from '../entities';
import type { Config } from '../config/config';

export type DatabaseKind = 'sqlite' | 'mysql';
export type DatabaseConfig = Pick<Config, 'DATABASE_URL' | 'SQLITE_PATH'> &
  Partial<
    Pick<Config, 'SQLITE_SYNCHRONOUS' | 'SQLITE_BUSY_TIMEOUT_MS' | 'DB_CONNECT_TIMEOUT_MS' | 'DB_QUERY_TIMEOUT_MS'>
  >;

export function databaseKind(config: Pick<Config, 'DATABASE_URL'>): DatabaseKind {
  return config.DATABASE_URL ? 'mysql' : 'sqlite';
}

function migrationsGlob(kind: DatabaseKind): string {
  // .ts under tsx / jest, .js once compiled to dist/.
  return path.join(__dirname, '..', 'migrations', kind, '*.{ts,js}');
}

/**
 * MariaDB reports column defaults differently from MySQL; TypeORM reads the
 * schema right (no phantom pending changes) only when told which one it is.
 */
export type MysqlFlavor = 'mysql' | 'mariadb';

/**
 * TypeORM logs a query slower than maxQueryExecutionTime with its parameters
 * whatever `logging` says, and a parameter may be an openid or an answer:
 * its logger says nothing. Failures reach the app's own log as errors.
 */
const QUIET: TypeOrmLogger = {
  logQuery: () => undefined,
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

export function dataSourceOptions(config: DatabaseConfig, flavor: MysqlFlavor = 'mysql'): DataSourceOptions {
  const kind = databaseKind(config);
  const common = {
    entities: ALL_ENTITIES,
    migrations: [migrationsGlob(kind)],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false as const,
    logging: false as const,
    logger: QUIET,
  };
  if (kind === 'mysql') {
    return {
      ...common,
      type: flavor,
      url: config.DATABASE_URL!.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      connectTimeout: config.DB_CONNECT_TIMEOUT_MS ?? 5000,
      // A stalled server answers nothing: each statement gives up after this
      // (mysql2 then drops the connection) and the request gets 503.
      enableQueryTimeout: true,
      maxQueryExecutionTime: config.DB_QUERY_TIMEOUT_MS ?? 10_000,
      // With every connection busy (a stalled server), at most this many requests wait
      // for one; the next is refused at once ("Queue limit reached.": 503, see
      // db/database-errors.ts) rather than queued behind minutes of timeouts.
      extra: { connectionLimit: 10, queueLimit: 50 },
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.SQLITE_PATH,
    enableWAL: config.SQLITE_PATH !== ':memory:',
    // Said explicitly: left alone it depended on better-sqlite3's build flags and on
    // whether the file was already in WAL mode when opened. See SQLITE_SYNCHRONOUS.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma(`synchronous = ${config.SQLITE_SYNCHRONOUS ?? 'NORMAL'}`);
      // An erased founder's openid and answers are overwritten in the file, not just unlinked from it.
      db.pragma('secure_delete = ON');
    },
    // Wait briefly for another process's write lock (the wait blocks the event
    // loop), then fail with SQLITE_BUSY: the request gets 503.
    timeout: config.SQLITE_BUSY_TIMEOUT_MS ?? 1000,
  };
}
