import { fixedClock } from '../../services/clock';
import type { DeliveryBundle } from '../../reminders/channel';
import { miniprogramChannel } from '../../reminders/miniprogram-channel';
import { AccessTokenCache } from '../../reminders/wechat-access-token';
import { FakeWechat, startFakeWechat } from './support/fake-wechat-server';
import { shanghai } from './support/reminder-fixtures';

const bundle: DeliveryBundle = {
  founderId: 'f-1',
  channel: 'miniprogram',
  recipient: 'openid-1',
  items: [
    {
      deliveryId: 1,
      kind: 'reminder',
      policyId: 'sh.innovation-voucher',
      policyTitle: '上海市科技创新券',
      windowKey: 'voucher:2026',
      closesOn: '2026-06-19',
      daysLeft: 30,
      materials: ['营业执照', '服务合同'],
      link: 'https://example.gov.cn/voucher',
    },
  ],
};

describe('the mini-program subscribeMessage channel (fake WeChat server)', () => {
  let wechat: FakeWechat;
  let clock: ReturnType<typeof fixedClock>;
  beforeEach(async () => {
    wechat = await startFakeWechat();
    clock = fixedClock(shanghai('2026-05-20T09:00'));
  });
  afterEach(() => wechat.close());

  function channel(options: { secret?: string; timeoutMs?: number; defaultTemplateId?: string } = {}) {
    const timeoutMs = options.timeoutMs ?? 2000;
    const tokens = new AccessTokenCache(
      { apiBase: wechat.baseUrl, appid: 'wx-app', secret: options.secret ?? 'test-secret', timeoutMs },
      clock,
    );
    return miniprogramChannel({
      tokens,
      apiBase: wechat.baseUrl,
      timeoutMs,
      page: 'pages/policy/detail',
      defaultTemplateId: options.defaultTemplateId ?? 'tmpl-default',
    });
  }

  it('posts the template message to the founder, with the policy, deadline, days left, what to prepare and how to unsubscribe', async () => {
    expect(await channel().send({ ...bundle, templateId: 'tmpl-accepted' })).toEqual({ status: 'sent' });
    expect(wechat.messages).toHaveLength(1);
    const { token, body } = wechat.messages[0]!;
    expect(token).toBe('token-1');
    expect(body).toMatchObject({
      touser: 'openid-1',
      template_id: 'tmpl-accepted',
      page: 'pages/policy/detail?policy=sh.innovation-voucher',
      lang: 'zh_CN',
    });
    expect(body.data).toEqual({
      thing1: { value: '上海市科技创新券' },
      date2: { value: '2026年6月19日' },
      thing3: { value: '还剩 30 天，备好营业执照、服务合同' },
      thing4: { value: '可在「我的提醒」中退订' },
    });
    expect(wechat.tokenRequests).toEqual([{ appid: 'wx-app', secret: 'test-secret' }]);
  });

  it('fetches the access_token once and reuses it until it expires', async () => {
    const mp = channel();
    await Promise.all([mp.send(bundle), mp.send(bundle), mp.send(bundle)]);
    expect(wechat.tokenRequests).toHaveLength(1);
    clock.advance(7200 * 1000 - 6 * 60 * 1000); // 6 minutes before WeChat's expiry: still used
    await mp.send(bundle);
    expect(wechat.tokenRequests).toHaveLength(1);
    clock.advance(2 * 60 * 1000); // 4 minutes before: inside the 5-minute margin, fetched anew
    await mp.send(bundle);
    expect(wechat.tokenRequests).toHaveLength(2);
    expect(wechat.messages.map((m) => m.token)).toEqual(['token-1', 'token-1', 'token-1', 'token-1', 'token-2']);
  });

  it('refreshes the token once on an expired-token errcode (40001) and sends again', async () => {
    wechat.script = [{ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }];
    expect(await channel().send(bundle)).toEqual({ status: 'sent' });
    expect(wechat.tokenRequests).toHaveLength(2);
    expect(wechat.messages.map((m) => m.token)).toEqual(['token-1', 'token-2']);
  });

  it('refreshes only once: a second expired-token reply is a failure to retry later', async () => {
    wechat.script = [{ errcode: 42001 }, { errcode: 42001 }];
    expect(await channel().send(bundle)).toMatchObject({ status: 'retry', error: expect.stringContaining('42001') });
    expect(wechat.tokenRequests).toHaveLength(2);
    expect(wechat.messages).toHaveLength(2);
  });

  it('reports errcode 43101 (the founder refused) as refused, not to be retried', async () => {
    wechat.script = [{ errcode: 43101, errmsg: 'user refuse to accept the msg' }];
    expect(await channel().send(bundle)).toEqual({
      status: 'refused',
      error: 'errcode 43101: user refuse to accept the msg',
    });
  });

  it('reports HTTP errors, timeouts, an unreachable server and bad credentials as failures to retry', async () => {
    wechat.script = [{ httpStatus: 502 }];
    expect(await channel().send(bundle)).toMatchObject({ status: 'retry', error: expect.stringContaining('HTTP 502') });
    wechat.script = [{ delayMs: 500 }];
    expect(await channel({ timeoutMs: 100 }).send(bundle)).toMatchObject({
      status: 'retry',
      error: expect.stringContaining('unreachable'),
    });
    expect(await channel({ secret: 'wrong' }).send(bundle)).toMatchObject({
      status: 'retry',
      error: expect.stringContaining('40125'),
    });
    const base = wechat.baseUrl;
    await wechat.close();
    const tokens = new AccessTokenCache(
      { apiBase: base, appid: 'wx-app', secret: 'test-secret', timeoutMs: 500 },
      clock,
    );
    const down = miniprogramChannel({ tokens, apiBase: base, timeoutMs: 500, page: 'p', defaultTemplateId: 't' });
    expect(await down.send(bundle)).toMatchObject({ status: 'retry' });
    wechat = await startFakeWechat(); // for afterEach
  });

  it('names the first (most urgent) policy of a bundle and counts the others', async () => {
    const second = {
      ...bundle.items[0]!,
      deliveryId: 2,
      policyId: 'sh.hte',
      policyTitle: '高新技术企业认定',
      daysLeft: 30,
    };
    await channel().send({ ...bundle, items: [bundle.items[0]!, second] });
    expect(wechat.messages[0]!.body.data.thing1).toEqual({ value: '上海市科技创新券 等2项' });
  });
});
