/** GET /api/v1/incubators: facets, and ?match=me ranked by my profile with reasons. */
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

describe('GET /api/v1/incubators', () => {
  it('lists incubators with sources and verified_at', async () => {
    const res = await world.http().get('/api/v1/incubators');
    expect(res.status).toBe(200);
    expect(res.body.count).toBeGreaterThanOrEqual(25);
    expect(res.body.matched).toBe(false);
    expect(res.body.incubators[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      verified_at: expect.any(String),
    });
  });

  it('filters by district and industry', async () => {
    const res = await world.http().get('/api/v1/incubators?district=pudong');
    expect(res.body.count).toBeGreaterThan(0);
    expect(res.body.incubators.every((i: { district: string }) => i.district === 'pudong')).toBe(true);
    const ai = await world.http().get('/api/v1/incubators?industry=ai');
    expect(ai.body.incubators.every((i: { industries: string[] }) => i.industries.includes('ai'))).toBe(true);
  });

  it('ranks by my profile with reasons when ?match=me', async () => {
    const { auth } = await world.founder('incubator-match');
    await world
      .http()
      .put('/api/v1/me/profile')
      .set(auth)
      .send({ answers: { district: 'minhang', industry: 'integrated_circuit', stage: 'idea' } });
    const res = await world.http().get('/api/v1/incubators?match=me').set(auth);
    expect(res.status).toBe(200);
    expect(res.body.matched).toBe(true);
    expect(res.body.incubators.length).toBeGreaterThan(0);
    expect(res.body.incubators[0].reasons.length).toBeGreaterThan(0);
  });

  it('needs a session token for ?match=me, and refuses unknown facets', async () => {
    expect((await world.http().get('/api/v1/incubators?match=me')).status).toBe(401);
    expect((await world.http().get('/api/v1/incubators?match=you')).status).toBe(400);
    expect((await world.http().get('/api/v1/incubators?district=atlantis')).status).toBe(400);
  });
});
