import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { migrateExclusively } from '../../db/migrate';
import { testDatabaseConfig } from '../support/test-database';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

class CreatesThenFails1700000000000 implements MigrationInterface {
  name = 'CreatesThenFails1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE half_done (id integer)');
    throw new Error('boom in the middle of a migration');
  }
  async down(): Promise<void> {}
}

describe('migrations', () => {
  it('run once when two processes start against the same database at the same time', async () => {
    const db = testDatabaseConfig();
    const env = { ...process.env, SQLITE_PATH: db.SQLITE_PATH, DATABASE_URL: db.DATABASE_URL ?? '' };
    if (db.dir) fs.mkdirSync(db.dir, { recursive: true });
    const both = await Promise.all([1, 2].map(() => run(tsx, ['scripts/db-migrate.ts'], { cwd: root, env })));
    const outputs = both.map((result) => result.stdout);
    // Exactly one process applied the migrations; the other found nothing to do, or
    // (on a database a previous test already migrated) both found it up to date.
    expect(outputs.filter((out) => out.includes('applied')).length).toBeLessThanOrEqual(1);
    expect(outputs.every((out) => /applied|up to date/.test(out))).toBe(true);
    if (db.dir) fs.rmSync(db.dir, { recursive: true, force: true });
  }, 60_000);

  // MySQL commits DDL implicitly, so only SQLite can promise this; on MySQL the
  // migration lock and one-concern-per-migration are what we rely on.
  it('leave the database as it was when a migration fails (SQLite: transactional DDL)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-migrate-'));
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: path.join(dir, 'db.sqlite'),
      migrations: [CreatesThenFails1700000000000],
      migrationsTableName: 'typeorm_migrations',
    });
    await dataSource.initialize();
    await expect(migrateExclusively(dataSource)).rejects.toThrow('boom');
    const tables = await dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'half_done'");
    expect(tables).toEqual([]);
    await dataSource.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
