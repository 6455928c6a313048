import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/open-database';
import { fixedClock } from '../../services/clock';
import { openTestDatabase, TestDatabase, describeTarget } from '../support/test-database';
import { deliveredKeys, Fixtures, recordingChannel, runnerFor, shanghai } from './support/reminder-fixtures';

const FOUNDERS = 12;
const KILL_AFTER = 5;
const AT = shanghai('2026-05-20T09:00');
/** Past the dead runner's lease (2 min) and row claims (15 min). */
const LATER = new Date(AT.getTime() + 16 * 60_000);

describe(`a runner killed mid-run, on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let fx: Fixtures;
  beforeEach(async () => {
    db = await openTestDatabase();
    fx = new Fixtures(db.dataSource);
    await fx.policy('p.a', ['2026-06-19', '2026-05-27']);
    for (let i = 0; i < FOUNDERS; i += 1) await fx.subscribe(await fx.founder(), 'p.a');
  });
  afterEach(() => db.close());

  /**
   * A runner on its own connection that sends `sends` messages, then hangs and
   * loses its connection, as a killed process would; its channel, with what it sent.
   */
  async function runnerDyingAfter(sends: number): Promise<ReturnType<typeof recordingChannel>> {
    const doomed = await openDatabase(db.config);
    const channel = recordingChannel();
    let hung!: () => void;
    const reachedKill = new Promise<void>((resolve) => (hung = resolve));
    channel.behave = (_bundle, call) => {
      if (call <= sends) return { status: 'sent' };
      hung();
      return new Promise(() => undefined); // never answers: the process is gone
    };
    void runnerFor(doomed, fx, fixedClock(AT), [channel])
      .run()
      .catch(() => undefined);
    await reachedKill;
    await doomed.destroy();
    return channel;
  }

  it('leaves the rest to a fresh runner, which sends them and repeats none (in-process: the sender hangs after k sends and its connection dies)', async () => {
    const first = await runnerDyingAfter(KILL_AFTER);

    const second = recordingChannel();
    const summary = await runnerFor(db.dataSource, fx, fixedClock(LATER), [second]).run();
    expect(summary.status).toBe('done');
    const all = [...deliveredKeys(first), ...deliveredKeys(second)];
    expect(deliveredKeys(first)).toHaveLength(KILL_AFTER * 2);
    expect(all).toHaveLength(FOUNDERS * 2);
    expect(new Set(all).size).toBe(all.length);
    expect((await fx.deliveries()).every((row) => row.status === 'sent')).toBe(true);
  });

  it('hands the dead runner’s claims to the next lease holder once its lease expires, not 15 minutes later', async () => {
    const first = await runnerDyingAfter(KILL_AFTER);

    // Past the 2-minute lease, long before the 15-minute row claims would expire.
    const second = recordingChannel();
    const summary = await runnerFor(db.dataSource, fx, fixedClock(new Date(AT.getTime() + 3 * 60_000)), [second]).run();
    expect(summary.reclaimed).toBeGreaterThan(0);
    const all = [...deliveredKeys(first), ...deliveredKeys(second)];
    expect(all).toHaveLength(FOUNDERS * 2);
    expect(new Set(all).size).toBe(all.length);
    expect((await fx.deliveries()).every((row) => row.status === 'sent')).toBe(true);
  });

  it('does the same when the process is really SIGKILLed', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fg-kill-')), 'sent.txt');
    fs.writeFileSync(out, '');
    const env = {
      ...process.env,
      ...(db.kind === 'sqlite' ? { SQLITE_PATH: db.config.SQLITE_PATH } : { DATABASE_URL: db.config.DATABASE_URL }),
      AT: AT.toISOString(),
      KILL_AFTER: String(KILL_AFTER),
      OUT: out,
      LOG_LEVEL: 'silent',
    };
    // node itself runs the script (tsx as a loader), so the signal reaches us unchanged.
    const signal = await new Promise<string | null>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, 'support/killed-runner.ts')],
        { env, cwd: path.join(__dirname, '../..') },
        (error) => resolve(error?.signal ?? null),
      );
    });
    expect(signal).toBe('SIGKILL');
    const fromKilled = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean);
    expect(fromKilled).toHaveLength(KILL_AFTER * 2);

    const second = recordingChannel();
    await runnerFor(db.dataSource, fx, fixedClock(LATER), [second]).run();
    const all = [...fromKilled, ...deliveredKeys(second)];
    expect(all).toHaveLength(FOUNDERS * 2);
    expect(new Set(all).size).toBe(all.length);
  }, 60_000);
});
