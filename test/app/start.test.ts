/**
 * `npm start` as an operator sees it: the real entry point in a child process.
 * Deadlines are generous (tsx and the content load are slow on a loaded
 * machine): they only bound a hang, they measure nothing.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

interface Started {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

/**
 * main.ts as `npm start` runs it: under tsx's loader in one process, not through the `tsx` CLI: the
 * CLI relays SIGTERM by asking its child over IPC whether it handles the
 * signal, and SIGKILLs it (exit 143) when the answer comes late, which it did
 * with four test runs on two cores. The shutdown under test is main.ts's own.
 */
function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exited };
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start (main.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-start-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the SQLite file, loads the content, answers GET /health and serves the page; SIGTERM stops it cleanly', async () => {
    const sqlite = path.join(dir, 'nested', 'fg.sqlite');
    const app = start({ SQLITE_PATH: sqlite, PORT: '0', HOST: '127.0.0.1', REMINDERS_ENABLED: 'false' });
    const address = await waitFor(() => /listening on (http:\/\/[\d.:]+)/.exec(app.output().stdout)?.[1], 120_000);
    const health = await fetch(`${address}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    // The founder page works straight from the sources: its client modules need no build step first.
    for (const asset of ['/', '/web/js/main.js'])
      expect({ asset, status: (await fetch(address + asset)).status }).toEqual({ asset, status: 200 });
    expect(fs.existsSync(sqlite)).toBe(true);
    expect(app.output().stdout).toContain('WeChat bot is off');
    expect(app.output().stdout).toMatch(/content: loaded/);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  }, 180_000);

  it('stops with one clear line naming the database (without its password) when the database is unreachable', async () => {
    const app = start({ DATABASE_URL: 'mysql://fg:hunter2@127.0.0.1:1/founder_guide' });
    expect(await app.exited).toBe(1);
    const { stderr } = app.output();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('database unreachable at mysql://fg@127.0.0.1:1/founder_guide');
    expect(stderr).not.toContain('hunter2');
  }, 120_000);

  it('on a port already in use, exits 1 with one line and never starts the reminders', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const sqlite = path.join(dir, 'second.sqlite');
      const app = start({ SQLITE_PATH: sqlite, PORT: String(port), HOST: '127.0.0.1', REMINDERS_ENABLED: 'true' });
      expect(await app.exited).toBe(1);
      const { stdout, stderr } = app.output();
      expect(stderr.trim().split('\n')).toEqual([
        `founder-guide: port ${port} on 127.0.0.1 is already in use: stop the other process or set PORT`,
      ]);
      expect(stdout).not.toContain('reminders: scheduler started');
      expect(stdout).not.toContain('start-up plan');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 180_000);

  it.each([
    ['HOST', { HOST: '999.1.1.1' }, /^founder-guide: HOST 999\.1\.1\.1 is not an address of this machine: set HOST/],
    [
      'SQLITE_PATH',
      { SQLITE_PATH: '/etc/hostname/fg.sqlite' },
      /^founder-guide: database unreachable at sqlite:.*set SQLITE_PATH/,
    ],
    ['REMINDER_CRON', { REMINDER_CRON: '61 9 * * *' }, /^founder-guide: configuration error: REMINDER_CRON/],
  ])(
    'a bad %s stops the start with one line that says what to fix',
    async (_name, env, line) => {
      const app = start({ SQLITE_PATH: path.join(dir, 'bad.sqlite'), PORT: '0', REMINDERS_ENABLED: 'false', ...env });
      expect(await app.exited).toBe(1);
      const lines = app.output().stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(line);
    },
    180_000,
  );

  it('refuses to start on a bad setting and names the variable', async () => {
    const app = start({ PORT: 'eighty', SQLITE_PATH: path.join(dir, 'x.sqlite') });
    expect(await app.exited).toBe(1);
    expect(app.output().stderr).toMatch(/configuration error: PORT/);
  }, 120_000);
});
