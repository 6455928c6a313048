/** GET/PUT /api/v1/me/profile: the founder's stored answers. */
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

describe('/api/v1/me/profile', () => {
  it('starts empty, stores answers with PUT and returns them with GET', async () => {
    const { auth } = await world.founder('profile-owner');
    expect((await world.http().get('/api/v1/me/profile').set(auth)).body).toEqual({ answers: {} });
    const answers = { district: 'xuhui', employees: 12, company_registered: true, tech_staff_ratio: 25.5 };
    const put = await world.http().put('/api/v1/me/profile').set(auth).send({ answers });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ answers });
    expect((await world.http().get('/api/v1/me/profile').set(auth)).body).toEqual({ answers });
  });

  it('replaces the whole profile: facts left out are forgotten', async () => {
    const { auth } = await world.founder('profile-replace');
    await world
      .http()
      .put('/api/v1/me/profile')
      .set(auth)
      .send({ answers: { district: 'xuhui', employees: 12 } });
    const res = await world
      .http()
      .put('/api/v1/me/profile')
      .set(auth)
      .send({ answers: { employees: 13 } });
    expect(res.body).toEqual({ answers: { employees: 13 } });
  });

  it('refuses invalid answers with 400 and keeps the stored profile', async () => {
    const { auth } = await world.founder('profile-invalid');
    await world
      .http()
      .put('/api/v1/me/profile')
      .set(auth)
      .send({ answers: { employees: 5 } });
    for (const answers of [{ employees: 'five' }, { no_such_fact: 1 }, { tech_staff_ratio: 101 }]) {
      const res = await world.http().put('/api/v1/me/profile').set(auth).send({ answers });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
    expect((await world.http().put('/api/v1/me/profile').set(auth).send({ answers: {}, extra: true })).status).toBe(
      400,
    );
    expect((await world.http().get('/api/v1/me/profile').set(auth)).body).toEqual({ answers: { employees: 5 } });
  });

  it('needs a session token', async () => {
    expect((await world.http().get('/api/v1/me/profile')).status).toBe(401);
    expect((await world.http().put('/api/v1/me/profile').send({ answers: {} })).status).toBe(401);
  });
});
