import { Founder, Subscription } from '../../entities';
import { FounderService } from '../../services/founder-service';
import { fixedClock } from '../../services/clock';
import { openTestDatabase, TestDatabase, describeTarget } from '../support/test-database';
import { Fixtures, recordingChannel, runnerFor, shanghai } from './support/reminder-fixtures';

const MINUTE = 60_000;

describe(`reminder sending on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let fx: Fixtures;
  beforeEach(async () => {
    db = await openTestDatabase();
    fx = new Fixtures(db.dataSource);
  });
  afterEach(() => db.close());

  async function subscribedFounder(...policies: string[]): Promise<string> {
    const founder = await fx.founder();
    for (const policy of policies) await fx.subscribe(founder, policy);
    return founder;
  }

  it('sends nothing in quiet hours and the queued reminder at 08:00', async () => {
    await fx.policy('p.a', ['2026-06-19']);
    await subscribedFounder('p.a');
    const clock = fixedClock(shanghai('2026-05-20T22:30'));
    const channel = recordingChannel();
    const runner = runnerFor(db.dataSource, fx, clock, [channel]);

    expect((await runner.run()).send.stopped).toBe('quiet_hours');
    clock.set(shanghai('2026-05-21T07:59'));
    await runner.run({ plan: false });
    expect(channel.bundles).toHaveLength(0);
    clock.set(shanghai('2026-05-21T08:00'));
    await runner.run({ plan: false });
    expect(channel.bundles).toHaveLength(1);
  });

  it("bundles a founder's due reminders into one message, most urgent first, at most REMINDER_MAX_PER_DAY a day; the rest go tomorrow", async () => {
    await fx.policy('p.1a', ['2026-05-21']);
    await fx.policy('p.1b', ['2026-05-21']);
    await fx.policy('p.7', ['2026-05-27']);
    await fx.policy('p.30a', ['2026-06-19']);
    await fx.policy('p.30b', ['2026-06-19']);
    const founder = await subscribedFounder('p.30b', 'p.7', 'p.1b', 'p.30a', 'p.1a');
    const clock = fixedClock(shanghai('2026-05-20T09:00'));
    const channel = recordingChannel();
    const runner = runnerFor(db.dataSource, fx, clock, [channel], { maxPerDay: 3 });

    const first = await runner.run();
    expect(first.send).toMatchObject({ messages: 1, sent: 3, deferred: 2 });
    expect(channel.bundles[0]!.items.map((i) => [i.policyId, i.daysLeft])).toEqual([
      ['p.1a', 1],
      ['p.1b', 1],
      ['p.7', 7],
    ]);
    clock.set(shanghai('2026-05-20T15:00'));
    await runner.run({ plan: false });
    expect(channel.bundles).toHaveLength(1);

    clock.set(shanghai('2026-05-21T08:00'));
    await runner.run({ plan: false });
    expect(channel.bundles).toHaveLength(2);
    expect(channel.bundles[1]!.founderId).toBe(founder);
    expect(channel.bundles[1]!.items.map((i) => [i.policyId, i.daysLeft])).toEqual([
      ['p.30a', 29],
      ['p.30b', 29],
    ]);
  });

  it('sends nothing to a founder who deleted their data, even with reminders already planned', async () => {
    await fx.policy('p.a', ['2026-06-19']);
    const erased = await subscribedFounder('p.a');
    const vanished = await subscribedFounder('p.a');
    const clock = fixedClock(shanghai('2026-05-20T07:00'));
    const channel = recordingChannel();
    const runner = runnerFor(db.dataSource, fx, clock, [channel]);
    expect((await runner.run()).planned).toBe(2);

    await new FounderService(db.dataSource).erase(erased);
    // Deleted by hand, without the service: the foreign key takes the planned reminders with it.
    await db.dataSource.manager.delete(Founder, { id: vanished });
    clock.set(shanghai('2026-05-20T08:00'));
    const summary = await runner.run({ plan: false });
    expect(channel.bundles).toHaveLength(0);
    expect(summary.send.sent).toBe(0);
    expect(await fx.deliveries({ founderId: erased })).toHaveLength(0);
    expect(await fx.deliveries({ founderId: vanished })).toHaveLength(0);
    expect(await db.dataSource.manager.countBy(Subscription, { founderId: vanished })).toBe(0);
  });

  it('keeps reminders pending while the channel is down, retries with exponential backoff, and gives up after REMINDER_MAX_ATTEMPTS', async () => {
    await fx.policy('p.a', ['2026-06-19']);
    await subscribedFounder('p.a');
    const clock = fixedClock(shanghai('2026-05-20T09:00'));
    const channel = recordingChannel();
    channel.behave = (_bundle, call) =>
      call === 2 ? Promise.reject(new Error('socket hang up')) : { status: 'retry', error: 'HTTP 502' };
    const runner = runnerFor(db.dataSource, fx, clock, [channel], { maxAttempts: 4, backoffBaseMs: 5 * MINUTE });

    const attemptsAt: string[] = [];
    await runner.run();
    for (let minute = 1; minute <= 60; minute += 1) {
      clock.set(new Date(shanghai('2026-05-20T09:00').getTime() + minute * MINUTE));
      const { send } = await runner.run({ plan: false });
      if (send.failed > 0) attemptsAt.push(`+${minute}`);
    }
    // Attempts at +0, then after 5, 10 and 20 minutes.
    expect(attemptsAt).toEqual(['+5', '+15', '+35']);
    const [row] = await fx.deliveries();
    expect(row).toMatchObject({ status: 'failed', attempts: 4, lastError: 'HTTP 502' });
  });

  it('recovers when the channel comes back: the pending reminder goes out on the next tick', async () => {
    await fx.policy('p.a', ['2026-06-19']);
    await subscribedFounder('p.a');
    const clock = fixedClock(shanghai('2026-05-20T09:00'));
    const channel = recordingChannel();
    channel.behave = (_bundle, call) =>
      call === 1 ? { status: 'retry', error: 'bot logged out' } : { status: 'sent' };
    const runner = runnerFor(db.dataSource, fx, clock, [channel]);
    await runner.run();
    expect((await fx.deliveries())[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'bot logged out' });
    clock.advance(10 * MINUTE);
    await runner.run({ plan: false });
    expect((await fx.deliveries())[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(channel.bundles).toHaveLength(1);
  });

  it('marks the subscription refused when the founder refused the channel, and never tries again', async () => {
    await fx.policy('p.a', ['2026-06-19', '2026-06-26']);
    const founder = await subscribedFounder('p.a');
    const clock = fixedClock(shanghai('2026-05-20T09:00'));
    const channel = recordingChannel();
    channel.behave = () => ({ status: 'refused', error: 'errcode 43101: user refuse to accept the msg' });
    const runner = runnerFor(db.dataSource, fx, clock, [channel]);

    expect((await runner.run()).send.refused).toBe(1);
    const [subscription] = await db.dataSource.manager.findBy(Subscription, { founderId: founder });
    expect(subscription!.status).toBe('refused');
    clock.set(shanghai('2026-05-27T09:00'));
    const later = await runner.run();
    expect(later.planned).toBe(0);
    expect((await fx.deliveries()).map((d) => d.status)).toEqual(['refused']);
  });

  it('leaves rows for a channel that is not configured pending, and cancels them once the deadline has passed', async () => {
    await fx.policy('p.a', ['2026-06-19']);
    const founder = await fx.founder({ openid: 'o-1' });
    await fx.subscribe(founder, 'p.a', 'miniprogram');
    const clock = fixedClock(shanghai('2026-06-18T09:00'));
    const runner = runnerFor(db.dataSource, fx, clock, [recordingChannel('wechat')]);
    await runner.run();
    expect((await fx.deliveries())[0]).toMatchObject({ status: 'pending', attempts: 0 });
    clock.set(shanghai('2026-06-20T09:00'));
    expect((await runner.run()).overdue).toBe(1);
    expect((await fx.deliveries())[0]).toMatchObject({
      status: 'cancelled',
      lastError: 'deadline passed before delivery',
    });
  });

  it('cancels a planned reminder when the founder unsubscribed before it went out', async () => {
    await fx.policy('p.a', ['2026-06-19']);
    const founder = await subscribedFounder('p.a');
    const clock = fixedClock(shanghai('2026-05-20T23:00'));
    const channel = recordingChannel();
    const runner = runnerFor(db.dataSource, fx, clock, [channel]);
    await runner.run();
    await db.dataSource.manager.delete(Subscription, { founderId: founder });
    clock.set(shanghai('2026-05-21T08:00'));
    await runner.run({ plan: false });
    expect(channel.bundles).toHaveLength(0);
    expect((await fx.deliveries())[0]).toMatchObject({ status: 'cancelled', lastError: 'no active subscription' });
  });

  it('with several messages in flight (REMINDER_SEND_CONCURRENCY), still sends each reminder and follow-up once, one message per founder', async () => {
    await fx.policy('p.a', ['2026-06-19', '2026-05-27']);
    const founders: string[] = [];
    for (let i = 0; i < 12; i += 1) founders.push(await subscribedFounder('p.a'));
    const clock = fixedClock(shanghai('2026-05-20T09:00'));
    const channel = recordingChannel();
    channel.behave = () => new Promise((resolve) => setTimeout(() => resolve({ status: 'sent' }), 1));
    const runner = runnerFor(db.dataSource, fx, clock, [channel], { concurrency: 4, batchSize: 5 });
    await runner.run();
    expect(channel.bundles.map((b) => b.founderId).sort()).toEqual([...founders].sort());
    expect(channel.bundles.every((b) => b.items.length === 2)).toBe(true);
    clock.set(shanghai('2026-06-03T09:00')); // 7 days after the 05-27 deadline: follow-ups, recorded in transactions
    await runner.run();
    expect(
      channel.bundles
        .slice(12)
        .map((b) => b.founderId)
        .sort(),
    ).toEqual([...founders].sort());
    expect(await db.dataSource.manager.count('application_record')).toBe(12);
  });
});
