/**
 * What the web page needs from the public API without a login (issue #20):
 * the deadlines calendar and the incubator ranking from answers, and one
 * policy's criteria as a tree.
 */
import { ApiWorld, openApiWorld } from './support/api-world';

const STUDENT_TEAM = {
  region: 'shanghai',
  registered_in_shanghai: true,
  district: 'minhang',
  company_registered: false,
  team_core_members: 4,
  in_incubator: true,
  industry: 'integrated_circuit',
  stage: 'idea',
};
const RD_TOO_LOW = {
  company_registered: true,
  company_age_months: 60,
  annual_revenue_wan: 8000,
  rd_expense_ratio: 3.5,
};

const answersQuery = (answers: object) => `answers=${encodeURIComponent(JSON.stringify(answers))}`;

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

describe('GET /api/v1/deadlines.ics?answers=', () => {
  it('is the calendar of the deadlines that fit these answers, as the logged-in one is for a profile', async () => {
    const res = await world.http().get(`/api/v1/deadlines.ics?${answersQuery(STUDENT_TEAM)}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const text = res.text;
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const expected = world.services.deadlines.forAnswers(STUDENT_TEAM);
    expect(text.match(/BEGIN:VEVENT/g)?.length ?? 0).toBe(expected.length);
  });

  it('answers 400 naming the fact for an unknown fact, and for no answers at all', async () => {
    const bad = await world.http().get(`/api/v1/deadlines.ics?${answersQuery({ not_a_fact: 1 })}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('not_a_fact');
    expect((await world.http().get('/api/v1/deadlines.ics')).status).toBe(400);
  });
});

describe('GET /api/v1/incubators?answers=', () => {
  it('ranks for the answers with reasons, as ?match=me does for a profile', async () => {
    const res = await world.http().get(`/api/v1/incubators?${answersQuery(STUDENT_TEAM)}`);
    expect(res.status).toBe(200);
    expect(res.body.matched).toBe(true);
    expect(res.body.incubators.length).toBeGreaterThan(0);
    const ranked = world.services.incubators.rank(STUDENT_TEAM);
    expect(res.body.incubators.map((i: { id: string }) => i.id)).toEqual(ranked.map((m) => m.incubator.id));
    expect(res.body.incubators[0].reasons.length).toBeGreaterThan(0);
  });

  it('refuses answers outside the fact vocabulary', async () => {
    const res = await world.http().get(`/api/v1/incubators?${answersQuery({ employees: -3 })}`);
    expect(res.status).toBe(400);
  });
});

describe('GET /api/v1/policies/{id}?answers= carries the criteria tree', () => {
  it('shows 高企’s revenue bands as one “one of” group, the founder’s value against each threshold', async () => {
    const res = await world.http().get(`/api/v1/policies/cn.high-tech-enterprise?${answersQuery(RD_TOO_LOW)}`);
    expect(res.status).toBe(200);
    const outline = res.body.result.outline;
    expect(outline).toMatchObject({ group: true, mode: 'all', status: 'not_met' });
    const bands = outline.parts.find((p: { label?: string }) => p.label === '研发费用占比达到所在营收档的要求');
    expect(bands).toMatchObject({ group: true, mode: 'any', status: 'not_met' });
    expect(JSON.stringify(bands)).toContain('研发费用占比 3.5% < 要求 4%');
  });

  it('has no result (and no tree) without answers', async () => {
    const res = await world.http().get('/api/v1/policies/cn.high-tech-enterprise');
    expect(res.body.result).toBeUndefined();
  });
});

describe('the same answers in a POST body, kept out of URLs (the web page uses these)', () => {
  it('POST /api/v1/policies/{id} answers exactly what the GET with ?answers= does', async () => {
    const viaGet = await world.http().get(`/api/v1/policies/cn.high-tech-enterprise?${answersQuery(RD_TOO_LOW)}`);
    const viaPost = await world.http().post('/api/v1/policies/cn.high-tech-enterprise').send({ answers: RD_TOO_LOW });
    expect(viaPost.status).toBe(200);
    expect(viaPost.body.result.status).toBe('not_eligible');
    expect(viaPost.body).toEqual(viaGet.body);
  });

  it('POST /api/v1/incubators ranks exactly as the GET with ?answers= does', async () => {
    const viaGet = await world.http().get(`/api/v1/incubators?${answersQuery(STUDENT_TEAM)}`);
    const viaPost = await world.http().post('/api/v1/incubators').send({ answers: STUDENT_TEAM });
    expect(viaPost.status).toBe(200);
    expect(viaPost.body.matched).toBe(true);
    expect(viaPost.body).toEqual(viaGet.body);
  });

  it('refuses a fact outside the vocabulary and an unknown policy with the usual errors', async () => {
    const badFact = await world
      .http()
      .post('/api/v1/incubators')
      .send({ answers: { no_such_fact: 1 } });
    expect(badFact.status).toBe(400);
    expect(JSON.stringify(badFact.body)).toContain('no_such_fact');
    const unknown = await world.http().post('/api/v1/policies/no-such-policy').send({ answers: RD_TOO_LOW });
    expect(unknown.status).toBe(404);
  });
});
