/**
 * Rate limits shared by the API replicas through Redis (issue 22): two apps
 * on one database and one Redis count a founder's and an address's requests
 * once; with Redis unreachable each counts in memory, keeps answering, and
 * says so once. Needs Redis at REDIS_TEST_URL (default 127.0.0.1:6379, as on
 * the CI machines); without one the tests are skipped and say why.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import Redis from 'ioredis';
import supertest from 'supertest';
import { createApi } from '../../api/create-api';
import { watchRedis } from '../../api/middleware/shared-rate-limit';
import { databaseHealth } from '../../db/open-database';
import { createLogger } from '../../logging/logger';
import { ApiWorld, openApiWorld } from './support/api-world';
import { describeIfRedis, REDIS_TEST_URL } from '../support/redis-probe';

const LIMIT = 5;
const describeWithRedis = describeIfRedis('shared rate limits');

describeWithRedis(`rate limits shared through Redis at ${REDIS_TEST_URL}`, () => {
  let world: ApiWorld;
  const clients: Redis[] = [];
  let logs = '';
  beforeAll(async () => {
    world = await openApiWorld({ RATE_LIMIT_PER_MINUTE: String(LIMIT), REDIS_KEY_PREFIX: `fg-test-${randomUUID()}` });
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await world.close();
  });

  /** Another API replica over the same services and database, with its own Redis client. */
  function replica(url = REDIS_TEST_URL) {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => 60_000 });
    clients.push(redis);
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    const logger = createLogger('info', sink);
    watchRedis(redis, logger);
    const app = createApi({
      services: world.services,
      config: world.db.config,
      logger,
      databaseHealth: () => databaseHealth(world.db.dataSource, 1000),
      redis,
    });
    return supertest(app.callback());
  }

  async function ready(client: Redis): Promise<void> {
    if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  }

  it('stops a founder at the limit summed over both replicas', async () => {
    const [a, b] = [replica(), replica()];
    await Promise.all(clients.map(ready));
    const { auth } = await world.founder('shared-limit');
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i += 1) {
      const res = await (i % 2 === 0 ? a : b).get('/api/v1/me/profile').set(auth);
      statuses.push(res.status);
    }
    // The address is counted too: both limits are LIMIT, and the founder's is reached first or with it.
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
  });

  it('keeps answering with Redis unreachable, counts in memory, and logs it once', async () => {
    logs = '';
    const offline = replica('redis://127.0.0.1:1');
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i += 1) statuses.push((await offline.get('/api/v1/policies')).status);
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(statuses[LIMIT]).toBe(429);
    expect(logs.match(/redis unavailable/g) ?? []).toHaveLength(1);
    // It still answers, but is not ready: a load balancer should prefer the others.
    const ready = await offline.get('/ready');
    expect([ready.status, ready.body]).toEqual([503, { status: 'unavailable', database: 'up', redis: 'down' }]);
  });

  it('is ready when the database and Redis answer', async () => {
    const online = replica();
    await ready(clients[clients.length - 1]!);
    const res = await online.get('/ready');
    expect([res.status, res.body]).toEqual([200, { status: 'ready', database: 'up', redis: 'up' }]);
  });
});
