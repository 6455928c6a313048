/**
 * Reminders over the customer-service channels (issue 19): the Official
 * Account and WeCom customer service may write only within 48 hours of the
 * founder's last message, five times. Inside the window the reminder goes
 * there (and is counted); outside, it moves to the founder's other channel
 * and the old row says why; with no other channel, nothing is sent and the
 * row says why. The platforms are local fakes.
 */
import { FounderIdentity, Subscription } from '../../entities';
import { CustomerServiceSender } from '../../channels/official-account/customer-service';
import { WecomKfApi } from '../../channels/wecom-kf/kf-api';
import { officialAccountChannel, wecomKfChannel } from '../../reminders/customer-service-channel';
import { AccessTokenCache } from '../../reminders/wechat-access-token';
import { fixedClock } from '../../services/clock';
import { ServiceWindows } from '../../services/service-windows';
import { OA_APPID, OA_SECRET, startFakePlatform, type FakePlatform } from '../channels/support/fake-official-account';
import {
  OPEN_KFID,
  startFakeWecom,
  WECOM_CORP_ID,
  WECOM_KF_SECRET,
  type FakeWecom,
} from '../channels/support/fake-wecom';
import { openTestDatabase, TestDatabase, describeTarget } from '../support/test-database';
import { Fixtures, recordingChannel, runnerFor, shanghai } from './support/reminder-fixtures';

const RUN_AT = shanghai('2026-05-20T09:00');
const HOUR = 3_600_000;

