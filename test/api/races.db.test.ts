/**
 * A founder's own requests racing each other, on SQLite and (npm run test:db
 * with DATABASE_URL) on MariaDB: an erase in the middle of writes leaves
 * nothing of the founder and no 5xx; concurrent answers and subscribes each
 * keep what they wrote.
 */
import type { Response } from 'supertest';
import { ApplicationWindow } from '../../entities';
import { MAX_TEMPLATE_IDS } from '../../services/subscription-service';
import { capturedLogger } from '../support/captured-logger';
import { ApiWorld, openApiWorld } from './support/api-world';

// A 5xx names its cause in the failure: the route and error the server logged.
const log = capturedLogger('error');
let world: ApiWorld;
let windows: ApplicationWindow[];
beforeAll(async () => {
  world = await openApiWorld({}, { logger: log.logger });
  windows = await world.db.dataSource.manager.find(ApplicationWindow, { order: { id: 'ASC' }, take: 8 });
});
afterAll(() => world.close());

type Auth = { Authorization: string };

/** Facts any founder can answer with a valid value, for concurrent answers. */
const ANSWERS: [string, unknown][] = [
  ['employees', 12],
  ['annual_revenue_wan', 800],
  ['total_assets_wan', 500],
  ['tech_staff_ratio', 40],
  ['rd_expense_ratio', 6],
  ['rd_cost_ratio', 8],
  ['class1_ip_count', 1],
  ['class2_ip_count', 3],
  ['company_age_months', 20],
  ['funding_raised_wan', 300],
  ['debt_ratio', 30],
  ['credit_blacklisted', false],
];

/** Every table with a founderId column: a table added later is checked too. */
async function rowsOfFounder(founderId: string): Promise<Record<string, number>> {
  const { dataSource } = world.db;
  const counts: Record<string, number> = {};
  for (const entity of dataSource.entityMetadatas) {
    const column = entity.columns.find((c) => c.propertyName === 'founderId');
    const key = column ? 'founderId' : entity.tableName === 'founder' ? 'id' : null;
    if (!key) continue;
    counts[entity.tableName] = await dataSource.manager.countBy(entity.target, { [key]: founderId });
  }
  return counts;
}

const startAssessment = async (auth: Auth): Promise<string> =>
  (await world.http().post('/api/v1/me/assessments').set(auth).send({}).expect(201)).body.id as string;

describe('DELETE /api/v1/me while the founder’s own writes are in flight', () => {
  const TRIALS = 30;

  it(`leaves no row of the founder in any table and answers no 5xx (${TRIALS} trials)`, async () => {
    expect(windows.length).toBeGreaterThanOrEqual(3);
    const left: Record<string, Record<string, number>> = {};
    const serverErrors: string[] = [];
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const { id, auth } = await world.founder(`erase-race-${trial}`);
      const assessment = await startAssessment(auth);
      const writes: (() => Promise<Response>)[] = [
        ...windows.map(
          (window) => () =>
            world
              .http()
              .put('/api/v1/me/applications')
              .set(auth)
              .send({ policy: window.policyId, window_key: window.windowKey, applied: true }),
        ),
        ...[0, 1, 2].map(
          (n) => () =>
            world
              .http()
              .post('/api/v1/me/subscriptions')
              .set(auth)
              .send({ scope: '*', template_ids: [`tpl-${n}`] }),
        ),
        () =>
          world
            .http()
            .put('/api/v1/me/profile')
            .set(auth)
            .send({ answers: Object.fromEntries(ANSWERS.slice(3, 6)) }),
        () => world.http().post('/api/v1/me/assessments').set(auth).send({}),
        ...ANSWERS.slice(0, 3).map(
          ([fact, value]) =>
            () =>
              world.http().post(`/api/v1/me/assessments/${assessment}/answers`).set(auth).send({ fact, value }),
        ),
      ];
      // The erase goes in at a different place among the writes in each trial.
      const eraseAt = trial % (writes.length + 1);
      const erase = () => world.http().delete('/api/v1/me').set(auth);
      const requests = [...writes.slice(0, eraseAt), erase, ...writes.slice(eraseAt)];
      const responses = await Promise.all(requests.map((send) => send()));
      expect(responses[eraseAt]!.status).toBe(204);
      for (const res of responses) {
        if (res.status >= 500) serverErrors.push(`${res.status} ${JSON.stringify(res.body)}`);
        // A write that came after the erase is told the founder (401) or the assessment (404) is gone.
        else expect([200, 201, 204, 401, 404]).toContain(res.status);
      }
      const rows = await rowsOfFounder(id);
      const remaining = Object.fromEntries(Object.entries(rows).filter(([, count]) => count > 0));
      if (Object.keys(remaining).length > 0) left[`trial ${trial}`] = remaining;
    }
    expect({ serverErrors, logged: log.lines().map(({ route, err }) => ({ route, err })) }).toEqual({
      serverErrors: [],
      logged: [],
    });
    expect(left).toEqual({});
  });
});

