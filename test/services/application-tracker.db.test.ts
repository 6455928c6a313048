import { NotFoundError } from '../../errors';
import { ApplicationTrackerService } from '../../services/application-tracker-service';
import { fixedClock } from '../../services/clock';
import { Fixtures, recordingChannel, runnerFor, shanghai } from '../reminders/support/reminder-fixtures';
import { openTestDatabase, TestDatabase, describeTarget } from '../support/test-database';

describe(`the application tracker on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let fx: Fixtures;
  let tracker: ApplicationTrackerService;
  beforeEach(async () => {
    db = await openTestDatabase();
    fx = new Fixtures(db.dataSource);
    tracker = new ApplicationTrackerService(db.dataSource, fixedClock(shanghai('2026-06-27T10:00')));
    await fx.policy('p.a', ['2026-06-19']);
    await fx.policy('p.b', ['2026-07-31']);
  });
  afterEach(() => db.close());

  it('records the answer to the follow-up question and lists it', async () => {
    const founder = await fx.founder();
    await fx.subscribe(founder, 'p.a');
    const clock = fixedClock(shanghai('2026-06-18T09:00'));
    const runner = runnerFor(db.dataSource, fx, clock, [recordingChannel()]);
    await runner.run();
    clock.set(shanghai('2026-06-26T09:00'));
    await runner.run();
    expect(await tracker.listApplications(founder)).toMatchObject([
      { policyId: 'p.a', windowKey: 'p.a:2026-06-19', status: 'asked', answeredAt: null },
    ]);

    const answered = await tracker.recordApplication(founder, 'p.a', 'p.a:2026-06-19', true);
    expect(answered).toMatchObject({
      status: 'applied',
      closesOn: '2026-06-19',
      askedAt: shanghai('2026-06-26T09:00'),
    });
    expect(answered.answeredAt).toEqual(shanghai('2026-06-27T10:00'));
  });

  it('records an answer nobody asked for yet, changes it later, and lists the newest deadline first', async () => {
    const founder = await fx.founder();
    await tracker.recordApplication(founder, 'p.a', 'p.a:2026-06-19', false);
    await tracker.recordApplication(founder, 'p.b', 'p.b:2026-07-31', false);
    await tracker.recordApplication(founder, 'p.b', 'p.b:2026-07-31', true);
    expect((await tracker.listApplications(founder)).map((e) => [e.policyId, e.status])).toEqual([
      ['p.b', 'applied'],
      ['p.a', 'not_applied'],
    ]);
    expect(await tracker.listApplications(await fx.founder())).toEqual([]);
  });

  it('refuses unknown founders and windows', async () => {
    const founder = await fx.founder();
    await expect(tracker.recordApplication('no-such-founder', 'p.a', 'p.a:2026-06-19', true)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(tracker.recordApplication(founder, 'p.a', 'p.a:1999', true)).rejects.toBeInstanceOf(NotFoundError);
  });
});
