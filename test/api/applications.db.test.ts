/** PUT /api/v1/me/applications: the mini-program's answer to "已截止，您申请了吗？". */
import { ApplicationRecord, ApplicationWindow } from '../../entities';
import { ApiWorld, openApiWorld, TEST_NOW } from './support/api-world';

let world: ApiWorld;
/** A dated window of the shipped content. */
let window: ApplicationWindow;
beforeAll(async () => {
  world = await openApiWorld();
  window = await world.db.dataSource.manager.findOneOrFail(ApplicationWindow, {
    where: { rolling: false },
    order: { id: 'ASC' },
  });
});
afterAll(() => world.close());

const ASKED_AT = '2026-11-16T02:00:00.000Z';

/** The record the reminder follow-up creates. */
async function asked(founderId: string): Promise<void> {
  await world.db.dataSource.manager.insert(ApplicationRecord, {
    founderId,
    policyId: window.policyId,
    windowKey: window.windowKey,
    status: 'asked',
    askedAt: new Date(ASKED_AT),
    answeredAt: null,
  });
}

const answer = (applied: unknown) => ({ policy: window.policyId, window_key: window.windowKey, applied });

describe('PUT /api/v1/me/applications', () => {
  it('answers the follow-up (200 with the entry), and answering again replaces the answer', async () => {
    const { id, auth } = await world.founder('apps-happy');
    await asked(id);
    const res = await world.http().put('/api/v1/me/applications').set(auth).send(answer(true));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      policy: window.policyId,
      title: world.services.catalogue.policy(window.policyId)!.title,
      window_key: window.windowKey,
      closes_on: window.closesOn,
      status: 'applied',
      asked_at: ASKED_AT,
      answered_at: TEST_NOW.toISOString(),
    });
    expect((await world.http().get('/api/v1/me/applications').set(auth)).body).toEqual({ applications: [res.body] });

    const again = await world.http().put('/api/v1/me/applications').set(auth).send(answer(false));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'not_applied', asked_at: ASKED_AT });
  });

  it('records an answer nobody asked for yet', async () => {
    const { auth } = await world.founder('apps-unasked');
    const res = await world.http().put('/api/v1/me/applications').set(auth).send(answer(false));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ policy: window.policyId, status: 'not_applied' });
  });

  it('answers 404 for an unknown policy or window', async () => {
    const { auth } = await world.founder('apps-404');
    for (const body of [
      { policy: 'cn.nope', window_key: window.windowKey, applied: true },
      { policy: window.policyId, window_key: 'no-such-window:2026', applied: true },
    ]) {
      const res = await world.http().put('/api/v1/me/applications').set(auth).send(body);
      expect({ body, status: res.status, code: res.body.error?.code }).toEqual({
        body,
        status: 404,
        code: 'not_found',
      });
    }
    expect((await world.http().get('/api/v1/me/applications').set(auth)).body).toEqual({ applications: [] });
  });

  it('answers 400 for a bad body, and 401 without a session', async () => {
    const { auth } = await world.founder('apps-400');
    for (const body of [
      { policy: window.policyId, window_key: window.windowKey },
      answer('true'),
      answer(1),
      { ...answer(true), founder_id: 'someone-else' },
      { policy: window.policyId, window_key: '', applied: true },
      { policy: 'cn policy', window_key: window.windowKey, applied: true },
      [],
    ]) {
      const res = await world.http().put('/api/v1/me/applications').set(auth).send(body);
      expect({ body, status: res.status, code: res.body.error?.code }).toEqual({
        body,
        status: 400,
        code: 'validation_error',
      });
    }
    expect((await world.http().put('/api/v1/me/applications').set(auth)).status).toBe(400);
    expect((await world.http().put('/api/v1/me/applications').send(answer(true))).status).toBe(401);
  });

  it("never touches another founder's record: the same window answered by Bob is Bob's own", async () => {
    const alice = await world.founder('apps-alice');
    const bob = await world.founder('apps-bob');
    await asked(alice.id);
    const res = await world.http().put('/api/v1/me/applications').set(bob.auth).send(answer(true));
    expect(res.status).toBe(200);

    const mine = (await world.http().get('/api/v1/me/applications').set(alice.auth)).body.applications;
    expect(mine).toEqual([expect.objectContaining({ status: 'asked', answered_at: null })]);
    const records = await world.db.dataSource.manager.find(ApplicationRecord, {
      where: [{ founderId: alice.id }, { founderId: bob.id }],
    });
    expect(records.map((r) => [r.founderId, r.status]).sort()).toEqual(
      [
        [alice.id, 'asked'],
        [bob.id, 'applied'],
      ].sort(),
    );
  });

  it('is in the OpenAPI document, with the strict body from zod and its 404', async () => {
    const doc = (await world.http().get('/api/openapi.json')).body;
    const put = doc.paths['/api/v1/me/applications'].put;
    const body = put.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.required.sort()).toEqual(['applied', 'policy', 'window_key']);
    expect(put.security).toEqual([{ session: [] }]);
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404']));
  });
});
