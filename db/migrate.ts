/**
 * Runs pending migrations so that two processes starting against the same
 * database never both migrate, and a failing migration leaves the database as
 * it was wherever the database allows it.
 *
 * - SQLite: one `BEGIN IMMEDIATE` transaction around all migrations. It takes
 *   the write lock before the migrations table is read, so a second process
 *   waits, then finds nothing pending; DDL is transactional, so a failure
 *   rolls everything back.
 * - MySQL / MariaDB: a named lock (GET_LOCK) serialises the processes; each
 *   migration runs in its own transaction. MySQL commits DDL implicitly, so
 *   keep migrations small (one concern each).
 */
import { DataSource, Migration } from 'typeorm';

const LOCK_NAME = 'founder_guide_migrations';
const LOCK_WAIT_SECONDS = 60;

export async function migrateExclusively(dataSource: DataSource): Promise<Migration[]> {
  return dataSource.options.type === 'better-sqlite3' ? migrateSqlite(dataSource) : migrateMysql(dataSource);
}

async function migrateSqlite(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('BEGIN IMMEDIATE');
    try {
      const applied = await dataSource.runMigrations({ transaction: 'none' });
      await runner.query('COMMIT');
      return applied;
    } catch (error) {
      await runner.query('ROLLBACK');
      throw error;
    }
  } finally {
    await runner.release();
  }
}

async function migrateMysql(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = await runner.query('SELECT GET_LOCK(?, ?) AS locked', [LOCK_NAME, LOCK_WAIT_SECONDS]);
    if (Number(row?.locked) !== 1) {
      throw new Error(`another process has held the migration lock for over ${LOCK_WAIT_SECONDS} s`);
    }
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await runner.release();
  }
}
