import { and, not, or } from '../../rules/kleene';
import { evaluate } from '../../rules';
import type { Criterion } from '../../rules/catalogue';
import type { Truth } from '../../rules/results';
import { catalogue, policy } from './support/fixtures';

const T: Truth = 'met';
const F: Truth = 'not_met';
const U: Truth = 'unknown';

describe('Kleene connectives', () => {
  it.each([
    [[T, T], T],
    [[T, U], U],
    [[U, F], F],
    [[F, U, T], F],
    [[], T],
  ] as [Truth[], Truth][])('and(%j) = %s', (values, expected) => expect(and(values)).toBe(expected));

  it.each([
    [[F, F], F],
    [[F, U], U],
    [[U, T], T],
    [[], F],
  ] as [Truth[], Truth][])('or(%j) = %s', (values, expected) => expect(or(values)).toBe(expected));

  it('not leaves unknown unknown and swaps the rest', () => {
    expect([not(T), not(F), not(U)]).toEqual([F, T, U]);
  });
});

function verdict(criteria: Criterion, answers: Record<string, boolean | number | string>) {
  const result = evaluate(catalogue([policy('p', criteria)]), answers, '2026-11-23').results[0]!;
  return { status: result.status, missing: result.missing, criteria: result.criteria };
}

const a: Criterion = { fact: 'company_registered', op: '=', value: true };
const b: Criterion = { fact: 'in_incubator', op: '=', value: true };
const c: Criterion = { fact: 'employees', op: '<=', value: 500 };

describe('criteria trees', () => {
  it('an all with one failing member fails however many are unknown, and misses nothing', () => {
    expect(verdict({ all: [a, b, c] }, { in_incubator: false })).toMatchObject({ status: 'not_eligible', missing: [] });
  });

  it('an all with unknown members is maybe and misses exactly them', () => {
    expect(verdict({ all: [a, b, c] }, { company_registered: true })).toMatchObject({
      status: 'maybe',
      missing: ['in_incubator', 'employees'],
    });
  });

  it('an any with one met member is met and does not ask for the others', () => {
    const result = verdict({ any: [a, b] }, { in_incubator: true });
    expect(result).toMatchObject({ status: 'eligible', missing: [] });
    // The unanswered alternative cannot matter, so it is not listed as open.
    expect(result.criteria.map((x) => x.status)).toEqual(['met']);
  });

  it('not swaps met and not met and keeps unknown', () => {
    expect(verdict({ not: a }, { company_registered: true }).status).toBe('not_eligible');
    expect(verdict({ not: a }, { company_registered: false }).status).toBe('eligible');
    expect(verdict({ not: a }, {})).toMatchObject({ status: 'maybe', missing: ['company_registered'] });
  });

  it('a leaf under not is explained as the requirement it is', () => {
    const result = verdict({ not: { fact: 'credit_blacklisted', op: '=', value: true } }, { credit_blacklisted: true });
    expect(result.criteria).toEqual([
      { fact: 'credit_blacklisted', status: 'not_met', explanation: '列入严重失信名单：是（要求：否）' },
    ]);
  });

  it('missing holds only facts under undecided branches', () => {
    // The company branch is already lost, so its unknown facts are not missing.
    const criteria: Criterion = {
      any: [{ all: [a, c] }, { all: [b, { fact: 'team_core_members', op: '>=', value: 3 }] }],
    };
    expect(verdict(criteria, { company_registered: false })).toMatchObject({
      status: 'maybe',
      missing: ['in_incubator', 'team_core_members'],
    });
  });

  it('in compares with a list', () => {
    const criteria: Criterion = { fact: 'district', op: 'in', value: ['pudong', 'minhang'] };
    expect(verdict(criteria, { district: 'minhang' }).status).toBe('eligible');
    expect(verdict(criteria, { district: 'jiading' }).criteria[0]!.explanation).toBe(
      '所在区：嘉定区（要求：浦东新区、闵行区）',
    );
  });
});
