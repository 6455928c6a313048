/**
 * A policy with no version in force on the as-of date is listed as
 * `not_in_force` with the reason, never evaluated, never asked about, never
 * counted as good news (issue #17: policies must not vanish for earlier dates).
 */
import { estimateBenefits, evaluate, ladder, nextQuestion } from '../../rules';
import type { Criterion } from '../../rules/catalogue';
import { catalogue, policy, version } from './support/fixtures';

const registered: Criterion = { fact: 'company_registered', op: '=', value: true };
const bigTeam: Criterion = { fact: 'employees', op: '>=', value: 10 };

const cat = catalogue([
  policy('now', registered),
  policy('later', [
    version(bigTeam, { valid_from: '2026-11-23', caveats: ['起始日期是核实日期，不是政策本身的生效日期'] }),
  ]),
  policy('gone', [version(bigTeam, { valid_from: '2020-01-01', valid_to: '2024-12-31' })], {
    caveats: ['政策层面的提示'],
  }),
  policy('gap', [
    version(bigTeam, { valid_from: '2020-01-01', valid_to: '2024-12-31' }),
    version(bigTeam, { valid_from: '2026-01-01' }),
  ]),
  policy('zj', [version(bigTeam, { valid_from: '2026-11-23' })], { region: 'zj-county' }),
]);

const byId = (asOf: string, answers = {}) => new Map(evaluate(cat, answers, asOf).results.map((r) => [r.policy, r]));

describe('a policy with no version in force on the as-of date', () => {
  it('is listed after the policies in force, as not_in_force, with why as its first caveat', () => {
    const results = evaluate(cat, { company_registered: true }, '2025-06-01').results;
    expect(results.map((r) => [r.policy, r.status])).toEqual([
      ['now', 'eligible'],
      ['later', 'not_in_force'],
      ['gone', 'not_in_force'],
      ['gap', 'not_in_force'],
    ]);
    const [, later, gone, gap] = results;
    expect(later!.caveats).toEqual([
      '该政策在 2025-06-01 尚未生效（收录的版本自 2026-11-23 起适用）',
      '起始日期是核实日期，不是政策本身的生效日期',
    ]);
    expect(gone!.caveats).toEqual(['该政策在 2025-06-01 已失效（收录的最后版本适用至 2024-12-31）', '政策层面的提示']);
    expect(gap!.caveats[0]).toBe(
      '该政策在 2025-06-01 没有有效版本（上一版本适用至 2024-12-31，下一版本自 2026-01-01 起适用）',
    );
    expect(later!.sources.length).toBeGreaterThan(0);
  });

  it('is not evaluated: no criteria, nothing missing, no near miss, no window, nothing to check', () => {
    const later = byId('2025-06-01', { employees: 9 }).get('later')!;
    expect(later).toMatchObject({ criteria: [], missing: [], nearMiss: [], scores: [], toCheck: [], nextWindow: null });
    expect(JSON.parse(JSON.stringify(later))).toMatchObject({ status: 'not_in_force', missing: [] });
  });

  it('is never asked about: with it alone in scope there is no next question', () => {
    expect(nextQuestion(cat, {}, '2025-06-01', { policies: ['later'] })).toBeNull();
    expect(nextQuestion(cat, {}, '2026-11-23', { policies: ['later'] })?.fact).toBe('employees');
  });

  it('follows the selection and the region like the policies in force', () => {
    const ids = (answers: Record<string, string>, policies?: string[]) =>
      evaluate(cat, answers, '2025-06-01', { policies }).results.map((r) => r.policy);
    expect(ids({}, ['later'])).toEqual(['later']);
    expect(ids({ region: 'zj-county' })).toEqual(['now', 'later', 'gone', 'gap', 'zj']);
    expect(ids({})).not.toContain('zj');
  });

  it('is not good news: no benefit counted, and a ladder rung not in force is unavailable', () => {
    const evaluation = evaluate(cat, { company_registered: true, employees: 50 }, '2025-06-01');
    const benefits = estimateBenefits(evaluation);
    expect(benefits.eligible.counted).toEqual(['now']);
    expect(benefits.maybe.counted).toEqual([]);
    const renamed = {
      ...evaluation,
      results: evaluation.results.map((r) => (r.policy === 'later' ? { ...r, policy: 'cn.tech-sme' } : r)),
      ladder: [{ policy: 'cn.tech-sme', title: '科技型中小企业', heldBy: 'is_tech_sme' }],
    };
    expect(ladder(renamed, {}).rungs[0]).toMatchObject({ policy: 'cn.tech-sme', state: 'unavailable' });
  });
});
