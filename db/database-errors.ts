/**
 * Which database failures mean "the database is away or overloaded, try
 * again" (the API answers 503 with Retry-After) rather than a bug (500):
 * connections refused, lost or timed out, a stalled server past the query
 * timeout, a full server, SQLite busy past its timeout, and tables that are
 * not there (a database dropped or not migrated).
 */

/** Codes of mysql2, MariaDB/MySQL, Node's sockets and better-sqlite3. */
const UNAVAILABLE_CODES = new Set([
  // sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  // mysql2
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'POOL_CLOSED',
  // MariaDB / MySQL
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_QUERY_INTERRUPTED',
  'ER_STATEMENT_TIMEOUT',
  'ER_NO_SUCH_TABLE',
  'ER_BAD_DB_ERROR',
  'ER_CONNECTION_KILLED',
  // SQLite
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
]);

// Said in words only: a closed mysql2 connection, a full pool queue, a missing SQLite table.
const UNAVAILABLE_MESSAGES =
  /Can't add new command when connection is in closed state|Pool is closed|connection is in closed state|Queue limit reached|no such table/i;

type Failure = { code?: unknown; message?: unknown; driverError?: unknown } | null | undefined;

export function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM's QueryFailedError wraps the driver's error as driverError.
  const failures: Failure[] = [error as Failure, (error as Failure)?.driverError as Failure];
  return failures.some(
    (failure) =>
      !!failure &&
      ((typeof failure.code === 'string' && UNAVAILABLE_CODES.has(failure.code)) ||
        (typeof failure.message === 'string' && UNAVAILABLE_MESSAGES.test(failure.message))),
  );
}
