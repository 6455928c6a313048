import type { DataSource } from 'typeorm';
import { openDatabase } from '../../db/open-database';
import { silentLogger } from '../../logging/logger';
import { fixedClock } from '../../services/clock';
import { fittingFromEligibility } from '../../reminders/fitting-policies';
import { DatabaseLease } from '../../reminders/lease';
import { LEASE_NAME, ReminderRunner } from '../../reminders/runner';
import { sendDue } from '../../reminders/sender';
import { openTestDatabase, TestDatabase, describeTarget } from '../support/test-database';
import {
  deliveredKeys,
  Fixtures,
  recordingChannel,
  runnerFor,
  shanghai,
  stubEligibility,
  testSettings,
} from './support/reminder-fixtures';

const FOUNDERS = 40;
const AT = shanghai('2026-05-20T09:00');

/** Two replicas: two data sources (two connection pools) on one database. */
describe(`two reminder runners at once, on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let other: DataSource;
  let fx: Fixtures;
  beforeEach(async () => {
    db = await openTestDatabase();
    other = await openDatabase(db.config);
    fx = new Fixtures(db.dataSource);
    await fx.policy('p.a', ['2026-06-19']);
    await fx.policy('p.b', ['2026-05-27']);
    for (let i = 0; i < FOUNDERS; i += 1) {
      const founder = await fx.founder();
      await fx.subscribe(founder, i % 2 === 0 ? 'p.a' : '*');
      await fx.verdict(founder, 'p.b', 'eligible');
    }
  });
  afterEach(async () => {
    await other.destroy();
    await db.close();
  });

  /** A channel that yields between sends, so the two runners interleave. */
  function slowChannel() {
    const channel = recordingChannel();
    channel.behave = () => new Promise((resolve) => setTimeout(() => resolve({ status: 'sent' }), 2));
    return channel;
  }

  it('deliver each reminder exactly once', async () => {
    const [one, two] = [slowChannel(), slowChannel()];
    const summaries = await Promise.all([
      runnerFor(db.dataSource, fx, fixedClock(AT), [one]).run(),
      runnerFor(other, fx, fixedClock(AT), [two]).run(),
    ]);
    const all = [...deliveredKeys(one), ...deliveredKeys(two)];
    expect(all).toHaveLength(FOUNDERS); // 20 founders for p.a, 20 '*' founders for p.b
    expect(new Set(all).size).toBe(all.length);
    expect(summaries.reduce((n, s) => n + s.planned, 0)).toBe(FOUNDERS);
  });

  it('deliver each reminder exactly once even past the lease (row claims alone), in small interleaved batches', async () => {
    await runnerFor(db.dataSource, fx, fixedClock(AT), [], {}).run(); // plan only: no channel available
    const [one, two] = [slowChannel(), slowChannel()];
    const send = (dataSource: DataSource, channel: typeof one) =>
      sendDue({
        manager: dataSource.manager,
        clock: fixedClock(AT),
        channels: [channel],
        catalogue: fx.catalogue,
        settings: testSettings({ batchSize: 3 }),
        logger: silentLogger(),
      });
    const [a, b] = await Promise.all([send(db.dataSource, one), send(other, two)]);
    const all = [...deliveredKeys(one), ...deliveredKeys(two)];
    expect(all).toHaveLength(FOUNDERS);
    expect(new Set(all).size).toBe(all.length);
    expect(a.messages).toBeGreaterThan(0);
    expect(b.messages).toBeGreaterThan(0);
  });

  it('let one holder have the lease until it expires; the old holder cannot renew after a takeover', async () => {
    const clock = fixedClock(AT);
    const mine = new DatabaseLease(db.dataSource, 'test-lease', 'replica-1', 60_000, clock);
    const theirs = new DatabaseLease(other, 'test-lease', 'replica-2', 60_000, clock);
    const raced = await Promise.all([mine.acquire(), theirs.acquire()]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    const [winner, loser] = raced[0] ? [mine, theirs] : [theirs, mine];
    expect(await winner.renew()).toBe(true);
    expect(await loser.acquire()).toBe(false);
    clock.advance(61_000);
    expect(await loser.acquire()).toBe(true);
    expect(await winner.renew()).toBe(false);
    await loser.release();
    expect(await winner.acquire()).toBe(true);
  });

  it("stop sending when a stalled runner's lease was taken over, and leave its rows to the new holder", async () => {
    const clock = fixedClock(AT);
    const stalled = recordingChannel();
    const verdicts = fittingFromEligibility(stubEligibility, fx.catalogue);
    const runner = new ReminderRunner({
      dataSource: db.dataSource,
      clock,
      channels: [stalled],
      catalogue: fx.catalogue,
      verdicts: {
        // Evaluating takes "3 minutes", long enough for the lease to expire and a replica to take it.
        async fitting(manager, founderIds, policyIds, asOf) {
          clock.advance(3 * 60_000);
          expect(await new DatabaseLease(other, LEASE_NAME, 'replica-2', 60_000, clock).acquire()).toBe(true);
          return verdicts.fitting(manager, founderIds, policyIds, asOf);
        },
      },
      settings: testSettings(),
      logger: silentLogger(),
    });
    const summary = await runner.run();
    expect(summary.send.stopped).toBe('lease_lost');
    expect(stalled.bundles).toHaveLength(0);

    clock.advance(2 * 60_000); // replica-2 died too; a third runner finds every row ready
    const third = recordingChannel();
    await runnerFor(other, fx, clock, [third]).run();
    expect(deliveredKeys(third)).toHaveLength(FOUNDERS);
  });
});
