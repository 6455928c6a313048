/** GET /metrics (issue 22): protected by METRICS_TOKEN, and its counters move with the traffic. */
import { ApiWorld, openApiWorld } from './support/api-world';
import { metricSample } from './support/metric-sample';

const TOKEN = 'metrics-token-0123456789';
let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld({ METRICS_TOKEN: TOKEN });
});
afterAll(() => world.close());

const scrape = async () => (await world.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).text;

function value(text: string, metric: string, labels: string): number {
  return metricSample(text, metric, labels.split(',')) ?? 0;
}

describe('GET /metrics', () => {
  it('answers 401 without the token', async () => {
    expect((await world.http().get('/metrics')).status).toBe(401);
    expect((await world.http().get('/metrics').set('Authorization', 'Bearer wrong')).status).toBe(401);
  });

  it('counts requests by route template, and checks by cache hit or miss', async () => {
    const before = await scrape();
    const body = { answers: { region: 'shanghai', employees: 12 } };
    await world.http().post('/api/v1/eligibility').send(body);
    await world.http().post('/api/v1/eligibility').send(body);
    await world
      .http()
      .post('/api/v1/eligibility')
      .send({ answers: { employees: 12, region: 'shanghai' } });
    await world.http().get('/api/v1/policies/cn.high-tech-enterprise');
    const after = await scrape();
    const requests = (text: string, route: string) =>
      value(text, 'founder_guide_http_requests_total', `route="${route}",status="200"`);
    expect(requests(after, '/api/v1/eligibility') - requests(before, '/api/v1/eligibility')).toBe(3);
    expect(requests(after, '/api/v1/policies/:id') - requests(before, '/api/v1/policies/:id')).toBe(1);
    // A check is kept from its second asking on; the same answers in another key order are
    // the same check: the third is a cache hit.
    const checks = (text: string, cache: string) =>
      value(text, 'founder_guide_eligibility_checks_total', `cache="${cache}"`);
    expect(checks(after, 'miss') - checks(before, 'miss')).toBe(2);
    expect(checks(after, 'hit') - checks(before, 'hit')).toBe(1);
    expect(after).toContain('founder_guide_reminder_outbox_depth 0');
    // Never an id or a typed value as a label.
    expect(after).not.toContain('cn.high-tech-enterprise');
  });
});

describe('GET /ready without Redis', () => {
  it('is ready when the database answers, and says Redis is not configured', async () => {
    const res = await world.http().get('/ready');
    expect([res.status, res.body]).toEqual([200, { status: 'ready', database: 'up', redis: 'not configured' }]);
  });
});
