import { estimateBenefits, evaluate, ladder, rankIncubators } from '../../rules';
import type { Incubator } from '../../rules/catalogue';
import type { Evaluation, PolicyResult } from '../../rules/results';
import { catalogue, policy } from './support/fixtures';

function result(id: string, status: PolicyResult['status'], extra: Partial<PolicyResult> = {}): PolicyResult {
  const p = policy(id, { fact: 'company_registered', op: '=', value: true });
  return {
    policy: id,
    title: p.title,
    status,
    criteria: [],
    outline: { group: true, mode: 'all', label: null, status: 'unknown', parts: [] },
    failed: [],
    missing: [],
    nearMiss: [],
    caveats: [],
    toCheck: [],
    benefit: p.benefit,
    scores: [],
    nextWindow: null,
    sources: [],
    verifiedAt: '2026-11-23',
    ...extra,
  };
}

describe('ladder', () => {
  const evaluation: Evaluation = {
    asOf: '2026-11-23',
    results: [
      result('cn.tech-sme', 'eligible'),
      result('cn.high-tech-enterprise', 'not_eligible', {
        criteria: [
          { fact: 'company_registered', status: 'met', explanation: '已注册' },
          { fact: 'rd_expense_ratio', status: 'not_met', explanation: '研发费用占比 3.5% < 要求 4%' },
        ],
        nearMiss: [{ fact: 'rd_expense_ratio', needed: 4, current: 3.5, explanation: '研发费用占比提高到 4% 即可' }],
      }),
      result('cn.specialized-sme', 'maybe', { missing: ['niche_market_months'] }),
    ],
    // The rungs content/ladder.yaml declares, as evaluate() hands them on.
    ladder: [
      { policy: 'cn.tech-sme', title: '科技型中小企业', heldBy: 'is_tech_sme' },
      { policy: 'cn.high-tech-enterprise', title: '高新技术企业', heldBy: 'is_high_tech_enterprise' },
      { policy: 'cn.specialized-sme', title: '专精特新中小企业', heldBy: 'is_specialized_sme' },
      { policy: 'cn.little-giant', title: '专精特新“小巨人”企业', heldBy: undefined },
    ],
  };

  it('stands on the highest rung held and points at the next one with what fails', () => {
    const view = ladder(evaluation, { is_tech_sme: true });
    expect(view.current).toBe('cn.tech-sme');
    expect(view.rungs.map((r) => r.state)).toEqual(['held', 'not_eligible', 'maybe', 'unavailable']);
    expect(view.next).toMatchObject({
      policy: 'cn.high-tech-enterprise',
      failing: [{ fact: 'rd_expense_ratio' }],
      nearMiss: [{ needed: 4 }],
    });
  });

  it('starts at the bottom when nothing is held, and names rungs not evaluated', () => {
    const view = ladder(evaluation, {});
    expect(view.current).toBeNull();
    expect(view.next).toMatchObject({ policy: 'cn.tech-sme', state: 'eligible' });
    expect(view.rungs[3]).toEqual({ policy: 'cn.little-giant', title: '专精特新“小巨人”企业', state: 'unavailable' });
  });

  it('skips to the rung above the highest one held', () => {
    const view = ladder(evaluation, { is_specialized_sme: true });
    expect(view.current).toBe('cn.specialized-sme');
    expect(view.next!.policy).toBe('cn.little-giant');
  });
});

describe('estimateBenefits', () => {
  it('sums known caps for eligible and maybe separately, names unknown amounts, leaves out what is not needed', () => {
    const estimate = estimateBenefits({
      asOf: '2026-11-23',
      results: [
        result('a', 'eligible', { benefit: { kind: 'voucher', cap_yuan: 500_000, description: '', confidence: 'B' } }),
        result('b', 'eligible', {
          title: '高企',
          benefit: { kind: 'tax', cap_yuan: 'unknown', description: '', confidence: 'A' },
        }),
        result('c', 'maybe', { benefit: { kind: 'voucher', cap_yuan: 100_000, description: '', confidence: 'B' } }),
        result('d', 'eligible', { notNeeded: '已有上海户籍，无需办理' }),
        result('e', 'not_eligible'),
      ],
    });
    expect(estimate).toEqual({
      eligible: { totalYuan: 500_000, counted: ['a'], unknownAmounts: [{ policy: 'b', title: '高企' }] },
      maybe: { totalYuan: 100_000, counted: ['c'], unknownAmounts: [] },
    });
  });

  it('works on a real evaluation', () => {
    const cat = catalogue([policy('x', { fact: 'company_registered', op: '=', value: true })]);
    expect(estimateBenefits(evaluate(cat, { company_registered: true }, '2026-11-23')).eligible.totalYuan).toBe(
      100_000,
    );
  });
});

describe('rankIncubators', () => {
  const incubator = (id: string, extra: Partial<Incubator>): Incubator => ({
    id,
    name: id,
    region: 'shanghai',
    level: '众创空间',
    industries: [],
    stages: [],
    services: [],
    address: '',
    sources: [],
    verified_at: '2026-11-23',
    confidence: 'B',
    ...extra,
  });
  const incubators = [
    incubator('zhangjiang-ai', {
      district: 'pudong',
      industries: ['ai'],
      stages: ['seed', 'growth'],
      level: '浦东高峰',
    }),
    incubator('minhang-park', {
      district: 'minhang',
      industries: ['integrated_circuit'],
      stages: ['idea'],
      level: '大学科技园',
    }),
    incubator('national-bio', { district: 'xuhui', industries: ['biomedicine'], stages: ['seed'], level: '国家级' }),
    incubator('county-base', { region: 'zj-county', industries: ['ai'], level: '孵化基地' }),
  ];

  it('ranks by district, industry and stage, with reasons', () => {
    const [best, ...rest] = rankIncubators({ district: 'pudong', industry: 'ai', stage: 'seed' }, incubators);
    expect(best!.incubator.id).toBe('zhangjiang-ai');
    expect(best!.reasons).toEqual(['同在浦东新区', '专注人工智能', '适合种子阶段', '浦东高峰载体']);
    expect(rest.map((m) => m.incubator.id)).not.toContain('county-base');
  });

  it('treats explicit filters as hard and keeps the region of the founder', () => {
    expect(rankIncubators({ region: 'zj-county' }, incubators).map((m) => m.incubator.id)).toEqual(['county-base']);
    expect(rankIncubators({}, incubators, { district: 'minhang' }).map((m) => m.incubator.id)).toEqual([
      'minhang-park',
    ]);
    expect(rankIncubators({}, incubators, { limit: 2 })).toHaveLength(2);
  });
});
