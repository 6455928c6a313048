/**
 * The WeChat access token shared by the replicas through Redis (issue 22):
 * two caches, as two replicas, fetch one token between them however many
 * sends ask at once; a token WeChat rejected is replaced once for both; with
 * Redis unreachable each fetches its own and says so once. Needs Redis at
 * REDIS_TEST_URL (default 127.0.0.1:6379); without one the tests are skipped
 * and say why.
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RedisTokenStore } from '../../reminders/redis-access-tokens';
import { AccessTokenCache, WechatCredentials } from '../../reminders/wechat-access-token';
import { systemClock } from '../../services/clock';
import { FakePlatform, OA_APPID, OA_SECRET, startFakePlatform } from '../channels/support/fake-official-account';
import { capturedLogger } from '../support/captured-logger';
import { describeIfRedis, REDIS_TEST_URL } from '../support/redis-probe';

const describeWithRedis = describeIfRedis('shared access tokens');

describeWithRedis(`WeChat access tokens shared through Redis at ${REDIS_TEST_URL}`, () => {
  let platform: FakePlatform;
  const clients: Redis[] = [];
  const prefix = `fg-test-tokens-${randomUUID()}`;
  const log = capturedLogger('warn');
  beforeEach(async () => {
    platform = await startFakePlatform();
    log.clear();
  });
  afterEach(() => platform.close());
  afterAll(async () => {
    const cleanup = new Redis(REDIS_TEST_URL);
    const keys = await cleanup.keys(`${prefix}:*`);
    if (keys.length > 0) await cleanup.del(...keys);
    cleanup.disconnect();
    for (const client of clients) client.disconnect();
  });

  /** One replica's cache of an Official Account's stable_token, with its own Redis client. */
  function replica(appid: string, url = REDIS_TEST_URL): AccessTokenCache {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 60_000 });
    clients.push(redis);
    const credentials: WechatCredentials = {
      apiBase: platform.baseUrl,
      appid,
      secret: OA_SECRET,
      timeoutMs: 5000,
      endpoint: 'stable_token',
    };
    return new AccessTokenCache(
      credentials,
      systemClock,
      new RedisTokenStore(redis, prefix, log.logger, { lockMs: 6000, pollMs: 20 }),
    );
  }

  /** Two replicas of one app (an AppId of this test alone), both connected to Redis. */
  async function twoReplicas(): Promise<[AccessTokenCache, AccessTokenCache]> {
    const appid = `${OA_APPID}-${randomUUID()}`;
    const pair: [AccessTokenCache, AccessTokenCache] = [replica(appid), replica(appid)];
    await Promise.all(clients.slice(-2).map(connected));
    return pair;
  }

  it('makes exactly one stable_token call for concurrent gets on two replicas', async () => {
    const [a, b] = await twoReplicas();
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).token()));
    expect(platform.tokenRequests).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
  });

  it('replaces a token WeChat rejected once for both replicas', async () => {
    const [a, b] = await twoReplicas();
    expect([await a.token(), await b.token()]).toEqual(['token-1', 'token-1']);
    a.invalidate('token-1');
    b.invalidate('token-1');
    const again = await Promise.all([a.token(), b.token()]);
    expect(again).toEqual(['token-2', 'token-2']);
    expect(platform.tokenRequests).toBe(2);
  });

  it('fetches per process while Redis is unreachable, and logs that once', async () => {
    const a = replica(`${OA_APPID}-${randomUUID()}`, 'redis://127.0.0.1:1');
    expect(await a.token()).toBe('token-1');
    a.invalidate('token-1');
    expect(await a.token()).toBe('token-2');
    expect(platform.tokenRequests).toBe(2);
    expect(log.text().match(/access tokens fall back/g) ?? []).toHaveLength(1);
  });
});

async function connected(client: Redis): Promise<void> {
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
}
