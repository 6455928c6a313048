/**
 * The little raw SQL, written once for SQLite and MySQL/MariaDB, and how to
 * tell a lost lock race or a duplicate key from other database errors.
 *
 * Why raw SQL at all: the reminder plan is set-based (INSERT … SELECT that
 * ignores rows already in the outbox) and claiming needs affected-row counts,
 * which the ORM gives not portably; and the point reads of every request
 * (founder exists, profile, assessment) cost less as constant statements than
 * TypeORM's query building. Identifiers are quoted with backticks, which both
 * databases accept; parameters are positional `?` on both drivers.
 */
import { QueryFailedError, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';

export type Dialect = 'sqlite' | 'mysql';

export function dialectOf(source: DataSource | EntityManager): Dialect {
  const type = 'connection' in source ? source.connection.options.type : source.options.type;
  return type === 'better-sqlite3' || type === 'sqlite' ? 'sqlite' : 'mysql';
}

/** `INSERT … ` that skips rows colliding with a unique key (and only inserts the rest). */
export function insertIgnore(dialect: Dialect): string {
  return dialect === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
}

/**
 * A UTC timestamp as both databases store TypeORM `datetime` columns, floored
 * to the second: MySQL `datetime` keeps no fraction, and one fixed format keeps
 * SQLite's string comparisons right.
 */
export function dbTime(at: Date): string {
  return `${wholeSeconds(at).toISOString().slice(0, 19).replace('T', ' ')}.000`;
}

/** The instant floored to the second, as `datetime` columns keep time on both databases. */
export function wholeSeconds(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

/** A `datetime` value read back by a raw query (string on SQLite, Date on MySQL). */
export function readTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * An index hint naming the entity's index that starts with `columns`, for the
 * lookups whose plan must not depend on statistics: SQLite has none (it takes
 * any `status = ?` as selective and walks the status index over every row), and
 * InnoDB's go stale right after a plan inserts many rows (it then scans the
 * whole table for an IN list). The name comes from the entity metadata; the
 * statement fails loudly if the index is gone.
 */
export function indexHint(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  columns: readonly string[],
): string {
  const index = manager.connection
    .getMetadata(entity)
    .indices.find((candidate) => columns.every((column, i) => candidate.columns[i]?.propertyName === column));
  if (!index) throw new Error(`no index on (${columns.join(', ')})`);
  return dialectOf(manager) === 'sqlite' ? `INDEXED BY \`${index.name}\`` : `FORCE INDEX (\`${index.name}\`)`;
}

export function placeholders(count: number): string {
  return count > 0 ? `?${', ?'.repeat(count - 1)}` : '';
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface Executed<Row> {
  records: Row[];
  affected: number;
}

/** Runs a statement and returns rows and the affected-row count on either driver. */
export async function execute<Row = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<Executed<Row>> {
  const own = manager.queryRunner ? undefined : manager.connection.createQueryRunner();
  const runner = manager.queryRunner ?? own!;
  try {
    const result = await runner.query(sql, parameters, true);
    return { records: (result.records ?? []) as Row[], affected: Number(result.affected ?? 0) };
  } finally {
    if (own) await own.release();
  }
}

/** Rows of a SELECT. */
export async function select<Row = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<Row[]> {
  return (await manager.query(sql, parameters)) as Row[];
}

const DEADLOCK = /deadlock|lock wait timeout|SQLITE_BUSY|database is locked/i;

/**
 * Retries work that lost a lock race: with another replica, or with the same
 * founder's other request (InnoDB picks a deadlock victim and rolls its
 * transaction back; SQLite may report busy past its timeout). Only for work
 * that is harmless to run again: conditional statements, or a whole
 * transaction that writes the same values.
 */
export function retryOnLockConflict<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  return retryWhen(isLockConflict, work, attempts);
}

/** A deadlock victim, a lock wait that timed out, or SQLite busy. */
export function isLockConflict(error: unknown): boolean {
  return DEADLOCK.test(String((error as Error)?.message ?? error));
}

/** Runs `work` again, after a short growing and jittered pause, while it fails with an error `retryable` accepts. */
export async function retryWhen<T>(
  retryable: (error: unknown) => boolean,
  work: () => Promise<T>,
  attempts: number,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
    }
  }
}

const UNIQUE_VIOLATION = /Duplicate entry|UNIQUE constraint failed/i;

/** A write refused by a unique key, as MySQL/MariaDB and SQLite word it. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && UNIQUE_VIOLATION.test(error.message);
}

// MySQL/MariaDB name the child row (ER_NO_REFERENCED_ROW_2); SQLite says only that a key failed.
const MISSING_PARENT = /Cannot add or update a child row|FOREIGN KEY constraint failed/i;

/**
 * A row refused because the row it refers to is gone. For a founder's own
 * request that means the founder was erased while the request was under way.
 */
export function isMissingParentRow(error: unknown): boolean {
  return error instanceof QueryFailedError && MISSING_PARENT.test(error.message);
}
