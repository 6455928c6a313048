/** GET /api/v1/policies (facets, free text) and GET /api/v1/policies/:id. */
import { policyDetailResponse, policyListResponse } from '../../api/schemas/policies';
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

const list = async (query: string) => {
  const res = await world.http().get(`/api/v1/policies${query}`);
  expect(res.status).toBe(200);
  return res.body as {
    count: number;
    policies: { id: string; region: string; open_now: boolean; closing_soon: boolean }[];
  };
};
const ids = (body: { policies: { id: string }[] }) => body.policies.map((p) => p.id);

describe('GET /api/v1/policies', () => {
  it('lists the policies in force with benefit, windows, verified_at and confidence', async () => {
    const res = await world.http().get('/api/v1/policies');
    expect(policyListResponse.safeParse(res.body).success).toBe(true);
    expect(res.body.count).toBe(res.body.policies.length);
    expect(ids(res.body)).toEqual(
      expect.arrayContaining(['cn.tech-sme', 'cn.high-tech-enterprise', 'sh.innovation-voucher']),
    );
  });

  it('filters by region: national policies apply everywhere, the county pack only to zj-county', async () => {
    const shanghai = await list('?region=shanghai');
    expect(ids(shanghai)).not.toContain('zj-county.talent-startup-loan');
    expect(ids(shanghai)).toContain('cn.high-tech-enterprise');
    const county = await list('?region=zj-county');
    expect(ids(county)).toContain('zj-county.talent-startup-loan');
    expect(county.policies.every((p) => p.region === 'national' || p.region === 'zj-county')).toBe(true);
  });

  it('filters by district: no county policies for a Shanghai district', async () => {
    expect(ids(await list('?district=pudong'))).not.toContain('zj-county.talent-startup-loan');
  });

  it('finds policies by free text over title, aliases and keywords, best match first', async () => {
    expect(ids(await list(`?q=${encodeURIComponent('创新券')}`))[0]).toBe('sh.innovation-voucher');
    expect(ids(await list(`?q=${encodeURIComponent('高新技术企业')}`))).toContain('cn.high-tech-enterprise');
    expect((await list(`?q=${encodeURIComponent('完全无关的词语xyz')}`)).count).toBe(0);
  });

  it('filters by open and closing_soon on the as-of date', async () => {
    const all = await list('?as_of=2026-07-15');
    const open = await list('?open=true&as_of=2026-07-15');
    expect(open.policies.every((p) => p.open_now)).toBe(true);
    expect(open.count).toBeLessThanOrEqual(all.count);
    const soon = await list('?closing_soon=1&as_of=2026-07-15');
    expect(soon.policies.every((p) => p.open_now && p.closing_soon)).toBe(true);
  });

  it('keeps industry and stage filters to policies those facts do not rule out', async () => {
    const ai = await list('?industry=ai&stage=seed');
    expect(ai.count).toBeGreaterThan(0);
  });

  it('answers 400 for an unknown facet value', async () => {
    for (const query of ['?district=manhattan', '?industry=astrology', '?open=maybe', '?as_of=yesterday', '?q=a&q=b']) {
      const res = await world.http().get(`/api/v1/policies${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
  });
});

describe('GET /api/v1/policies/:id', () => {
  it('shows criteria, windows, how to apply, sources, verified_at and confidence', async () => {
    const res = await world.http().get('/api/v1/policies/cn.high-tech-enterprise');
    expect(res.status).toBe(200);
    expect(policyDetailResponse.safeParse(res.body).success).toBe(true);
    expect(res.body).toMatchObject({
      id: 'cn.high-tech-enterprise',
      in_force: true,
      confidence: expect.stringMatching(/^[ABC]$/),
    });
    expect(res.body.criteria).toEqual(expect.any(Object));
    expect(res.body.how_to_apply.steps.length).toBeGreaterThan(0);
    expect(res.body.sources.length).toBeGreaterThan(0);
  });

  it('says 无需申请 for a benefit given without an application (免申即享), and null elsewhere', async () => {
    const automatic = await world.http().get('/api/v1/policies/cn.small-low-profit');
    expect(policyDetailResponse.safeParse(automatic.body).success).toBe(true);
    expect(automatic.body.how_to_apply).toMatchObject({
      automatic: true,
      summary: expect.stringMatching(/^无需申请（免申即享）：.+/),
    });
    const applied = await world.http().get('/api/v1/policies/cn.high-tech-enterprise');
    expect(applied.body.how_to_apply).toMatchObject({ automatic: false, summary: null });
  });

  it('answers 404 for an unknown policy', async () => {
    const res = await world.http().get('/api/v1/policies/cn.nothing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect((await world.http().get(`/api/v1/policies/${encodeURIComponent('创新券')}`)).status).toBe(404);
  });
});
