import { Subscription } from '../../entities';
import { fixedClock } from '../../services/clock';
import { configuredChannels } from '../../reminders';
import { openTestDatabase, TestDatabase, describeTarget } from '../support/test-database';
import { FakeWechat, startFakeWechat } from './support/fake-wechat-server';
import { Fixtures, runnerFor, shanghai } from './support/reminder-fixtures';

describe(`mini-program reminders end to end (fake WeChat, ${describeTarget()})`, () => {
  let db: TestDatabase;
  let fx: Fixtures;
  let wechat: FakeWechat;
  beforeEach(async () => {
    wechat = await startFakeWechat();
    db = await openTestDatabase({
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: 'wx-app',
      WECHAT_SECRET: 'test-secret',
      WECHAT_TEMPLATE_ID: 'tmpl-default',
    });
    fx = new Fixtures(db.dataSource);
    await fx.policy('p.a', ['2026-06-19']);
  });
  afterEach(async () => {
    await db.close();
    await wechat.close();
  });

  async function miniprogramFounder(openid: string, templateIds: string[] = []): Promise<string> {
    const founder = await fx.founder({ openid });
    await fx.subscribe(founder, 'p.a', 'miniprogram', templateIds);
    return founder;
  }

  function runner() {
    const { channels, unavailable } = configuredChannels(db.config);
    expect(unavailable.map((u) => u.channel)).toEqual(['wechat', 'official_account', 'wecom_kf']);
    return runnerFor(db.dataSource, fx, fixedClock(shanghai('2026-05-20T09:00')), channels);
  }

  it('sends the subscribe message with the template the founder accepted, once, through an expired token', async () => {
    await miniprogramFounder('openid-1', ['tmpl-accepted']);
    wechat.script = [{ errcode: 40001 }];
    const summary = await runner().run();
    expect(summary.send).toMatchObject({ messages: 1, sent: 1, failed: 0 });
    expect(wechat.messages.map((m) => [m.token, m.body.touser, m.body.template_id])).toEqual([
      ['token-1', 'openid-1', 'tmpl-accepted'],
      ['token-2', 'openid-1', 'tmpl-accepted'],
    ]);
    expect((await fx.deliveries())[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('on errcode 43101 empties that founder’s credits, keeps the subscription, and leaves the others untouched', async () => {
    const refusing = await miniprogramFounder('openid-1');
    const willing = await miniprogramFounder('openid-2');
    wechat.repliesFor['openid-1'] = { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    const summary = await runner().run();
    expect(summary.send).toMatchObject({ refused: 1, sent: 1 });
    const statuses = Object.fromEntries(
      (await db.dataSource.manager.find(Subscription)).map((s) => [s.founderId, s.status]),
    );
    // Used up is not refused for good: the next acceptance is sent as usual.
    expect(statuses).toEqual({ [refusing]: 'active', [willing]: 'active' });
    expect(await fx.creditsLeft(refusing)).toEqual({ 'tmpl-default': 0 });
    expect(await fx.creditsLeft(willing)).toEqual({ 'tmpl-default': 2 });
    expect((await fx.deliveries({ founderId: refusing }))[0]).toMatchObject({
      status: 'cancelled',
      lastError: expect.stringContaining('43101'),
    });
  });

  describe('one-time subscriptions: one message per acceptance (issue 21)', () => {
    /** Runs the day's reminders on each offset day of the window closing 2026-06-19. */
    async function runOffsetDays(settings: Parameters<typeof runnerFor>[4] = {}): Promise<string[]> {
      const { channels } = configuredChannels(db.config);
      const sentOn: string[] = [];
      for (const day of ['2026-05-20', '2026-06-12', '2026-06-18']) {
        const before = wechat.messages.length;
        await runnerFor(db.dataSource, fx, fixedClock(shanghai(`${day}T09:00`)), channels, settings).run();
        if (wechat.messages.length > before) sentOn.push(day);
      }
      return sentOn;
    }

    it('spends one credit on T-7 and sends nothing that would be refused', async () => {
      const founder = await fx.founder({ openid: 'openid-1' });
      await fx.subscribe(founder, 'p.a', 'miniprogram', ['tmpl-accepted'], 1);
      expect(await runOffsetDays()).toEqual(['2026-06-12']);
      expect(wechat.messages).toHaveLength(1);
      expect(await fx.creditsLeft(founder)).toEqual({ 'tmpl-accepted': 0 });
      expect((await fx.deliveries({ founderId: founder })).map((d) => d.status)).toEqual(['sent']);
    });

    it('spends three credits on T-30, T-7 and T-1', async () => {
      const founder = await fx.founder({ openid: 'openid-1' });
      await fx.subscribe(founder, 'p.a', 'miniprogram', ['tmpl-accepted'], 3);
      expect(await runOffsetDays()).toEqual(['2026-05-20', '2026-06-12', '2026-06-18']);
      expect(await fx.creditsLeft(founder)).toEqual({ 'tmpl-accepted': 0 });
    });

    it('with no credit sends nothing, and with long-term subscriptions needs none', async () => {
      const founder = await fx.founder({ openid: 'openid-1' });
      await fx.subscribe(founder, 'p.a', 'miniprogram', ['tmpl-accepted'], 0);
      expect(await runOffsetDays()).toEqual([]);
      expect(await runOffsetDays({ subscribeCredits: false })).toEqual(['2026-05-20', '2026-06-12', '2026-06-18']);
    });
  });
});
