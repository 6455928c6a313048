import { nextQuestion } from '../../rules';
import type { Answers, Criterion } from '../../rules/catalogue';
import { boolFact, catalogue, FACTS, policy, techSme } from './support/fixtures';

const asOf = '2026-11-23';
const ask = (cat: ReturnType<typeof catalogue>, answers: Answers, options = {}) =>
  nextQuestion(cat, answers, asOf, options)?.fact ?? null;

describe('nextQuestion', () => {
  const team: Criterion = {
    any: [
      {
        all: [
          { fact: 'company_registered', op: '=', value: true },
          { fact: 'employees', op: '<=', value: 500 },
        ],
      },
      {
        all: [
          { fact: 'company_registered', op: '=', value: false },
          { fact: 'in_incubator', op: '=', value: true },
        ],
      },
    ],
  };

  it('does not ask everyone first a question whose settling answer is rare (`usually`)', () => {
    // Two policies of equal worth, each on one yes/no; the contest comes first in the vocabulary.
    const policies = [
      policy('contest', { fact: 'won_contest', op: '=', value: true }),
      policy('incubated', { fact: 'in_incubator', op: '=', value: true }),
    ];
    const contest = (extra = {}) => ({ won_contest: boolFact('won_contest', '市级创业赛事优胜', extra), ...FACTS });
    expect(ask(catalogue(policies, contest()), {})).toBe('won_contest');
    // Few founders have won one: its "yes" is worth little on average, so the other is asked first.
    const rare = catalogue(policies, contest({ usually: false }));
    expect(ask(rare, {})).toBe('in_incubator');
    expect(ask(rare, { in_incubator: false })).toBe('won_contest');
  });

  it('returns the question with its type, text and bounds', () => {
    const question = nextQuestion(catalogue([policy('p', { fact: 'employees', op: '<=', value: 500 })]), {}, asOf);
    expect(question).toMatchObject({
      fact: 'employees',
      type: 'integer',
      text: '职工人数是多少？',
      min: 0,
      why: '测试',
    });
  });

  it('returns null when no unknown fact can change any verdict', () => {
    const cat = catalogue([policy('p', team)]);
    expect(ask(cat, { company_registered: true, employees: 3 })).toBeNull();
    expect(ask(cat, { company_registered: false, in_incubator: false })).toBeNull();
  });

  it('asks the cheap fact that decides the branch first', () => {
    expect(ask(catalogue([policy('p', team)]), {})).toBe('company_registered');
  });

  it('never asks what sits under a branch that is already decided', () => {
    expect(ask(catalogue([policy('p', team)]), { company_registered: false })).toBe('in_incubator');
  });

  it('never asks an answered or a skipped fact, and gives up when only skipped facts are left', () => {
    const cat = catalogue([
      policy('p', {
        all: [
          { fact: 'in_incubator', op: '=', value: true },
          { fact: 'employees', op: '<=', value: 5 },
        ],
      }),
    ]);
    expect(ask(cat, { in_incubator: true })).toBe('employees');
    expect(ask(cat, {}, { skipped: ['in_incubator'] })).toBe('employees');
    expect(ask(cat, { in_incubator: true }, { skipped: ['employees'] })).toBeNull();
  });

  it('does not ask score facts of someone who holds a 高企 certificate', () => {
    const cat = catalogue([techSme()]);
    const answers = {
      company_registered: true,
      employees: 10,
      tech_staff_ratio: 12,
      credit_blacklisted: false,
      is_high_tech_enterprise: true,
    };
    expect(ask(cat, answers)).toBeNull();
  });

  it('does not ask company-size facts of a team without a company', () => {
    const cat = catalogue([techSme()]);
    expect(ask(cat, { company_registered: false })).toBeNull();
  });

  it('weighs open verdicts by what the policies are worth', () => {
    const small = policy('small', { fact: 'in_incubator', op: '=', value: true });
    const big = policy(
      'big',
      { fact: 'founder_overseas_degree', op: '=', value: true },
      {
        benefit: { kind: 'cash', cap_yuan: 5_000_000, description: '500 万', confidence: 'B' },
      },
    );
    expect(ask(catalogue([small, big]), {})).toBe('founder_overseas_degree');
  });

  it('asks only what the selected policies need', () => {
    const a = policy('a', { fact: 'in_incubator', op: '=', value: true });
    const b = policy('b', { all: [{ policy: 'c' }, { fact: 'founder_overseas_degree', op: '=', value: true }] });
    const c = policy('c', { fact: 'company_registered', op: '=', value: true });
    const cat = catalogue([a, b, c]);
    const asked = new Set<string>();
    const answers: Record<string, boolean> = {};
    for (let fact = ask(cat, answers, { policies: ['b'] }); fact; fact = ask(cat, answers, { policies: ['b'] })) {
      asked.add(fact);
      answers[fact] = true;
    }
    expect([...asked].sort()).toEqual(['company_registered', 'founder_overseas_degree']);
  });

  it('asks the region only while another region could apply and nothing settles it', () => {
    const sh = policy('sh', { fact: 'in_incubator', op: '=', value: true }, { region: 'shanghai' });
    const zj = policy('zj', { fact: 'in_incubator', op: '=', value: true }, { region: 'zj-county' });
    const cat = catalogue([sh, zj]);
    const asked: string[] = [];
    const answers: Record<string, boolean | string> = {};
    for (let fact = ask(cat, answers); fact; fact = ask(cat, answers)) {
      asked.push(fact);
      answers[fact] = fact === 'region' ? 'zj-county' : true;
    }
    // "Is the company in Shanghai?" comes first: every Shanghai policy needs it, and a yes settles the region.
    expect(asked.sort()).toEqual(['in_incubator', 'registered_in_shanghai']);
    // A Shanghai district or company settles it; a Shanghai-only topic does not need it.
    expect(ask(cat, { in_incubator: true, registered_in_shanghai: true })).toBeNull();
    expect(ask(cat, { in_incubator: true, district: 'pudong' })).toBeNull();
    // With Shanghai policies alone the region is never asked, but being in Shanghai is.
    expect(ask(catalogue([sh]), { in_incubator: true })).toBe('registered_in_shanghai');
    expect(ask(catalogue([sh]), { in_incubator: true, registered_in_shanghai: true })).toBeNull();
  });

  it('asks about a policy the founder cannot reach any more only after the others', () => {
    const dead = policy('dead', {
      all: [
        { fact: 'founder_hukou_shanghai', op: '=', value: false },
        { fact: 'founder_overseas_degree', op: '=', value: true },
      ],
    });
    const live = policy('live', {
      all: [
        { fact: 'in_incubator', op: '=', value: true },
        { fact: 'team_core_members', op: '>=', value: 3 },
      ],
    });
    const cat = catalogue([dead, live]);
    expect(ask(cat, {}, { skipped: ['founder_hukou_shanghai'] })).toBe('in_incubator');
    // It is still asked in the end: "no" would settle that verdict.
    expect(ask(cat, { in_incubator: true, team_core_members: 4 }, { skipped: ['founder_hukou_shanghai'] })).toBe(
      'founder_overseas_degree',
    );
  });
});

describe('near misses (issue 18)', () => {
  const highTech: Criterion = {
    all: [
      { fact: 'rd_expense_ratio', op: '>=', value: 5 },
      { fact: 'tech_staff_ratio', op: '>=', value: 10 },
    ],
  };

  it('keeps asking what a policy failed on one number still misses, and says it is for the near miss', () => {
    const question = nextQuestion(catalogue([policy('p', highTech)]), { rd_expense_ratio: 4 }, asOf);
    expect(question?.fact).toBe('tech_staff_ratio');
    expect(question?.nearMissOf).toHaveLength(1);
  });

  it('asks nothing more once the near miss is known or impossible', () => {
    const cat = catalogue([policy('p', highTech)]);
    expect(nextQuestion(cat, { rd_expense_ratio: 4, tech_staff_ratio: 20 }, asOf)).toBeNull();
    expect(nextQuestion(cat, { rd_expense_ratio: 4, tech_staff_ratio: 0 }, asOf)?.fact).toBeUndefined();
  });

  it('does not mark a question asked for an open verdict', () => {
    const question = nextQuestion(catalogue([policy('p', highTech)]), {}, asOf);
    expect(question?.nearMissOf).toBeUndefined();
  });
});
