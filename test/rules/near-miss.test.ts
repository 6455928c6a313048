import { evaluate } from '../../rules';
import { catalogue, FACTS, highTech, numFact, policy, techSme } from './support/fixtures';

const company = {
  company_registered: true,
  employees: 120,
  tech_staff_ratio: 15,
  credit_blacklisted: false,
  is_high_tech_enterprise: false,
};

describe('near misses', () => {
  it('raises R&D within the revenue band the founder is in, not moves revenue to another band', () => {
    const result = evaluate(
      catalogue([highTech()]),
      { ...company, annual_revenue_wan: 8000, rd_expense_ratio: 3.5 },
      '2026-11-23',
    ).results[0]!;
    expect(result.status).toBe('not_eligible');
    expect(result.nearMiss).toEqual([
      { fact: 'rd_expense_ratio', needed: 4, current: 3.5, explanation: '研发费用占比提高到 4% 即可' },
    ]);
  });

  it('uses the 5% band at exactly 5000万 (the band edge belongs to the lower band)', () => {
    const result = evaluate(
      catalogue([highTech()]),
      { ...company, annual_revenue_wan: 5000, rd_expense_ratio: 4.5 },
      '2026-11-23',
    ).results[0]!;
    expect(result.nearMiss.map((m) => [m.fact, m.needed])).toEqual([['rd_expense_ratio', 5]]);
  });

  it('finds the R&D level that lifts a failing score over 60', () => {
    const answers = { ...company, rd_expense_ratio: 3.5, rd_cost_ratio: 4, class1_ip_count: 0, class2_ip_count: 2 };
    const result = evaluate(catalogue([techSme()]), answers, '2026-11-23').results[0]!;
    // 8 + 20 + 12 = 40; at 5% R&D: 8 + 40 + 12 = 60.
    expect(result.nearMiss.map((m) => [m.fact, m.needed, m.explanation])).toEqual([
      ['rd_expense_ratio', 5, '研发费用占比提高到 5% 即可'],
    ]);
  });

  it('suggests lowering a number that exceeds a limit', () => {
    const p = policy('p', {
      all: [
        { fact: 'employees', op: '<=', value: 300 },
        { fact: 'company_registered', op: '=', value: true },
      ],
    });
    const result = evaluate(catalogue([p]), { employees: 320, company_registered: true }, '2026-11-23').results[0]!;
    expect(result.nearMiss).toEqual([
      { fact: 'employees', needed: 300, current: 320, explanation: '职工人数降低到 300人 即可' },
    ]);
  });

  it('proposes only changes the founder can make: never a fixed fact, a duration only by waiting', () => {
    const facts = {
      ...FACTS,
      univ_rank: numFact('univ_rank', '院校排名', 'integer', { changes: 'fixed' }),
      insured_months: numFact('insured_months', '社保月数', 'integer', { unit: '个月', changes: 'grows' }),
    };
    const p = policy('p', {
      any: [
        { fact: 'univ_rank', op: '<=', value: 100 },
        { fact: 'insured_months', op: '>=', value: 12 },
        { fact: 'insured_months', op: '<=', value: 7 },
      ],
    });
    const on = (answers: Record<string, number>) =>
      evaluate(catalogue([p], facts), answers, '2026-11-23').results[0]!.nearMiss;
    // Both the rank (120 → 100) and fewer months (8 → 7) are nearer, and neither can happen.
    expect(on({ univ_rank: 120, insured_months: 8 })).toEqual([
      { fact: 'insured_months', needed: 12, current: 8, explanation: '社保月数满 12个月 即可（还差 4个月）' },
    ]);
    // With nothing the founder can change, nothing is proposed rather than the impossible.
    const onlyRank = policy('r', { fact: 'univ_rank', op: '<=', value: 100 });
    expect(evaluate(catalogue([onlyRank], facts), { univ_rank: 101 }, '2026-11-23').results[0]!.nearMiss).toEqual([]);
  });

  it('combines two numbers when both fail', () => {
    const p = policy('p', {
      all: [
        { fact: 'tech_staff_ratio', op: '>=', value: 20 },
        { fact: 'rd_expense_ratio', op: '>=', value: 5 },
      ],
    });
    const result = evaluate(catalogue([p]), { tech_staff_ratio: 15, rd_expense_ratio: 4 }, '2026-11-23').results[0]!;
    expect(result.nearMiss.map((m) => [m.fact, m.needed])).toEqual([
      ['tech_staff_ratio', 20],
      ['rd_expense_ratio', 5],
    ]);
  });

  it('offers nothing when a yes/no condition fails, or when more than two numbers fail', () => {
    const three = policy('three', {
      all: [
        { fact: 'tech_staff_ratio', op: '>=', value: 20 },
        { fact: 'rd_expense_ratio', op: '>=', value: 5 },
        { fact: 'employees', op: '>=', value: 10 },
      ],
    });
    const blacklist = policy('bl', {
      all: [
        { fact: 'credit_blacklisted', op: '=', value: false },
        { fact: 'employees', op: '>=', value: 10 },
      ],
    });
    const results = evaluate(
      catalogue([three, blacklist]),
      { tech_staff_ratio: 15, rd_expense_ratio: 4, employees: 5, credit_blacklisted: true },
      '2026-11-23',
    ).results;
    expect(results.map((r) => r.nearMiss)).toEqual([[], []]);
  });

  it('needs everything else to be met: an unanswered condition means no near miss', () => {
    const result = evaluate(catalogue([highTech()]), { annual_revenue_wan: 8000, rd_expense_ratio: 3.5 }, '2026-11-23')
      .results[0]!;
    // Fails on R&D already, but the fix would still leave company_registered open.
    expect(result.status).toBe('not_eligible');
    expect(result.nearMiss).toEqual([]);
  });
});
