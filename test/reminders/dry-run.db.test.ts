/**
 * `reminders:run --dry-run` counts what a run would plan and send, writes
 * nothing, and on SQLite never takes the live file's write lock: the API's
 * writes go on while it plans (it works on a private copy).
 */
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../db/open-database';
import { AuditLog } from '../../entities';
import { silentLogger } from '../../logging/logger';
import { fittingFromEligibility } from '../../reminders/fitting-policies';
import { ReminderRunner } from '../../reminders/runner';
import { fixedClock } from '../../services/clock';
import { describeTarget, openTestDatabase, TestDatabase } from '../support/test-database';
import { Fixtures, shanghai, stubEligibility, testSettings } from './support/reminder-fixtures';

const AT = shanghai('2026-05-20T09:00');

describe(`a dry run, on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let fx: Fixtures;
  let other: DataSource;
  beforeEach(async () => {
    db = await openTestDatabase();
    fx = new Fixtures(db.dataSource);
    await fx.policy('p.a', ['2026-06-19']);
    for (let i = 0; i < 6; i += 1) {
      const founder = await fx.founder();
      await fx.subscribe(founder, i % 2 === 0 ? 'p.a' : '*');
      await fx.verdict(founder, 'p.a', 'eligible');
    }
    // Another process's connection, which gives up on a lock at once.
    other = await openDatabase({ ...db.config, SQLITE_BUSY_TIMEOUT_MS: 0 }, { migrate: false });
  });
  afterEach(async () => {
    await other.destroy();
    await db.close();
  });

  it('counts the plan, writes nothing, and lets another connection write meanwhile', async () => {
    const eligibility = fittingFromEligibility(stubEligibility, fx.catalogue);
    const writesDuringPlan: string[] = [];
    const runner = new ReminderRunner({
      dataSource: db.dataSource,
      clock: fixedClock(AT),
      channels: [],
      catalogue: fx.catalogue,
      verdicts: {
        async fitting(manager, founderIds, policyIds, asOf) {
          // Mid-plan, another process writes to the live database (a table the plan does not touch).
          await other.manager.insert(AuditLog, { actor: 'admin', action: 'test.write-during-dry-run', detail: {} });
          writesDuringPlan.push('audit');
          return eligibility.fitting(manager, founderIds, policyIds, asOf);
        },
      },
      settings: testSettings(),
      logger: silentLogger(),
    });
    const summary = await runner.run({ dryRun: true });
    expect(summary.status).toBe('dry_run');
    expect(summary.planned).toBe(6);
    expect(writesDuringPlan.length).toBeGreaterThan(0);
    expect(await fx.deliveries()).toEqual([]);
  });
});
