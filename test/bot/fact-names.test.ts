import path from 'node:path';
import { factNamed } from '../../bot/dialogue/fact-names';
import { readCatalogue } from '../../catalogue/read-content';

const { facts } = readCatalogue(path.resolve(__dirname, '../../content')).catalogue;

describe('the fact a founder names', () => {
  it.each([
    ['职工人数', 'employees'],
    ['职工人数的回答', 'employees'],
    ['研发费用占比填错了', 'rd_expense_ratio'],
    ['在上海注册', 'registered_in_shanghai'],
  ])('reads %s as %s', (said, fact) => {
    expect(factNamed(facts, said)).toBe(fact);
  });

  it('finds a fact by its question when no label says it ("在职员工")', () => {
    expect(factNamed(facts, '在职员工')).toBe('employees');
  });

  it.each(['火星', '人', '', '公司'])('names nothing for %s (unknown, too short, or several facts)', (said) => {
    expect(factNamed(facts, said)).toBeNull();
  });
});
