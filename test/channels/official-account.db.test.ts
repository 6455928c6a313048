/**
 * The Official Account callback (issue 19) against a fake platform: URL
 * verification, plaintext and safe-mode messages, retries answered once, a
 * slow turn answered `success` and sent as customer-service messages, bad
 * signatures and malformed XML refused with nothing processed.
 */
import supertest from 'supertest';
import { createApi } from '../../api/create-api';
import { readCatalogue } from '../../catalogue/read-content';
import { Assessment, FounderIdentity, InboundMessage } from '../../entities';
import { silentLogger } from '../../logging/logger';
import { createServices } from '../../services';
import { splitBytes } from '../../channels/wechat/split-bytes';
import { aesKeyFrom, decrypt } from '../../channels/wechat/message-crypto';
import { AccessTokenCache } from '../../reminders/wechat-access-token';
import { fixedClock } from '../../services/clock';
import { parseXml } from '../../channels/wechat/xml';
import { restoreState } from '../../bot/dialogue/state';
import { formatValue } from '../../rules/format-value';
import { ApiWorld, openApiWorld } from '../api/support/api-world';
import { personaAnswers } from '../bot/support/chat-world';
import {
  eventMessage,
  FakePlatform,
  OA_AES_KEY,
  OA_APPID,
  OA_SECRET,
  OA_TOKEN,
  safeModeCallback,
  signedQuery,
  startFakePlatform,
  textMessage,
} from './support/fake-official-account';

const PATH = '/wechat/official-account';

