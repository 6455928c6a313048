import { ApplicationRecord } from '../../entities';
import { fixedClock, shanghaiDate } from '../../services/clock';
import { addDays } from '../../reminders/calendar';
import { openTestDatabase, TestDatabase, describeTarget } from '../support/test-database';
import { deliveredKeys, Fixtures, recordingChannel, runnerFor, shanghai } from './support/reminder-fixtures';

describe(`reminder planning on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let fx: Fixtures;
  beforeEach(async () => {
    db = await openTestDatabase();
    fx = new Fixtures(db.dataSource);
  });
  afterEach(() => db.close());

  /** Runs the 09:00 plan every day in [from, to] and returns the Shanghai dates a reminder went out, with days left. */
  async function daysReminded(founderId: string, from: string, to: string): Promise<string[]> {
    const clock = fixedClock(shanghai(`${from}T09:00`));
    const channel = recordingChannel();
    const runner = runnerFor(db.dataSource, fx, clock, [channel]);
    const seen: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      clock.set(shanghai(`${day}T09:00`));
      const before = channel.bundles.length;
      await runner.run();
      for (const bundle of channel.bundles.slice(before).filter((b) => b.founderId === founderId)) {
        seen.push(...bundle.items.map((item) => `${shanghaiDate(clock.now())}:${item.daysLeft}`));
      }
    }
    return seen;
  }

  it('fires 30, 7 and 1 days before a deadline across a year end (closing 2027-01-01)', async () => {
    await fx.policy('p.ny', ['2027-01-01']);
    const founder = await fx.founder();
    await fx.subscribe(founder, 'p.ny');
    expect(await daysReminded(founder, '2026-11-25', '2027-01-02')).toEqual([
      '2026-12-02:30',
      '2026-12-25:7',
      '2026-12-31:1',
    ]);
  });

  it('fires on the right days across the end of February (closing 2026-03-01)', async () => {
    await fx.policy('p.mar', ['2026-03-01']);
    const founder = await fx.founder();
    await fx.subscribe(founder, 'p.mar');
    expect(await daysReminded(founder, '2026-01-25', '2026-03-02')).toEqual([
      '2026-01-30:30',
      '2026-02-22:7',
      '2026-02-28:1',
    ]);
  });

  it('counts days in Shanghai: 23:59 on the 30th is still the 30th, 00:30 on the 31st plans the 1-day reminder and waits for 08:00', async () => {
    await fx.policy('p.ny', ['2027-01-01']);
    const founder = await fx.founder();
    await fx.subscribe(founder, 'p.ny');
    const clock = fixedClock(shanghai('2026-12-30T23:59'));
    const channel = recordingChannel();
    const runner = runnerFor(db.dataSource, fx, clock, [channel]);

    expect((await runner.run()).planned).toBe(0);
    clock.set(shanghai('2026-12-31T00:30'));
    const night = await runner.run();
    expect(night.planned).toBe(1);
    expect(night.send.stopped).toBe('quiet_hours');
    expect(channel.bundles).toHaveLength(0);
    const [row] = await fx.deliveries();
    expect(row!.nextAttemptAt.toISOString()).toBe(shanghai('2026-12-31T08:00').toISOString());

    clock.set(shanghai('2026-12-31T08:00'));
    await runner.run({ plan: false });
    expect(deliveredKeys(channel)).toEqual([`${founder}|p.ny|2027-01-01|1|reminder`]);
  });

  it('reminds "everything that fits me" subscribers only of policies whose verdict is eligible or maybe', async () => {
    for (const id of ['p.yes', 'p.maybe', 'p.no']) await fx.policy(id, ['2026-06-19']);
    const founder = await fx.founder();
    await fx.subscribe(founder, '*');
    await fx.verdict(founder, 'p.yes', 'eligible');
    await fx.verdict(founder, 'p.maybe', 'maybe');
    await fx.verdict(founder, 'p.no', 'not_eligible');
    const clock = fixedClock(shanghai('2026-05-20T09:00'));
    const channel = recordingChannel();
    const summary = await runnerFor(db.dataSource, fx, clock, [channel]).run();

    expect(summary.plan).toMatchObject({ windows: 3, candidates: 1, fitting: 2, subscribed: 0 });
    expect(channel.bundles).toHaveLength(1);
    expect(channel.bundles[0]!.items.map((item) => item.policyId).sort()).toEqual(['p.maybe', 'p.yes']);
  });

  it('sends nothing to founders without a subscription for the policy, or whose subscription was refused', async () => {
    await fx.policy('p.a', ['2026-06-19']);
    await fx.policy('p.b', ['2026-06-19']);
    const unsubscribed = await fx.founder();
    const otherPolicy = await fx.founder();
    await fx.subscribe(otherPolicy, 'p.b');
    const refused = await fx.founder();
    await fx.subscribe(refused, 'p.a');
    await db.dataSource.manager.update('subscription', { founderId: refused }, { status: 'refused' });
    const channel = recordingChannel();
    await runnerFor(db.dataSource, fx, fixedClock(shanghai('2026-05-20T09:00')), [channel]).run();

    expect(channel.bundles.map((b) => b.founderId)).toEqual([otherPolicy]);
    expect(channel.bundles.map((b) => b.founderId)).not.toContain(unsubscribed);
  });

  it('plans each reminder once however often the plan runs', async () => {
    await fx.policy('p.a', ['2026-06-19']);
    const founder = await fx.founder();
    await fx.subscribe(founder, 'p.a');
    await fx.subscribe(founder, '*');
    await fx.verdict(founder, 'p.a', 'eligible');
    const clock = fixedClock(shanghai('2026-05-20T23:00'));
    const runner = runnerFor(db.dataSource, fx, clock, [recordingChannel()]);
    expect((await runner.run()).planned).toBe(1);
    expect((await runner.run()).planned).toBe(0);
    expect(await fx.deliveries()).toHaveLength(1);
  });

  it('asks 7 days after a deadline whether the founder applied, once, and records the question', async () => {
    await fx.policy('p.a', ['2026-06-19']);
    const reminded = await fx.founder();
    await fx.subscribe(reminded, 'p.a');
    const answered = await fx.founder();
    await fx.subscribe(answered, 'p.a');
    const clock = fixedClock(shanghai('2026-06-18T09:00'));
    const channel = recordingChannel();
    const runner = runnerFor(db.dataSource, fx, clock, [channel]);
    await runner.run();
    expect(channel.bundles).toHaveLength(2);
    await db.dataSource.manager.insert(ApplicationRecord, {
      founderId: answered,
      policyId: 'p.a',
      windowKey: 'p.a:2026-06-19',
      status: 'applied',
      askedAt: new Date(),
      answeredAt: new Date(),
    });
    // A founder who subscribed after the deadline was never reminded: no follow-up.
    await fx.subscribe(await fx.founder(), 'p.a');

    clock.set(shanghai('2026-06-25T09:00'));
    await runner.run();
    expect(channel.bundles).toHaveLength(2);
    clock.set(shanghai('2026-06-26T09:00'));
    await runner.run();
    await runner.run();
    const followUps = channel.bundles.slice(2);
    expect(followUps.map((b) => [b.founderId, b.items.map((i) => i.kind)])).toEqual([[reminded, ['follow_up']]]);
    expect(followUps[0]!.items[0]!.daysLeft).toBe(-7);
    const records = await db.dataSource.manager.find(ApplicationRecord, { order: { status: 'ASC' } });
    expect(records.map((r) => [r.founderId, r.status])).toEqual([
      [answered, 'applied'],
      [reminded, 'asked'],
    ]);
  });

  it('sends the follow-up by the channel the registry ranks first, whatever the names sort as', async () => {
    await fx.policy('p.a', ['2026-06-19']);
    const founder = await fx.founder({ wechat: 'wx-both', openid: 'openid-both' });
    await fx.subscribe(founder, 'p.a', 'wechat');
    await fx.subscribe(founder, 'p.a', 'miniprogram', ['tmpl'], 3);
    const wechat = recordingChannel('wechat');
    const miniprogram = recordingChannel('miniprogram');
    const clock = fixedClock(shanghai('2026-06-18T09:00'));
    const runner = runnerFor(db.dataSource, fx, clock, [wechat, miniprogram]);
    await runner.run();
    expect([wechat.bundles.length, miniprogram.bundles.length]).toEqual([1, 1]);
    clock.set(shanghai('2026-06-26T09:00'));
    await runner.run();
    expect(wechat.bundles.map((b) => b.items[0]!.kind)).toEqual(['reminder', 'follow_up']);
    expect(miniprogram.bundles.map((b) => b.items[0]!.kind)).toEqual(['reminder']);
  });
});