describe('concurrent steps of one assessment', () => {
  it('keeps every answer in asked and in the progress count', async () => {
    const { auth } = await world.founder('concurrent-answers');
    const assessment = await startAssessment(auth);
    const responses = await Promise.all(
      ANSWERS.map(([fact, value]) =>
        world.http().post(`/api/v1/me/assessments/${assessment}/answers`).set(auth).send({ fact, value }),
      ),
    );
    expect(responses.map((res) => res.status)).toEqual(ANSWERS.map(() => 200));
    const resumed = await world.http().get(`/api/v1/me/assessments/${assessment}`).set(auth).expect(200);
    expect([...resumed.body.asked].sort()).toEqual(ANSWERS.map(([fact]) => fact).sort());
    expect(resumed.body.progress.answered).toBe(ANSWERS.length);
    const profile = await world.http().get('/api/v1/me/profile').set(auth).expect(200);
    expect(profile.body.answers).toMatchObject(Object.fromEntries(ANSWERS));
  });
});

describe('concurrent subscribes', () => {
  const subscribe = (auth: Auth, templateIds: string[]) =>
    world.http().post('/api/v1/me/subscriptions').set(auth).send({ scope: '*', template_ids: templateIds });

  it('keeps the templates of every request', async () => {
    const { auth } = await world.founder('concurrent-subscribes');
    const ids = Array.from({ length: 15 }, (_, n) => `template-${String(n).padStart(2, '0')}`);
    const responses = await Promise.all(ids.map((templateId) => subscribe(auth, [templateId])));
    expect(responses.every((res) => res.status === 200 || res.status === 201)).toBe(true);
    expect(responses.filter((res) => res.status === 201)).toHaveLength(1);
    const list = await world.http().get('/api/v1/me/subscriptions').set(auth).expect(200);
    expect(list.body.subscriptions).toHaveLength(1);
    expect([...list.body.subscriptions[0].template_ids].sort()).toEqual(ids);
  });

  it(`keeps repeats once and refuses (400) a request past ${MAX_TEMPLATE_IDS} distinct templates`, async () => {
    const { auth } = await world.founder('many-templates');
    const long = (n: number) => `${'t'.repeat(120)}-${String(n).padStart(3, '0')}`;
    const first = Array.from({ length: MAX_TEMPLATE_IDS }, (_, n) => long(n));
    expect((await subscribe(auth, first)).status).toBe(201);
    // The same ids again add nothing and are accepted.
    expect((await subscribe(auth, first.slice(0, 3))).status).toBe(200);
    const past = await subscribe(auth, [long(MAX_TEMPLATE_IDS)]);
    expect(past.status).toBe(400);
    expect(past.body.error).toMatchObject({ code: 'validation_error', message: expect.stringContaining('消息模板') });
    const list = await world.http().get('/api/v1/me/subscriptions').set(auth).expect(200);
    expect(list.body.subscriptions[0].template_ids).toEqual(first);
  });
});
