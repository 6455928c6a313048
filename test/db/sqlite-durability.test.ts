/** SQLite's durability is what SQLITE_SYNCHRONOUS says, on a new file and on reopening one already in WAL mode. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/config';
import { openDatabase } from '../../db/open-database';

const SYNCHRONOUS = { NORMAL: 1, FULL: 2 } as const;
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'founder-guide-durability-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function openedWith(env: Record<string, string>): Promise<{ synchronous: number; journal: string }> {
  const config = loadConfig({ LOG_LEVEL: 'silent', SQLITE_PATH: path.join(dir, 'db.sqlite'), ...env });
  const dataSource = await openDatabase(config);
  try {
    const [{ synchronous }] = await dataSource.query('PRAGMA synchronous');
    const [{ journal_mode: journal }] = await dataSource.query('PRAGMA journal_mode');
    return { synchronous, journal };
  } finally {
    await dataSource.destroy();
  }
}

it.each(['NORMAL', 'FULL'] as const)(
  'SQLITE_SYNCHRONOUS=%s holds when the file is new and when it is reopened',
  async (level) => {
    for (let open = 0; open < 2; open += 1) {
      expect(await openedWith({ SQLITE_SYNCHRONOUS: level })).toEqual({
        synchronous: SYNCHRONOUS[level],
        journal: 'wal',
      });
    }
  },
);

it('defaults to NORMAL', async () => {
  expect((await openedWith({})).synchronous).toBe(SYNCHRONOUS.NORMAL);
});

it('refuses a level it does not offer', () => {
  expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(/SQLITE_SYNCHRONOUS/);
});