/** The env that turns the channel on against this fake platform. */
function oaEnv(platform: FakePlatform, extra: Record<string, string> = {}): Record<string, string> {
  return {
    WECHAT_OA_TOKEN: OA_TOKEN,
    WECHAT_OA_APPID: OA_APPID,
    WECHAT_OA_SECRET: OA_SECRET,
    WECHAT_API_BASE: platform.baseUrl,
    ...extra,
  };
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('Official Account callback', () => {
  let platform: FakePlatform;
  let world: ApiWorld;
  beforeAll(async () => {
    platform = await startFakePlatform();
    world = await openApiWorld(oaEnv(platform, { WECHAT_OA_AES_KEY: OA_AES_KEY }));
  });
  afterAll(async () => {
    await world.close();
    await platform.close();
  });

  const post = (body: string, query = signedQuery()) =>
    world.http().post(`${PATH}?${query}`).set('content-type', 'text/xml').send(body);
  const oaFounders = () => world.db.dataSource.manager.countBy(FounderIdentity, { channel: 'official_account' });

  it('answers the URL check with echostr when the signature is ours, 401 otherwise', async () => {
    const good = await world.http().get(`${PATH}?${signedQuery()}&echostr=hello-123`);
    expect([good.status, good.text]).toEqual([200, 'hello-123']);
    const bad = await world.http().get(`${PATH}?${signedQuery('1', '2', 'wrong-token')}&echostr=hello-123`);
    expect(bad.status).toBe(401);
  });

  it('answers a text message with a passive reply from the dialogue engine', async () => {
    const res = await post(textMessage('oa-alice', '开始测评', 'msg-1'));
    expect(res.status).toBe(200);
    const reply = parseXml(res.text);
    expect(reply).toMatchObject({ ToUserName: 'oa-alice', FromUserName: 'gh_account', MsgType: 'text' });
    expect(reply.Content).toContain('第 1 题');
    // The message opened WeChat's 48-hour window; a passive reply uses none of it.
    const identity = await world.db.dataSource.manager.findOneByOrFail(FounderIdentity, { externalId: 'oa-alice' });
    expect(identity).toMatchObject({ windowOpenedAt: world.clock.now(), windowSends: 0 });
  });

  it('still replies when the window bookkeeping cannot be written (the database hiccups)', async () => {
    const failing = jest
      .spyOn(world.services.serviceWindows, 'opened')
      .mockRejectedValueOnce(new Error('database away'));
    try {
      const res = await post(textMessage('oa-hiccup', '开始测评', 'msg-hiccup'));
      expect(res.status).toBe(200);
      expect(parseXml(res.text).Content).toContain('第 1 题');
      expect(failing).toHaveBeenCalledTimes(1);
    } finally {
      failing.mockRestore();
    }
  });

  it('answers a retried MsgId once: the retry gets success and runs nothing', async () => {
    await post(textMessage('oa-bob', '开始测评', 'msg-retry'));
    const retry = await post(textMessage('oa-bob', '开始测评', 'msg-retry'));
    expect(retry.text).toBe('success');
    const [identity] = await world.db.dataSource.manager.findBy(FounderIdentity, { externalId: 'oa-bob' });
    expect(await world.db.dataSource.manager.countBy(Assessment, { founderId: identity!.founderId })).toBe(1);
  });

  it('runs nothing for a retry that reaches another replica on the same database', async () => {
    // A second API over the same database: its own process memory, as a replica behind a load balancer has.
    const services = createServices({
      dataSource: world.db.dataSource,
      config: world.db.config,
      logger: silentLogger(),
      clock: world.clock,
      readCatalogue,
    });
    await services.catalogue.refresh();
    const replica = createApi({
      services,
      config: world.db.config,
      logger: silentLogger(),
      databaseHealth: async () => ({ ok: true }) as never,
    }).callback();
    await post(textMessage('oa-dora', '开始测评', 'msg-two-replicas'));
    const retry = await supertest(replica)
      .post(`${PATH}?${signedQuery()}`)
      .set('content-type', 'text/xml')
      .send(textMessage('oa-dora', '开始测评', 'msg-two-replicas'));
    expect(retry.text).toBe('success');
    const [identity] = await world.db.dataSource.manager.findBy(FounderIdentity, { externalId: 'oa-dora' });
    expect(await world.db.dataSource.manager.countBy(Assessment, { founderId: identity!.founderId })).toBe(1);
    // Only a hash of the message's id is kept: no openid outlives an erase there.
    const keys = await world.db.dataSource.manager.find(InboundMessage);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.messageKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('greets a new follower and sends nothing on unsubscribe', async () => {
    const follow = await post(eventMessage('oa-carol', 'subscribe'));
    expect(parseXml(follow.text).Content).toContain('创业政策向导');
    const leave = await post(eventMessage('oa-carol', 'unsubscribe', 1796400100));
    expect(leave.text).toBe('success');
  });

  it('refuses a bad signature (401) and malformed XML (400), and processes nothing', async () => {
    const before = await oaFounders();
    const forged = await post(
      textMessage('oa-mallory', '开始测评', 'msg-forged'),
      signedQuery('1', '2', 'wrong-token'),
    );
    expect(forged.status).toBe(401);
    const malformed = await post('<xml><Content>开始测评</xml>');
    expect(malformed.status).toBe(400);
    const xxe = await post('<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Content>&x;</Content></xml>');
    expect(xxe.status).toBe(400);
    expect(await oaFounders()).toBe(before);
  });

  it('opens a safe-mode message and seals the reply for this account', async () => {
    const { body, query } = safeModeCallback(textMessage('oa-dave', '帮助', 'msg-safe'));
    const res = await post(body, query);
    expect(res.status).toBe(200);
    const envelope = parseXml(res.text);
    expect(envelope.MsgSignature).toBeDefined();
    const inner = parseXml(decrypt(envelope.Encrypt!, aesKeyFrom(OA_AES_KEY), OA_APPID));
    expect(inner.Content).toContain('开始测评');
  });

  it('runs a whole assessment to the same verdicts as the terminal chat for the same answers', async () => {
    const persona = personaAnswers('hardtech-growth');
    const catalogue = world.services.catalogue.current();
    const say = async (openid: string, words: string, id: string) => post(textMessage(openid, words, id));
    const stateOf = async (channelKey: string) => {
      const stored = await world.services.conversations.load(channelKey);
      const { state } = restoreState(stored!.stateVersion, stored!.state);
      return state.mode === 'assessing' ? (state.assessment?.current ?? null) : null;
    };
    await say('oa-persona', '开始测评', 'persona-0');
    for (let i = 1; i < 80; i += 1) {
      const fact = await stateOf('oa:oa-persona');
      if (!fact) break;
      const value = persona[fact];
      await say(
        'oa-persona',
        value === undefined ? '不知道' : formatValue(catalogue.facts[fact], value),
        `persona-${i}`,
      );
    }
    expect(await stateOf('oa:oa-persona')).toBeNull();
    const [identity] = await world.db.dataSource.manager.findBy(FounderIdentity, { externalId: 'oa-persona' });
    const stored = await world.services.profiles.answers(identity!.founderId);
    const viaChat = world.services.eligibility.check({ answers: stored }).evaluation.results;
    const direct = world.services.eligibility.check({ answers: persona }).evaluation.results;
    expect(viaChat.map((r) => [r.policy, r.status])).toEqual(direct.map((r) => [r.policy, r.status]));
  });

  it('subscribes to reminders on the Official Account, saying they come only within 48 hours of the founder’s last message', async () => {
    const res = await post(textMessage('oa-subscriber', '订阅提醒', 'msg-subscribe'));
    const reply = parseXml(res.text).Content ?? '';
    expect(reply).toContain('已订阅');
    expect(reply).toContain('48 小时');
    const founder = await world.db.dataSource.manager.findOneByOrFail(FounderIdentity, { externalId: 'oa-subscriber' });
    expect(await world.services.subscriptions.listWithCredits(founder.founderId)).toEqual([
      expect.objectContaining({ subscription: expect.objectContaining({ scope: '*', channel: 'official_account' }) }),
    ]);
  });

  it('refuses a safe-mode message whose msg_signature is wrong', async () => {
    const { body, query } = safeModeCallback(textMessage('oa-erin', '帮助', 'msg-safe-bad'));
    const res = await post(body, query.replace(/msg_signature=[0-9a-f]+/, 'msg_signature=0000'));
    expect(res.status).toBe(401);
  });
});

describe('Official Account callback with replies sent as customer-service messages', () => {
  let platform: FakePlatform;
  let world: ApiWorld;
  beforeAll(async () => {
    platform = await startFakePlatform();
    // No passive replies: the replies must go as customer-service messages.
    world = await openApiWorld(oaEnv(platform, { WECHAT_OA_REPLY_BUDGET_MS: '0' }));
  });
  afterAll(async () => {
    await world.close();
    await platform.close();
  });

  it('answers success at once and sends the replies as customer-service messages, with one token', async () => {
    const res = await world
      .http()
      .post(`${PATH}?${signedQuery()}`)
      .set('content-type', 'text/xml')
      .send(textMessage('oa-frank', '开始测评', 'msg-slow'));
    expect(res.text).toBe('success');
    await waitFor(() => platform.sent.length > 0, 'the customer-service message');
    expect(platform.sent[0]).toMatchObject({ touser: 'oa-frank', token: 'token-1' });
    expect(platform.sent.map((m) => m.content).join('\n')).toContain('第 1 题');
    for (const message of platform.sent) expect(Buffer.byteLength(message.content)).toBeLessThanOrEqual(2048);
    expect(platform.tokenRequests).toBe(1);
    // Customer-service messages use the window: the reminders count on it.
    const identity = () => world.db.dataSource.manager.findOneByOrFail(FounderIdentity, { externalId: 'oa-frank' });
    await waitFor(async () => (await identity()).windowSends === platform.sent.length, 'the window count');
  });
});

describe('the Official Account token', () => {
  it('is fetched once from stable_token however many sends ask at once', async () => {
    const platform = await startFakePlatform();
    try {
      const tokens = new AccessTokenCache(
        { apiBase: platform.baseUrl, appid: OA_APPID, secret: OA_SECRET, timeoutMs: 5000, endpoint: 'stable_token' },
        fixedClock(new Date('2026-12-04T02:00:00Z')),
      );
      const all = await Promise.all(Array.from({ length: 20 }, () => tokens.token()));
      expect(new Set(all)).toEqual(new Set(['token-1']));
      expect(platform.tokenRequests).toBe(1);
    } finally {
      await platform.close();
    }
  });
});

describe('replies cut for WeChat', () => {
  it('keeps every message within 2,048 bytes, between paragraphs first, never inside a character', () => {
    const paragraph = '高新技术企业认定'.repeat(40); // 960 bytes
    const messages = splitBytes([paragraph, paragraph, paragraph].join('\n\n'));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toBe(`${paragraph}\n\n${paragraph}`);
    const long = splitBytes('研'.repeat(2000));
    for (const message of long) expect(Buffer.byteLength(message)).toBeLessThanOrEqual(2048);
    expect(long.join('')).toBe('研'.repeat(2000));
  });
});
