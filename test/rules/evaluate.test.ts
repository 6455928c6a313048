import { evaluate, nextQuestion } from '../../rules';
import type { Answers } from '../../rules/catalogue';
import { boolFact, catalogue, FACTS, numFact, policy, version } from './support/fixtures';

const registered = { fact: 'company_registered', op: '=', value: true } as const;

describe('evaluate', () => {
  it('uses the version in force on the as-of date, both ends inclusive, and lists policies with none as not in force', () => {
    const cat = catalogue([
      policy('p', [
        version({ fact: 'employees', op: '>=', value: 24 }, { valid_from: '2022-01-01', valid_to: '2026-03-31' }),
        version({ fact: 'employees', op: '>=', value: 36 }, { valid_from: '2026-04-01' }),
      ]),
      policy('future', [version(registered, { valid_from: '2027-01-01' })]),
    ]);
    const on = (asOf: string) =>
      evaluate(cat, { employees: 30, company_registered: true }, asOf).results.map((r) => [r.policy, r.status]);
    expect(on('2026-03-31')).toEqual([
      ['p', 'eligible'],
      ['future', 'not_in_force'],
    ]);
    expect(on('2026-04-01')).toEqual([
      ['p', 'not_eligible'],
      ['future', 'not_in_force'],
    ]);
    expect(on('2027-01-01')).toEqual([
      ['p', 'not_eligible'],
      ['future', 'eligible'],
    ]);
    expect(on('2021-12-31')).toEqual([
      ['p', 'not_in_force'],
      ['future', 'not_in_force'],
    ]);
  });

  it('shows regional policies only to founders of that region, Shanghai by default', () => {
    const cat = catalogue([
      policy('cn', registered),
      policy('sh', registered, { region: 'shanghai' }),
      policy('zj', registered, { region: 'zj-county' }),
    ]);
    const ids = (answers: Record<string, string>) => evaluate(cat, answers, '2026-11-23').results.map((r) => r.policy);
    expect(ids({})).toEqual(['cn', 'sh']);
    expect(ids({ region: 'zj-county' })).toEqual(['cn', 'zj']);
  });

  it('limits a policy to its districts', () => {
    const cat = catalogue([policy('pd', registered, { region: 'shanghai', districts: ['pudong'] })]);
    const on = (answers: Record<string, string | boolean>) => evaluate(cat, answers, '2026-11-23').results[0]!;
    expect(on({ company_registered: true, district: 'pudong' }).status).toBe('eligible');
    expect(on({ company_registered: true, district: 'minhang' }).status).toBe('not_eligible');
    // Either answer can settle it: a district implies Shanghai, and "not in Shanghai" rules it out.
    expect(on({ company_registered: true }).missing).toEqual(['district', 'registered_in_shanghai']);
    const elsewhere = on({ company_registered: true, registered_in_shanghai: false });
    expect(elsewhere.status).toBe('not_eligible');
    expect(elsewhere.missing).toEqual([]);
  });

  it('limits the evaluation to the selected policies but still consults what they reference', () => {
    const cat = catalogue([policy('a', { policy: 'b' }), policy('b', registered), policy('c', registered)]);
    const results = evaluate(cat, { company_registered: true }, '2026-11-23', { policies: ['a'] }).results;
    expect(results.map((r) => [r.policy, r.status])).toEqual([['a', 'eligible']]);
  });

  it('resolves references on the same answers and lists their missing facts', () => {
    const cat = catalogue([
      policy('a', { all: [{ policy: 'b' }, { fact: 'in_incubator', op: '=', value: true }] }),
      policy('b', registered),
    ]);
    const a = evaluate(cat, { in_incubator: true }, '2026-11-23').results[0]!;
    expect(a).toMatchObject({ status: 'maybe', missing: ['company_registered'] });
  });

  it('survives reference cycles and references to policies not in force', () => {
    const cat = catalogue([
      policy('a', { policy: 'b' }),
      policy('b', { policy: 'a' }),
      policy('c', { policy: 'ghost' }),
    ]);
    const results = evaluate(cat, {}, '2026-11-23').results;
    expect(results.map((r) => r.status)).toEqual(['not_eligible', 'not_eligible', 'not_eligible']);
    expect(results[2]!.criteria[0]!.explanation).toContain('没有有效版本');
  });

  it('says a hukou route is not needed by someone who has a Shanghai hukou', () => {
    const hukou = policy(
      'sh.hukou',
      { fact: 'founder_overseas_degree', op: '=', value: true },
      {
        region: 'shanghai',
        benefit: { kind: 'hukou', cap_yuan: 'unknown', description: '落户', confidence: 'B' },
      },
    );
    const cat = catalogue([hukou]);
    const has = evaluate(cat, { founder_hukou_shanghai: true, founder_overseas_degree: true }, '2026-11-23')
      .results[0]!;
    expect(has).toMatchObject({ status: 'not_eligible', notNeeded: '已有上海户籍，无需办理', nearMiss: [] });
    const open = evaluate(cat, {}, '2026-11-23').results[0]!;
    // Every Shanghai policy also asks whether the founder is in Shanghai (compile-catalogue.ts).
    expect(open.missing).toEqual(['founder_hukou_shanghai', 'registered_in_shanghai', 'founder_overseas_degree']);
    expect(
      evaluate(
        cat,
        { founder_hukou_shanghai: false, founder_overseas_degree: true, registered_in_shanghai: true },
        '2026-11-23',
      ).results[0]!.status,
    ).toBe('eligible');
  });

  it('says a certificate already held needs no new application, without changing the verdict', () => {
    const cat = catalogue([
      policy('cn.high-tech-enterprise', registered, { title: '高新技术企业认定', held_by: 'is_high_tech_enterprise' }),
    ]);
    const result = evaluate(cat, { is_high_tech_enterprise: true }, '2026-11-23').results[0]!;
    // Holding the certificate implies a registered company.
    expect(result.status).toBe('eligible');
    expect(result.notNeeded).toContain('高新技术企业认定');
  });

  it('lets a number imply by comparison: a company under a year old holds no 高企 certificate', () => {
    const facts = {
      ...FACTS,
      company_age_months: numFact('company_age_months', '成立时长', 'integer', {
        implies: [{ when: { op: '<', value: 12 }, then: { is_high_tech_enterprise: false } }],
      }),
    };
    const cat = catalogue([policy('reward', { fact: 'is_high_tech_enterprise', op: '=', value: true })], facts);
    const on = (answers: Answers) => evaluate(cat, answers, '2026-11-23').results[0]!;
    expect(on({ company_age_months: 6 })).toMatchObject({ status: 'not_eligible', missing: [] });
    expect(nextQuestion(cat, { company_age_months: 6 }, '2026-11-23')).toBeNull();
    // At 12 months and over nothing follows; an answer is never overridden.
    expect(on({ company_age_months: 12 })).toMatchObject({ status: 'maybe', missing: ['is_high_tech_enterprise'] });
    expect(on({ company_age_months: 6, is_high_tech_enterprise: true }).status).toBe('eligible');
  });

  it('carries the caveats, sources and next window of the policy', () => {
    const p = policy('p', [version(registered, { caveats: ['须高于70分'] })], {
      caveats: ['以当年通知为准', '须高于70分'],
      windows: [{ id: 'y', kind: 'yearly', opens: '06-01', closes: '08-31', from_year: 2026, confidence: 'C' }],
    });
    const result = evaluate(catalogue([p]), {}, '2026-11-23').results[0]!;
    expect(result.caveats).toEqual(['须高于70分', '以当年通知为准']);
    expect(result.sources).toEqual([{ title: '测试办法', number: '测〔2020〕1号' }]);
    expect(result.nextWindow).toEqual({ key: 'y:2027', opens: '2027-06-01', closes: '2027-08-31', rolling: false });
  });

  it('applies defaults from the vocabulary and never lets them override an answer', () => {
    const facts = { ...FACTS, in_incubator: boolFact('in_incubator', '入驻备案孵化载体', { default: false }) };
    const cat = catalogue([policy('p', { fact: 'in_incubator', op: '=', value: true })], facts);
    expect(evaluate(cat, {}, '2026-11-23').results[0]!.status).toBe('not_eligible');
    expect(evaluate(cat, { in_incubator: true }, '2026-11-23').results[0]!.status).toBe('eligible');
  });

  it('does not ask company questions of a team without a company', () => {
    const cat = catalogue([
      policy('p', {
        all: [
          { fact: 'is_tech_sme', op: '=', value: true },
          { fact: 'employees', op: '<=', value: 500 },
        ],
      }),
    ]);
    // company_registered = false implies no certificates, which settles the verdict.
    expect(evaluate(cat, { company_registered: false }, '2026-11-23').results[0]).toMatchObject({
      status: 'not_eligible',
      missing: [],
    });
  });

  it('never serves a stale verdict when the same answers object is changed in place', () => {
    const cat = catalogue([policy('p', registered)]);
    const answers: Record<string, boolean> = { company_registered: true };
    expect(evaluate(cat, answers, '2026-11-23').results[0]!.status).toBe('eligible');
    answers.company_registered = false;
    expect(evaluate(cat, answers, '2026-11-23').results[0]!.status).toBe('not_eligible');
    delete answers.company_registered;
    expect(evaluate(cat, answers, '2026-11-23').results[0]!.status).toBe('maybe');
  });

  it('serialises a verdict with its explanations and without its internals', () => {
    const result = evaluate(catalogue([policy('p', registered)]), { company_registered: true }, '2026-11-23')
      .results[0]!;
    const json = JSON.parse(JSON.stringify(result));
    expect(json).toMatchObject({
      policy: 'p',
      status: 'eligible',
      criteria: [{ fact: 'company_registered', status: 'met' }],
      scores: [],
    });
    expect(Object.keys(json).sort()).toEqual(
      [
        'benefit',
        'caveats',
        'criteria',
        'missing',
        'nearMiss',
        'nextWindow',
        'policy',
        'scores',
        'sources',
        'status',
        'title',
        'toCheck',
        'verifiedAt',
      ].sort(),
    );
  });
});
