/**
 * `?view=summary` (issue 21): replies a phone can afford, with the same
 * verdicts as the full reply, valid against the OpenAPI schemas.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { assessmentSummaryResponse } from '../../api/schemas/assessments';
import { eligibilityResponse, eligibilitySummaryResponse } from '../../api/schemas/eligibility';
import { PERSONAS_DIR } from '../../scripts/support/personas';
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

const hardtech = (
  YAML.parse(fs.readFileSync(path.join(PERSONAS_DIR, 'hardtech-growth.yaml'), 'utf8')) as {
    answers: Record<string, unknown>;
  }
).answers;

/** The budget: 3 KB for the 11 policies the catalogue had then. */
const SUMMARY_BYTES_FOR_11 = 3 * 1024;

describe('POST /api/v1/eligibility?view=summary', () => {
  it('has the full reply’s verdicts, in the summary schema', async () => {
    const full = await world.http().post('/api/v1/eligibility').send({ answers: hardtech });
    const summary = await world.http().post('/api/v1/eligibility?view=summary').send({ answers: hardtech });
    expect(summary.status).toBe(200);
    expect(eligibilitySummaryResponse.strict().safeParse(summary.body).error).toBeUndefined();
    expect(eligibilityResponse.safeParse(full.body).success).toBe(true);
    const statuses = (body: { results: { policy: string; status: string }[] }) =>
      body.results.map((r) => [r.policy, r.status]);
    expect(statuses(summary.body)).toEqual(statuses(full.body));
    expect(summary.body.next_question).toEqual(full.body.next_question);
  });

  it(`fits in ${SUMMARY_BYTES_FOR_11} bytes for 11 policies`, async () => {
    // The 10 Shanghai policies the catalogue had when the budget was set, and Pudong's 高企 reward
    // (the 11th then was Zhejiang's, which a Pudong founder is not shown).
    const policies = [
      'pudong.high-tech-reward',
      'cn.high-tech-enterprise',
      'cn.little-giant',
      'cn.specialized-sme',
      'cn.tech-sme',
      'sh.angel-fund',
      'sh.hukou-entrepreneur',
      'sh.hukou-graduate',
      'sh.hukou-returnee',
      'sh.innovation-voucher',
      'sh.tech-sme-innovation-fund',
    ];
    const res = await world.http().post('/api/v1/eligibility?view=summary').send({ answers: hardtech, policies });
    expect(res.body.results).toHaveLength(11);
    expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(SUMMARY_BYTES_FOR_11);
  });

  it('names failed conditions and near misses', async () => {
    const res = await world
      .http()
      .post('/api/v1/eligibility?view=summary')
      .send({ answers: { ...hardtech, rd_expense_ratio: 4 }, policies: ['cn.high-tech-enterprise'] });
    const [result] = res.body.results;
    expect(result.status).toBe('not_eligible');
    expect(result.failed).toContain('研发费用占比');
    expect(result.near_miss[0]).toMatch(/提高到 5%/);
  });

  it('keeps the full and the summary reply of the same body apart', async () => {
    const body = { answers: { region: 'shanghai' } };
    const summary = await world.http().post('/api/v1/eligibility?view=summary').send(body);
    const full = await world.http().post('/api/v1/eligibility').send(body);
    const again = await world.http().post('/api/v1/eligibility?view=summary').send(body);
    expect(summary.body.view).toBe('summary');
    expect(full.body.view).toBeUndefined();
    expect(again.text).toBe(summary.text);
  });

  it('answers 400 to an unknown view', async () => {
    const res = await world.http().post('/api/v1/eligibility?view=tiny').send({ answers: {} });
    expect(res.status).toBe(400);
  });
});

describe('assessments ?view=summary', () => {
  it('starts and steps with summaries, valid against the schema', async () => {
    const { auth } = await world.founder('summary-view');
    const started = await world.http().post('/api/v1/me/assessments?view=summary').set(auth).send({});
    expect(started.status).toBe(201);
    expect(assessmentSummaryResponse.strict().safeParse(started.body).error).toBeUndefined();
    const stepped = await world
      .http()
      .post(`/api/v1/me/assessments/${started.body.id}/answers?view=summary`)
      .set(auth)
      .send({ fact: started.body.next_question.fact, value: true });
    expect(stepped.status).toBe(200);
    expect(assessmentSummaryResponse.strict().safeParse(stepped.body).error).toBeUndefined();
    const full = await world.http().get(`/api/v1/me/assessments/${started.body.id}`).set(auth);
    expect(full.body.results.map((r: { status: string }) => r.status)).toEqual(
      stepped.body.results.map((r: { status: string }) => r.status),
    );
  });
});

describe('GET /api/v1/policies/{id}?answers=', () => {
  const detail = (id: string, answers: unknown) =>
    world.http().get(`/api/v1/policies/${id}?answers=${encodeURIComponent(JSON.stringify(answers))}`);

  it('opens one policy of the summary to its full explanation for the founder’s answers', async () => {
    const answers = { ...hardtech, rd_expense_ratio: 4 };
    const res = await detail('cn.high-tech-enterprise', answers);
    expect(res.status).toBe(200);
    const check = await world
      .http()
      .post('/api/v1/eligibility')
      .send({ answers, policies: ['cn.high-tech-enterprise'] });
    // The full check's object, plus the criteria as a tree.
    const { outline, ...result } = res.body.result;
    expect(result).toEqual(check.body.results[0]);
    expect(res.body.result.criteria.length).toBeGreaterThan(0);
    expect(outline).toMatchObject({ group: true, mode: 'all' });
  });

  it('has no result without answers, and answers 400 to answers that are not JSON or not facts', async () => {
    expect((await world.http().get('/api/v1/policies/cn.high-tech-enterprise')).body.result).toBeUndefined();
    expect((await world.http().get('/api/v1/policies/cn.high-tech-enterprise?answers=%7Bnope')).status).toBe(400);
    expect((await detail('cn.high-tech-enterprise', { not_a_fact: 1 })).status).toBe(400);
    expect((await detail('cn.high-tech-enterprise', [1, 2])).status).toBe(400);
  });
});
