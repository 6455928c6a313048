/**
 * Work on a private copy of a SQLite database, for long work whose writes are
 * thrown away anyway (the reminders' dry run): planned inside a transaction on
 * the live file, it held the write lock for seconds over many subscribers and
 * the API's writes waited (then 503). The copy is made with VACUUM INTO from a
 * connection of its own: a reader, which in WAL mode blocks no writer, and
 * which does not mind what transaction the caller's connection has open.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { BetterSqlite3ConnectionOptions } from 'typeorm/driver/better-sqlite3/BetterSqlite3ConnectionOptions';

export async function withSqliteSnapshot<T>(live: DataSource, work: (snapshot: DataSource) => Promise<T>): Promise<T> {
  const options = live.options as BetterSqlite3ConnectionOptions;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'founder-guide-snapshot-'));
  const file = path.join(dir, 'snapshot.sqlite');
  try {
    const copier = await new DataSource({ ...options, migrationsRun: false }).initialize();
    try {
      await copier.query('VACUUM INTO ?', [file]);
    } finally {
      await copier.destroy();
    }
    const snapshot = await new DataSource({ ...options, database: file, migrationsRun: false }).initialize();
    try {
      return await work(snapshot);
    } finally {
      await snapshot.destroy();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
