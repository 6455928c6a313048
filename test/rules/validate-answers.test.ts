import { ValidationError } from '../../errors';
import { validateAnswers } from '../../rules';
import { catalogue } from './support/fixtures';

const cat = catalogue([]);

function issues(input: unknown) {
  try {
    validateAnswers(cat, input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details;
  }
  throw new Error('expected a ValidationError');
}

describe('validateAnswers', () => {
  it('returns valid answers as a copy', () => {
    const input = {
      company_registered: true,
      employees: 40,
      rd_expense_ratio: 4.2,
      district: 'pudong',
      annual_revenue_wan: 1500.5,
    };
    const answers = validateAnswers(cat, input);
    expect(answers).toEqual(input);
    expect(answers).not.toBe(input);
  });

  it('lists every bad field at once, by fact name', () => {
    const details = issues({
      nonsense: 1,
      company_registered: 'yes',
      employees: 4.5,
      rd_expense_ratio: 120,
      district: 'manhattan',
      annual_revenue_wan: 'lots',
      team_core_members: -1,
    });
    expect(details.map((d) => d.path).sort()).toEqual(
      [
        'annual_revenue_wan',
        'company_registered',
        'district',
        'employees',
        'nonsense',
        'rd_expense_ratio',
        'team_core_members',
      ].sort(),
    );
    const reason = Object.fromEntries(details.map((d) => [d.path, d.reason]));
    expect(reason).toMatchObject({
      nonsense: '没有这个问题',
      company_registered: '应为是或否',
      employees: '应为整数',
      rd_expense_ratio: '应为 0 到 100 之间的百分数',
      annual_revenue_wan: '应为数字',
      team_core_members: '不能小于 0',
    });
    expect(reason.district).toContain('pudong（浦东新区）');
  });

  it('rejects non-finite numbers and null', () => {
    expect(
      issues({ annual_revenue_wan: Infinity, employees: null })
        .map((d) => d.path)
        .sort(),
    ).toEqual(['annual_revenue_wan', 'employees']);
  });

  it.each([[null], [[]], ['answers'], [42], [new Map()]])('accepts only a plain object, not %p', (input) => {
    expect(issues(input)).toHaveLength(1);
  });

  it('does not mistake inherited names for facts', () => {
    expect(issues({ toString: 'x' }).map((d) => d.path)).toEqual(['toString']);
  });
});
