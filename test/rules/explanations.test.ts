import { evaluate } from '../../rules';
import type { Criterion } from '../../rules/catalogue';
import { catalogue, policy } from './support/fixtures';

function explain(leaf: Criterion, answers: Record<string, boolean | number | string>): string {
  const result = evaluate(catalogue([policy('p', leaf)]), answers, '2026-11-23').results[0]!;
  return result.criteria[0]!.explanation;
}

describe('criterion explanations', () => {
  it('shows the founder value, the relation and the threshold with the unit', () => {
    expect(explain({ fact: 'rd_expense_ratio', op: '>=', value: 5 }, { rd_expense_ratio: 4.2 })).toBe(
      '研发费用占比 4.2% < 要求 5%',
    );
    expect(explain({ fact: 'rd_expense_ratio', op: '>=', value: 5 }, { rd_expense_ratio: 5 })).toBe(
      '研发费用占比 5% ≥ 要求 5%',
    );
  });

  it('calls an upper bound a 上限', () => {
    expect(explain({ fact: 'employees', op: '<=', value: 500 }, { employees: 620 })).toBe(
      '职工人数 620人 > 上限 500人',
    );
    expect(explain({ fact: 'annual_revenue_wan', op: '<=', value: 20000 }, { annual_revenue_wan: 3000 })).toBe(
      '年销售收入 3000万元 ≤ 上限 20000万元',
    );
  });

  it('states strict bounds as the requirement', () => {
    expect(explain({ fact: 'annual_revenue_wan', op: '>', value: 5000 }, { annual_revenue_wan: 5000 })).toBe(
      '年销售收入 5000万元（要求 > 5000万元）',
    );
  });

  it('shows months and counts with their units', () => {
    expect(explain({ fact: 'company_age_months', op: '>=', value: 12 }, { company_age_months: 8 })).toBe(
      '成立时长 8个月 < 要求 12个月',
    );
  });

  it('reads booleans as 是/否 and says what was required', () => {
    expect(explain({ fact: 'registered_in_shanghai', op: '=', value: true }, { registered_in_shanghai: true })).toBe(
      '在上海注册：是',
    );
    expect(explain({ fact: 'registered_in_shanghai', op: '=', value: true }, { registered_in_shanghai: false })).toBe(
      '在上海注册：否（要求：是）',
    );
    expect(explain({ fact: 'credit_blacklisted', op: '!=', value: true }, { credit_blacklisted: true })).toBe(
      '列入严重失信名单：是（要求：否）',
    );
  });

  it('names enum values by their Chinese label', () => {
    expect(explain({ fact: 'industry', op: '=', value: 'ai' }, { industry: 'biomedicine' })).toBe(
      '所属行业：生物医药（要求：人工智能）',
    );
  });

  it('says what is not answered yet and what it must be', () => {
    expect(explain({ fact: 'rd_expense_ratio', op: '>=', value: 5 }, {})).toBe('尚未回答：研发费用占比（要求 ≥ 5%）');
    expect(explain({ fact: 'in_incubator', op: '=', value: true }, {})).toBe('尚未回答：入驻备案孵化载体（要求：是）');
  });

  it('uses a content label in place of the generated condition', () => {
    const leaf: Criterion = { fact: 'company_age_months', op: '>=', value: 12, label: '注册成立满一年' };
    expect(explain(leaf, { company_age_months: 30 })).toBe('注册成立满一年：满足（成立时长 30个月）');
    expect(explain(leaf, { company_age_months: 3 })).toBe('注册成立满一年：不满足（成立时长 3个月）');
    expect(explain(leaf, {})).toBe('尚未回答：成立时长（注册成立满一年）');
  });

  it('explains a reference to another policy by its title', () => {
    const cat = catalogue([
      policy('a', { policy: 'b' }),
      policy('b', { fact: 'company_registered', op: '=', value: true }, { title: '科技型中小企业评价入库' }),
    ]);
    const result = evaluate(cat, { company_registered: false }, '2026-11-23').results[0]!;
    expect(result.criteria).toEqual([
      { fact: 'policy:b', status: 'not_met', explanation: '不符合「科技型中小企业评价入库」' },
    ]);
  });
});
