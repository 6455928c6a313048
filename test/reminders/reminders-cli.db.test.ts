/**
 * `npm run reminders:run` as an operator meets it on a real database: busy
 * while another runner holds the lease (exit 3, naming it), and a run that
 * stops when its parent process dies.
 */
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { DatabaseLease } from '../../reminders/lease';
import { LEASE_NAME } from '../../reminders/runner';
import { systemClock } from '../../services/clock';
import { openTestDatabase, TestDatabase, describeTarget } from '../support/test-database';

const ROOT = path.join(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/reminders-run.ts');

let db: TestDatabase;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(() => db.close());

function databaseEnv(): Record<string, string> {
  return db.kind === 'sqlite' ? { SQLITE_PATH: db.config.SQLITE_PATH } : { DATABASE_URL: db.config.DATABASE_URL! };
}

describe(`npm run reminders:run on ${describeTarget()}`, () => {
  it('exits 3 and names the holder while another runner holds the lease', async () => {
    const lease = new DatabaseLease(db.dataSource, LEASE_NAME, 'replica-7:4242', 10 * 60_000, systemClock);
    expect(await lease.acquire()).toBe(true);
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', SCRIPT, '--at', '2026-05-20T09:00+08:00'],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...databaseEnv() } },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
      );
    });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('another runner holds the reminders lease (replica-7:4242, until');
    expect(await lease.current()).toMatchObject({ holder: 'replica-7:4242' });
  }, 60_000);

  it('has a parent watch that ends the run when its parent dies, as under npm and tsx killed with SIGKILL', async () => {
    // A shell in the middle plays npm/tsx; the watched process is its child and keeps running until told.
    const child = spawn(
      'sh',
      [
        '-c',
        `"${process.execPath}" --import tsx -e "
          const { whenOrphaned } = require('./scripts/support/parent-watch');
          whenOrphaned(() => { console.log('orphaned'); process.exit(0); }, 100);
          console.log('watching');
          setInterval(() => undefined, 1000);
        " & wait`,
      ],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } },
    );
    let output = '';
    // The pipe outlives the shell: the orphan still writes to it.
    child.stdout.on('data', (chunk) => (output += chunk));
    await waitFor(() => output.includes('watching'));
    child.kill('SIGKILL');
    await waitFor(() => output.includes('orphaned'));
    expect(output).toContain('orphaned');
  }, 60_000);
});

async function waitFor(condition: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