describe(`reminders over customer-service windows on ${describeTarget()}`, () => {
  let db: TestDatabase;
  let fx: Fixtures;
  let platform: FakePlatform;
  let wecom: FakeWecom;
  let windows: ServiceWindows;
  beforeAll(async () => {
    platform = await startFakePlatform();
    wecom = await startFakeWecom();
  });
  afterAll(async () => {
    await platform.close();
    await wecom.close();
  });
  beforeEach(async () => {
    db = await openTestDatabase();
    fx = new Fixtures(db.dataSource);
    windows = new ServiceWindows(db.dataSource.manager);
    platform.sent.length = 0;
    platform.script.length = 0;
    wecom.sent.length = 0;
    await fx.policy('p.a', ['2026-05-27']);
  });
  afterEach(() => db.close());

  const clock = () => fixedClock(RUN_AT);
  const tokens = (apiBase: string, appid: string, secret: string, endpoint: 'stable_token' | 'wecom_gettoken') =>
    new AccessTokenCache({ apiBase, appid, secret, timeoutMs: 5000, endpoint }, fixedClock(RUN_AT));
  const oaChannel = () =>
    officialAccountChannel(
      new CustomerServiceSender({
        tokens: tokens(platform.baseUrl, OA_APPID, OA_SECRET, 'stable_token'),
        apiBase: platform.baseUrl,
        timeoutMs: 5000,
      }),
    );
  const kfChannel = () =>
    wecomKfChannel(
      new WecomKfApi({
        tokens: tokens(wecom.baseUrl, WECOM_CORP_ID, WECOM_KF_SECRET, 'wecom_gettoken'),
        apiBase: wecom.baseUrl,
        timeoutMs: 5000,
      }),
    );

  /** A founder known on the Official Account (and, if asked, on other channels), subscribed there to p.a. */
  async function oaFounder(openid: string, others: { wechat?: string; openid?: string } = {}): Promise<string> {
    const founder = await fx.founder(others);
    await db.dataSource.manager.insert(FounderIdentity, {
      founderId: founder,
      channel: 'official_account',
      externalId: openid,
    });
    await fx.subscribe(founder, 'p.a', 'official_account');
    return founder;
  }
  const identity = (channel: string, externalId: string) =>
    db.dataSource.manager.findOneByOrFail(FounderIdentity, { channel: channel as never, externalId });

  it('sends within 48 hours of the founder’s last message, and counts the message against the window', async () => {
    const founder = await oaFounder('oa-open');
    await windows.opened({ channel: 'official_account', externalId: 'oa-open' }, new Date(RUN_AT.getTime() - 2 * HOUR));

    const summary = await runnerFor(db.dataSource, fx, clock(), [oaChannel()]).run();

    expect(summary.send).toMatchObject({ sent: 1, rerouted: 0 });
    expect(platform.sent).toHaveLength(1);
    expect(platform.sent[0]).toMatchObject({ touser: 'oa-open' });
    expect(platform.sent[0]!.content).toContain('测试政策p.a');
    expect((await identity('official_account', 'oa-open')).windowSends).toBe(1);
    expect(await fx.deliveries({ founderId: founder })).toEqual([
      expect.objectContaining({ channel: 'official_account', status: 'sent', fallbackFrom: null }),
    ]);
  });

  it('after 48 hours sends by the founder’s WeChat contact instead, and the planned row says why', async () => {
    const founder = await oaFounder('oa-late', { wechat: 'wx-late' });
    await windows.opened(
      { channel: 'official_account', externalId: 'oa-late' },
      new Date(RUN_AT.getTime() - 49 * HOUR),
    );
    const wechat = recordingChannel('wechat');

    const summary = await runnerFor(db.dataSource, fx, clock(), [oaChannel(), wechat]).run();

    expect(platform.sent).toHaveLength(0);
    expect(wechat.bundles.map((b) => [b.recipient, b.items.map((i) => i.policyId)])).toEqual([['wx-late', ['p.a']]]);
    expect(summary.send).toMatchObject({ sent: 1, rerouted: 1 });
    const rows = await fx.deliveries({ founderId: founder });
    expect(rows.map((r) => [r.channel, r.status, r.fallbackFrom])).toEqual([
      ['official_account', 'cancelled', null],
      ['wechat', 'sent', 'official_account'],
    ]);
    expect(rows[0]!.lastError).toMatch(/last wrote 49 h ago.*sent by wechat instead/);
  });

  it('with five messages already sent and no other channel, sends nothing and says so on the row', async () => {
    const founder = await oaFounder('oa-full');
    await windows.opened({ channel: 'official_account', externalId: 'oa-full' }, new Date(RUN_AT.getTime() - HOUR));
    await windows.spent({ channel: 'official_account', externalId: 'oa-full' }, 5);

    const summary = await runnerFor(db.dataSource, fx, clock(), [oaChannel(), recordingChannel('wechat')]).run();

    expect(platform.sent).toHaveLength(0);
    expect(summary.send).toMatchObject({ sent: 0, skipped: 1 });
    const [row] = await fx.deliveries({ founderId: founder });
    expect(row).toMatchObject({ channel: 'official_account', status: 'cancelled' });
    expect(row!.lastError).toMatch(/5 of 5 messages.*no other channel reaches the founder/);
  });

  it('believes the platform’s 45015: the window closes and the reminder goes by the mini-program the founder accepted', async () => {
    const founder = await oaFounder('oa-45015', { openid: 'mp-45015' });
    // An acceptance on the mini-program (for another policy) is what lets a reminder go there.
    await fx.policy('p.other', []);
    await fx.subscribe(founder, 'p.other', 'miniprogram', ['tmpl-1'], 1);
    await windows.opened({ channel: 'official_account', externalId: 'oa-45015' }, new Date(RUN_AT.getTime() - HOUR));
    platform.script.push(45015);
    const miniprogram = recordingChannel('miniprogram');

    await runnerFor(db.dataSource, fx, clock(), [oaChannel(), miniprogram]).run();

    expect(platform.sent).toHaveLength(0);
    expect(miniprogram.bundles.map((b) => [b.recipient, b.templateId])).toEqual([['mp-45015', 'tmpl-1']]);
    expect((await identity('official_account', 'oa-45015')).windowSends).toBe(5);
    const rows = await fx.deliveries({ founderId: founder });
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['official_account', 'cancelled'],
      ['miniprogram', 'sent'],
    ]);
  });

  it('never moves a reminder to a channel the founder gave no acceptance on (a mini-program without a template)', async () => {
    const founder = await oaFounder('oa-nomp', { openid: 'mp-nomp' });
    await windows.opened(
      { channel: 'official_account', externalId: 'oa-nomp' },
      new Date(RUN_AT.getTime() - 72 * HOUR),
    );
    const miniprogram = recordingChannel('miniprogram');

    await runnerFor(db.dataSource, fx, clock(), [oaChannel(), miniprogram]).run();

    expect(miniprogram.bundles).toHaveLength(0);
    const [row] = await fx.deliveries({ founderId: founder });
    expect(row!.lastError).toMatch(/no other channel reaches the founder/);
  });

  it('writes back on WeCom from the customer-service account the founder wrote to', async () => {
    const founder = await fx.founder({});
    await db.dataSource.manager.insert(FounderIdentity, {
      founderId: founder,
      channel: 'wecom_kf',
      externalId: 'wm-ext',
    });
    await fx.subscribe(founder, 'p.a', 'wecom_kf');
    await windows.opened(
      { channel: 'wecom_kf', externalId: 'wm-ext' },
      new Date(RUN_AT.getTime() - 3 * HOUR),
      OPEN_KFID,
    );

    await runnerFor(db.dataSource, fx, clock(), [kfChannel()]).run();

    expect(wecom.sent.map((m) => [m.touser, m.openKfId])).toEqual([['wm-ext', OPEN_KFID]]);
    expect(wecom.sent[0]!.content).toContain('测试政策p.a');
    expect((await identity('wecom_kf', 'wm-ext')).windowSends).toBe(1);
  });

  it('keeps needing the subscription a moved reminder was planned for', async () => {
    const founder = await oaFounder('oa-unsub', { wechat: 'wx-unsub' });
    await windows.opened(
      { channel: 'official_account', externalId: 'oa-unsub' },
      new Date(RUN_AT.getTime() - 50 * HOUR),
    );
    const wechat = recordingChannel('wechat');
    // The moved reminder's first attempt fails, so it is still pending when the founder unsubscribes.
    wechat.behave = () => ({ status: 'retry', error: 'bot offline' });
    const at = clock();
    const runner = runnerFor(db.dataSource, fx, at, [oaChannel(), wechat]);
    await runner.run();
    await db.dataSource.manager.delete(Subscription, { founderId: founder, channel: 'official_account' });
    wechat.behave = () => ({ status: 'sent' });
    at.set(new Date(RUN_AT.getTime() + 6 * HOUR));

    await runner.run({ plan: false });

    expect(wechat.bundles).toHaveLength(0);
    expect((await fx.deliveries({ founderId: founder })).map((r) => [r.channel, r.status, r.lastError])).toEqual([
      ['official_account', 'cancelled', expect.stringContaining('sent by wechat instead')],
      ['wechat', 'cancelled', 'no active subscription'],
    ]);
  });
});
