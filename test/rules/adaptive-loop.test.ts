import { questionnaireLength, runAdaptiveLoop } from '../../rules';
import { catalogue, policy, version } from './support/fixtures';

const voucher = policy('voucher', {
  any: [
    {
      all: [
        { fact: 'company_registered', op: '=', value: true },
        { fact: 'is_tech_sme', op: '=', value: true },
      ],
    },
    {
      all: [
        { fact: 'company_registered', op: '=', value: false },
        { fact: 'in_incubator', op: '=', value: true },
        { fact: 'team_core_members', op: '>=', value: 3 },
      ],
    },
  ],
});
const returnee = policy('returnee', {
  all: [
    { fact: 'founder_overseas_degree', op: '=', value: true },
    { fact: 'registered_in_shanghai', op: '=', value: true },
  ],
});
const cat = catalogue([voucher, returnee]);

describe('runAdaptiveLoop', () => {
  it('counts questions to the first eligible verdict and to the end, against the questionnaire', () => {
    const known = {
      company_registered: false,
      in_incubator: true,
      team_core_members: 4,
      founder_overseas_degree: false,
    };
    const run = runAdaptiveLoop(cat, known, '2026-11-23');
    const asked = run.asked.map((q) => q.fact);
    // The team route is eligible once its last fact is in.
    const last = Math.max(...['company_registered', 'in_incubator', 'team_core_members'].map((f) => asked.indexOf(f)));
    expect(run.toFirstEligible).toBe(last + 1);
    expect(run.settled).toBe(true);
    expect(run.stillOpen).toEqual([]);
    expect(run.questionnaire).toBe(Object.keys(cat.facts).length);
    expect(run.evaluation.results.map((r) => [r.policy, r.status])).toEqual([
      ['voucher', 'eligible'],
      ['returnee', 'not_eligible'],
    ]);
  });

  it('counts news resting on grade-C rules as good news, but not as sure news', () => {
    const unsure = policy('unsure', [version({ fact: 'in_incubator', op: '=', value: true }, { confidence: 'C' })]);
    const sure = policy('sure', { fact: 'is_tech_sme', op: '=', value: true });
    const run = runAdaptiveLoop(catalogue([unsure, sure]), { in_incubator: true, is_tech_sme: true }, '2026-11-23');
    const asked = run.asked.map((q) => q.fact);
    expect(run.toFirstEligible).toBe(Math.min(asked.indexOf('in_incubator'), asked.indexOf('is_tech_sme')) + 1);
    expect(run.toFirstSureNews).toBe(asked.indexOf('is_tech_sme') + 1);
    expect(runAdaptiveLoop(catalogue([unsure]), { in_incubator: true }, '2026-11-23')).toMatchObject({
      toFirstEligible: 1,
      toFirstSureNews: null,
    });
  });

  it('skips what the founder does not know and leaves only those verdicts open', () => {
    const run = runAdaptiveLoop(cat, { company_registered: true, is_tech_sme: true }, '2026-11-23');
    // Holding the 科小 registration implies a company: one question is enough.
    expect(run.asked[0]).toEqual({ fact: 'is_tech_sme', answered: true });
    expect(run.toFirstEligible).toBe(1);
    expect(run.skipped.sort()).toEqual(['founder_overseas_degree', 'registered_in_shanghai'].sort());
    expect(run.stillOpen).toEqual(['returnee']);
    expect(run.settled).toBe(true);
  });

  it('limits the loop and the questionnaire to a topic', () => {
    const run = runAdaptiveLoop(cat, { founder_overseas_degree: true, registered_in_shanghai: true }, '2026-11-23', {
      policies: ['returnee'],
    });
    expect(run.asked.map((q) => q.fact).sort()).toEqual(['founder_overseas_degree', 'registered_in_shanghai']);
    expect(questionnaireLength(cat, '2026-11-23', ['returnee'])).toBe(2);
    expect(run.questionnaire).toBe(2);
  });
});
