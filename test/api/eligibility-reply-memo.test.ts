/**
 * POST /api/v1/eligibility reuses its reply to a byte-identical body (api/reply-memo.ts),
 * but never across content releases or days, never for a body it rejected, and not when
 * the cache is turned off.
 */
import { copyContent, edit, removeCopies, SHIPPED_CONTENT } from '../catalogue/support/content-dirs';
import { ApiWorld, openApiWorld, TEST_NOW } from './support/api-world';

const DAY_MS = 24 * 60 * 60 * 1000;
const BODY = JSON.stringify({ answers: { district: 'pudong', employees: 12, company_registered: true } });

let world: ApiWorld;
let checks: jest.SpyInstance;

const post = (body: string) =>
  world.http().post('/api/v1/eligibility').set('Content-Type', 'application/json').send(body);

async function openWorld(env: Record<string, string> = {}): Promise<void> {
  world = await openApiWorld(env);
  checks = jest.spyOn(world.services.eligibility, 'check');
}

afterEach(async () => {
  await world.close();
  removeCopies();
});

describe('a reply to the same bytes', () => {
  beforeEach(() => openWorld());

  it('is sent again without checking again, byte for byte, from the third time on', async () => {
    const first = await post(BODY);
    const again = await post(BODY);
    // Kept from its second asking on (most bodies come once; see services/lru-cache.ts).
    expect(checks).toHaveBeenCalledTimes(2);
    const third = await post(BODY);
    expect(third.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(third.text).toBe(first.text);
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('is not reused for a body that differs, even only in spacing (the check cache answers that)', async () => {
    const first = await post(BODY);
    await post(BODY); // kept from here
    const spaced = await post(BODY.replace(':', ': '));
    expect(spaced.text).toBe(first.text);
    expect(checks).toHaveBeenCalledTimes(3);
  });

  it('is made again on the next day in Shanghai, as of that day', async () => {
    await post(BODY);
    await post(BODY); // kept from here
    world.clock.set(new Date(TEST_NOW.getTime() + DAY_MS));
    const tomorrow = await post(BODY);
    expect(tomorrow.body.as_of).toBe('2026-11-24');
    expect(checks).toHaveBeenCalledTimes(3);
  });

  it('is made again after a content release, from the new content', async () => {
    await post(BODY);
    await post(BODY); // kept from here
    const content = copyContent(SHIPPED_CONTENT);
    edit(
      content,
      'policies/cn.tech-sme.yaml',
      'title: 科技型中小企业评价入库',
      'title: 科技型中小企业评价入库（新版）',
    );
    await world.services.content.load(content, { actor: 'test' });
    const after = await post(BODY);
    const techSme = after.body.results.find((r: { policy: string }) => r.policy === 'cn.tech-sme');
    expect(techSme.title).toBe('科技型中小企业评价入库（新版）');
    expect(checks).toHaveBeenCalledTimes(3);
  });

  it('is never remembered when the body was rejected', async () => {
    const bad = JSON.stringify({ answers: { employees: 'many' } });
    for (let i = 0; i < 3; i += 1) {
      const res = await post(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
    // The fact vocabulary is the service's to check: it saw, and rejected, the body every time.
    expect(checks).toHaveBeenCalledTimes(3);
  });

  it('is not kept for a body longer than a full profile', async () => {
    const padded = JSON.stringify({ answers: { district: 'pudong' }, skipped: [] }).replace(
      '[]',
      `[${' '.repeat(5000)}]`,
    );
    for (let i = 0; i < 3; i += 1) await post(padded);
    expect(checks).toHaveBeenCalledTimes(3);
  });
});

it('is not kept when ELIGIBILITY_CACHE_ENTRIES is 0', async () => {
  await openWorld({ ELIGIBILITY_CACHE_ENTRIES: '0' });
  for (let i = 0; i < 2; i += 1) await post(BODY);
  const third = await post(BODY);
  expect(third.status).toBe(200);
  expect(checks).toHaveBeenCalledTimes(3);
});
