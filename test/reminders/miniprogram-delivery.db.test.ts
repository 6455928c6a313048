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
    expect(unavailable.map((u) => u.channel)).toEqual(['wechat']);
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

  it('marks the subscription refused on errcode 43101 and leaves the others untouched', async () => {
    const refusing = await miniprogramFounder('openid-1');
    const willing = await miniprogramFounder('openid-2');
    wechat.repliesFor['openid-1'] = { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    const summary = await runner().run();
    expect(summary.send).toMatchObject({ refused: 1, sent: 1 });
    const statuses = Object.fromEntries(
      (await db.dataSource.manager.find(Subscription)).map((s) => [s.founderId, s.status]),
    );
    expect(statuses).toEqual({ [refusing]: 'refused', [willing]: 'active' });
    expect((await fx.deliveries({ founderId: refusing }))[0]).toMatchObject({
      status: 'refused',
      lastError: expect.stringContaining('43101'),
    });
  });
});
