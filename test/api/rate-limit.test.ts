/** 429 with the error JSON, per IP and per founder; the health check is never limited. */
import { RateLimiter } from '../../api/middleware/rate-limit';
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld({ RATE_LIMIT_PER_MINUTE: '5' });
});
afterAll(() => world.close());

describe('rate limiting', () => {
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
