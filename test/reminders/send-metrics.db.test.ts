/**
 * Reminder sends on GET /metrics (issue 22): mini-program messages sent
 * through a fake WeChat server are counted by channel and outcome, and the
 * outbox depth shows what is still waiting.
 */
import { ApplicationWindow } from '../../entities';
import { silentLogger } from '../../logging/logger';
import { createReminders } from '../../reminders';
import { ApiWorld, openApiWorld } from '../api/support/api-world';
import { metricSample } from '../api/support/metric-sample';
import { describeTarget } from '../support/test-database';
import { FakeWechat, startFakeWechat } from './support/fake-wechat-server';
import { Fixtures } from './support/reminder-fixtures';

const TOKEN = 'metrics-token-0123456789';
const POLICY = 'cn.high-tech-enterprise';

describe(`reminder sends on /metrics, on ${describeTarget()}`, () => {
  let wechat: FakeWechat;
  let world: ApiWorld;
  beforeAll(async () => {
    wechat = await startFakeWechat();
    world = await openApiWorld({
      METRICS_TOKEN: TOKEN,
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: 'wx-metrics-app',
      WECHAT_SECRET: 'test-secret',
      WECHAT_TEMPLATE_ID: 'tmpl-default',
    });
  });
  afterAll(async () => {
    await world.close();
    await wechat.close();
  });

  const scrape = async () => (await world.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).text;

  it('counts each message by channel and outcome, and the rows still waiting as the outbox depth', async () => {
    const fx = new Fixtures(world.db.dataSource);
    // A deadline a week after the world's today (2026-11-23 in Shanghai).
    await world.db.dataSource.manager.insert(ApplicationWindow, {
      policyId: POLICY,
      windowKey: `${POLICY}:metrics-test`,
      opensOn: null,
      closesOn: '2026-11-30',
      rolling: false,
      note: null,
      confidence: 'B',
    });
    for (const openid of ['o-metrics-sent', 'o-metrics-refused', 'o-metrics-retry'])
      await fx.subscribe(await fx.founder({ openid }), POLICY, 'miniprogram');
    wechat.repliesFor['o-metrics-refused'] = { errcode: 43101 };
    wechat.repliesFor['o-metrics-retry'] = { httpStatus: 500 };
    const before = await scrape();
    expect(metricSample(before, 'founder_guide_reminder_messages_total')).toBeUndefined();

    const { runner } = createReminders({
      dataSource: world.db.dataSource,
      config: world.db.config,
      logger: silentLogger(),
      clock: world.clock,
      services: world.services,
    });
    const summary = await runner.run();
    expect(summary.send.messages).toBe(1);
    expect(wechat.messages.map((m) => m.body.touser).sort()).toEqual([
      'o-metrics-refused',
      'o-metrics-retry',
      'o-metrics-sent',
    ]);

    const after = await scrape();
    const sends = (outcome: string) =>
      metricSample(after, 'founder_guide_reminder_messages_total', ['channel="miniprogram"', `outcome="${outcome}"`]);
    expect([sends('sent'), sends('refused'), sends('retry')]).toEqual([1, 1, 1]);
    expect(metricSample(after, 'founder_guide_reminder_messages_total', ['channel="wechat"'])).toBeUndefined();
    // The failed one waits for its retry.
    expect(metricSample(after, 'founder_guide_reminder_outbox_depth')).toBe(1);
    expect(after).not.toContain('o-metrics');
  });
});
