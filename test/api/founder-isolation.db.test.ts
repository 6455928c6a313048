/** Two founders: neither can read or change the other's data. */
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

describe('two founders', () => {
  it('see only their own profile, assessments, subscriptions and calendar', async () => {
    const alice = await world.founder('alice');
    const bob = await world.founder('bob');
    await world
      .http()
      .put('/api/v1/me/profile')
      .set(alice.auth)
      .send({ answers: { district: 'pudong', employees: 7 } });
    await world
      .http()
      .post('/api/v1/me/subscriptions')
      .set(alice.auth)
      .send({ scope: 'cn.tech-sme', template_ids: ['t'] });
    const assessment = (await world.http().post('/api/v1/me/assessments').set(alice.auth).send({})).body;

    expect((await world.http().get('/api/v1/me/profile').set(bob.auth)).body).toEqual({ answers: {} });
    expect((await world.http().get('/api/v1/me/subscriptions').set(bob.auth)).body).toEqual({ subscriptions: [] });
    expect((await world.http().get('/api/v1/me/assessments').set(bob.auth)).body).toEqual({ assessments: [] });
    expect((await world.http().get('/api/v1/me/applications').set(bob.auth)).body).toEqual({ applications: [] });

    // Alice's assessment id does not exist for Bob: 404, not 403, so ids do not leak.
    expect((await world.http().get(`/api/v1/me/assessments/${assessment.id}`).set(bob.auth)).status).toBe(404);
    const q = assessment.next_question;
    const hijack = await world
      .http()
      .post(`/api/v1/me/assessments/${assessment.id}/answers`)
      .set(bob.auth)
      .send({ skip: q.fact });
    expect(hijack.status).toBe(404);

    // Bob removing "all" his subscriptions leaves Alice's alone.
    expect((await world.http().delete('/api/v1/me/subscriptions').set(bob.auth)).body).toEqual({ removed: 0 });
    expect((await world.http().get('/api/v1/me/subscriptions').set(alice.auth)).body.subscriptions).toHaveLength(1);
    expect((await world.http().get('/api/v1/me/profile').set(alice.auth)).body.answers).toEqual({
      district: 'pudong',
      employees: 7,
    });
    expect((await world.http().get(`/api/v1/me/assessments/${assessment.id}`).set(alice.auth)).body.skipped).toEqual(
      [],
    );
  });
});
