/** 429 with the error JSON, per IP and per founder; the health check is never limited. */
import { MAX_KEYS_PER_KIND, RateLimiter } from '../../api/middleware/rate-limit';
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
let direct: ApiWorld;
// One moment for every request: counting to the limit on a loaded machine once straddled a minute
// (the windows are fixed minutes) and the count started again.
const MOMENT = Date.parse('2026-11-23T02:00:30Z');
beforeAll(async () => {
  // Behind one reverse proxy: its X-Forwarded-For names the client.
  world = await openApiWorld({ RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: '1' }, { now: () => MOMENT });
  // Run directly (the default): X-Forwarded-For is whatever the client wrote.
  direct = await openApiWorld({ RATE_LIMIT_PER_MINUTE: '5' }, { now: () => MOMENT });
});
afterAll(async () => {
  await world.close();
  await direct.close();
});

describe('rate limiting without a trusted proxy (TRUST_PROXY=0, the default)', () => {
  it('counts the connection’s address, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await direct.http().get('/api/v1/policies').set('X-Forwarded-For', `192.0.2.${i}`)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429, 429, 429, 429, 429]);
  });
});

describe('rate limiting behind a proxy (TRUST_PROXY=1)', () => {
  it('answers 429 with Retry-After once an IP is over the limit, never for /health', async () => {
    const ip = { 'X-Forwarded-For': '203.0.113.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await world.http().get('/api/v1/policies').set(ip)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const res = await world.http().get('/api/v1/policies').set(ip);
    expect(res.body.error).toMatchObject({ code: 'rate_limited', message: expect.any(String) });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await world.http().get('/health').set(ip)).status).toBe(200);
    expect((await world.http().get('/api/v1/policies').set({ 'X-Forwarded-For': '203.0.113.8' })).status).toBe(200);
  });

  it('limits a founder across IPs', async () => {
    const { auth } = await world.founder('busy-founder');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push(
        (await world.http().get('/api/v1/me/profile').set(auth).set('X-Forwarded-For', `198.51.100.${i}`)).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});

describe('RateLimiter', () => {
  it('evicts the oldest addresses in a flood of new ones, never a founder’s count', () => {
    const limiter = new RateLimiter(3, () => 60_000 * 100 + 1);
    limiter.hit('founder:f1');
    limiter.hit('founder:f1');
    limiter.hit('founder:f1');
    for (let i = 0; i < MAX_KEYS_PER_KIND + 10; i += 1) limiter.hit(`ip:${i}`);
    expect(limiter.size('ip')).toBeLessThanOrEqual(MAX_KEYS_PER_KIND);
    expect(limiter.size('founder')).toBe(1);
    // f1 used its 3 requests this minute before the flood: the flood did not reset that.
    expect(() => limiter.hit('founder:f1')).toThrow();
    // The newest addresses are still counted.
    expect(() => limiter.hit(`ip:${MAX_KEYS_PER_KIND + 9}`)).not.toThrow();
  });

  it('starts counting again in the next minute', () => {
    let now = 60_000 * 100;
    const limiter = new RateLimiter(2, () => now);
    limiter.hit('k');
    limiter.hit('k');
    expect(() => limiter.hit('k')).toThrow();
    now += 60_000;
    expect(() => limiter.hit('k')).not.toThrow();
  });
});
