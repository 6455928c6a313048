/** POST /api/v1/eligibility: the contract of docs/api-contract.md, on the shipped content. */
import { eligibilityResponse } from '../../api/schemas/eligibility';
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

const check = (body: unknown) =>
  world
    .http()
    .post('/api/v1/eligibility')
    .send(body as object);

describe('POST /api/v1/eligibility', () => {
  it('answers every policy with criteria, missing facts, benefit, deadline, sources and the next question', async () => {
    const res = await check({ answers: { district: 'pudong', company_registered: true }, as_of: '2026-11-23' });
    expect(res.status).toBe(200);
    expect(eligibilityResponse.safeParse(res.body).success).toBe(true);
    expect(res.body.as_of).toBe('2026-11-23');
    expect(res.body.results.length).toBeGreaterThanOrEqual(10);
    const hte = res.body.results.find((r: { policy: string }) => r.policy === 'cn.high-tech-enterprise');
    expect(hte).toMatchObject({ title: expect.any(String), status: 'maybe', benefit: expect.any(String) });
    expect(hte.missing.length).toBeGreaterThan(0);
    expect(hte.sources.length).toBeGreaterThan(0);
    expect(hte.verified_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const criterion of hte.criteria) {
      expect(['met', 'not_met', 'unknown']).toContain(criterion.status);
      expect(criterion.explanation).toEqual(expect.any(String));
    }
    expect(res.body.next_question).toMatchObject({
      fact: expect.any(String),
      text: expect.any(String),
      type: expect.any(String),
    });
    expect(['district', 'company_registered']).not.toContain(res.body.next_question.fact);
  });

  it('answers a repeated check with the same JSON, declared as JSON with its byte length', async () => {
    const body = { answers: { district: 'xuhui', employees: 12 }, as_of: '2026-11-23' };
    const first = await check(body).set('Accept-Encoding', 'identity');
    const again = await world
      .http()
      .post('/api/v1/eligibility')
      .set('Accept-Encoding', 'identity')
      .send({ as_of: '2026-11-23', answers: { employees: 12, district: 'xuhui' } });
    expect(again.status).toBe(200);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(Number(again.headers['content-length'])).toBe(Buffer.byteLength(again.text));
    expect(again.text).toBe(first.text);
    expect(again.body.results.find((r: { policy: string }) => r.policy === 'sh.innovation-voucher')).toBeDefined();
  });

  it('sends a check as it is until it is kept (its second asking), and gzip-compressed once served again', async () => {
    const body = { answers: { district: 'jingan', employees: 7 }, as_of: '2026-11-23' };
    const first = await check(body).set('Accept-Encoding', 'gzip');
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    const second = await check(body).set('Accept-Encoding', 'gzip');
    expect(second.headers['content-encoding']).toBeUndefined();
    const third = await check(body).set('Accept-Encoding', 'gzip');
    expect(third.headers['content-encoding']).toBe('gzip');
    expect(third.text).toBe(first.text);
    expect(second.text).toBe(first.text);
  });

  it('sends the reply gzip-compressed to clients that accept gzip, the same JSON once inflated', async () => {
    const body = { answers: { district: 'minhang', employees: 30 }, as_of: '2026-11-23' };
    const plain = await check(body).set('Accept-Encoding', 'identity');
    await check(body).set('Accept-Encoding', 'identity'); // kept from here, for the next to share
    for (let i = 0; i < 2; i += 1) {
      // The first compresses, the second reuses the compressed copy.
      const raw = await check(body)
        .set('Accept-Encoding', 'gzip;q=1, identity;q=0.5')
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(raw.status).toBe(200);
      expect(raw.headers['content-encoding']).toBe('gzip');
      expect(raw.headers.vary).toMatch(/accept-encoding/i);
      expect(raw.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(raw.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text) / 2);
    }
    const inflated = await check(body).set('Accept-Encoding', 'gzip');
    expect(inflated.text).toBe(plain.text);
    const refused = await check(body).set('Accept-Encoding', 'gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.text).toBe(plain.text);
  });

  it('defaults as_of to today in Shanghai', async () => {
    const res = await check({ answers: {} });
    expect(res.status).toBe(200);
    expect(res.body.as_of).toBe('2026-11-23');
  });

  it('limits the check and the next question to the given policies', async () => {
    const res = await check({ answers: {}, policies: ['sh.innovation-voucher'] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { policy: string }) => r.policy)).toEqual(['sh.innovation-voucher']);
    const missing = res.body.results[0].missing as string[];
    if (res.body.next_question) expect(missing).toContain(res.body.next_question.fact);
  });

  it('returns a policy with no version in force on as_of as not_in_force, saying why, and asks nothing for it', async () => {
    // 创新券's version starts on 2026-02-28 (content/policies/sh.innovation-voucher.yaml).
    const res = await check({ answers: { district: 'pudong', company_registered: true }, as_of: '2025-12-01' });
    expect(res.status).toBe(200);
    expect(eligibilityResponse.safeParse(res.body).success).toBe(true);
    const voucher = res.body.results.find((r: { policy: string }) => r.policy === 'sh.innovation-voucher');
    expect(voucher).toMatchObject({
      status: 'not_in_force',
      criteria: [],
      missing: [],
      near_miss: [],
      to_check: [],
      deadline: null,
      window: null,
    });
    expect(voucher.caveats[0]).toContain('2025-12-01');
    expect(voucher.caveats[0]).toContain('2026-02-28');
    expect(voucher.sources.length).toBeGreaterThan(0);
    // Listed after every policy in force.
    const statuses = res.body.results.map((r: { status: string }) => r.status) as string[];
    expect(statuses.slice(statuses.indexOf('not_in_force')).every((s) => s === 'not_in_force')).toBe(true);
    const only = await check({ answers: {}, as_of: '2025-12-01', policies: ['sh.innovation-voucher'] });
    expect(only.body.results.map((r: { status: string }) => r.status)).toEqual(['not_in_force']);
    expect(only.body.next_question).toBeNull();
    expect(only.body.benefits.eligible.counted).toEqual([]);
    expect(only.body.benefits.maybe.counted).toEqual([]);
  });

  it('never asks a skipped fact next', async () => {
    const first = await check({ answers: {} });
    const asked = first.body.next_question.fact as string;
    const second = await check({ answers: {}, skipped: [asked] });
    expect(second.status).toBe(200);
    expect(second.body.next_question?.fact).not.toBe(asked);
  });

  it.each([
    ['an unknown fact', { answers: { favourite_colour: 'blue' } }],
    ['a wrong type', { answers: { employees: 'many' } }],
    ['a value out of range', { answers: { tech_staff_ratio: 140 } }],
    ['a negative count', { answers: { employees: -3 } }],
    ['an unknown enum option', { answers: { district: 'manhattan' } }],
    ['an unknown policy', { answers: {}, policies: ['cn.no-such-policy'] }],
    ['an unknown skipped fact', { answers: {}, skipped: ['no_such_fact'] }],
    ['an unknown top-level field', { answers: {}, profile: {} }],
    ['a date that does not exist', { answers: {}, as_of: '2026-02-30' }],
    ['answers that are not an object', { answers: [1, 2] }],
    ['no answers at all', {}],
  ])('answers 400 validation_error for %s', async (_name, body) => {
    const res = await check(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_error', message: expect.any(String) });
    expect(res.body.error.details.length).toBeGreaterThan(0);
  });

  it('names every bad fact in the details', async () => {
    const res = await check({ answers: { employees: 'many', tech_staff_ratio: 140 } });
    expect(res.status).toBe(400);
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path).join(' ');
    expect(paths).toContain('employees');
    expect(paths).toContain('tech_staff_ratio');
  });
});
