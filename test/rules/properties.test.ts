/**
 * Properties of the engine on generated profiles over the shipped content:
 * it never throws, answering never reopens a decided verdict, the adaptive
 * loop settles everything a founder's facts decide, and the two-valued
 * verdicts agree with json-rules-engine when every fact is known.
 */
import fc from 'fast-check';
import path from 'node:path';
import { readCatalogue } from '../../catalogue/read-content';
import { evaluate, nextQuestion, runAdaptiveLoop, validateAnswers } from '../../rules';
import type { Answers, FactValue } from '../../rules/catalogue';
import { isSettled } from '../../rules/answers';
import { openSession } from '../../rules/evaluate';
import { bestQuestion, rankQuestions } from '../../rules/next-question';
import { jsonRulesEngine } from './support/json-rules-engine';
import { answersArbitrary, fullProfileArbitrary } from './support/profiles';

const { catalogue } = readCatalogue(path.resolve(__dirname, '../../content'));
const AS_OF = '2026-11-23';
const asOf = fc.constantFrom('2026-03-31', '2026-04-01', '2026-11-23', '2027-06-15');
const profile = answersArbitrary(catalogue, AS_OF);

function statuses(answers: Answers, date = AS_OF): Map<string, string> {
  return new Map(evaluate(catalogue, answers, date).results.map((r) => [r.policy, r.status]));
}

describe('engine properties', () => {
  it('evaluates any valid profile on any date without throwing, explanations included', () => {
    fc.assert(
      fc.property(profile, asOf, (answers, date) => {
        validateAnswers(catalogue, answers);
        const evaluation = evaluate(catalogue, answers, date);
        for (const result of evaluation.results) {
          // A maybe always says what is missing or what to check; a decided verdict misses nothing.
          if (result.missing.length > 0) expect(result.status).toBe('maybe');
          if (result.status === 'maybe') expect(result.missing.length + result.toCheck.length).toBeGreaterThan(0);
          // Never eligible while a hard condition is left for the founder to check.
          if (result.status === 'eligible') expect(result.toCheck).toEqual([]);
          for (const criterion of result.criteria) expect(criterion.explanation).toMatch(/\S/);
          JSON.stringify(result);
        }
        nextQuestion(catalogue, answers, date);
      }),
      { numRuns: 150 },
    );
  });

  it('answering one more fact never turns a decided verdict back to maybe', () => {
    const facts = Object.values(catalogue.facts);
    const extra = fc
      .constantFrom(...facts)
      .chain((definition) =>
        answersArbitrary(catalogue, AS_OF).map((sample) => [definition.fact, sample[definition.fact]] as const),
      );
    fc.assert(
      fc.property(profile, extra, (answers, [fact, value]) => {
        // Answering means giving an unknown fact: one that is neither answered nor implied by the answers.
        fc.pre(value !== undefined && !isSettled(catalogue, answers, fact));
        const before = statuses(answers);
        const after = statuses({ ...answers, [fact]: value as FactValue });
        for (const [policy, status] of before) {
          if (status !== 'maybe' && after.has(policy))
            expect({ policy, status: after.get(policy) }).not.toEqual({ policy, status: 'maybe' });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('nextQuestion never asks what is answered or skipped, and picks the top of the ranking', () => {
    const skipped = fc.subarray(Object.keys(catalogue.facts), { maxLength: 8 });
    fc.assert(
      fc.property(profile, skipped, (answers, skip) => {
        const question = nextQuestion(catalogue, answers, AS_OF, { skipped: skip });
        const session = openSession(catalogue, answers, AS_OF);
        const ranked = rankQuestions(session, { skipped: skip });
        expect(bestQuestion(session, { skipped: skip })?.fact ?? null).toBe(ranked[0]?.fact ?? null);
        expect(question?.fact ?? null).toBe(ranked[0]?.fact ?? null);
        if (question) {
          // Neither answered nor implied by the answers.
          expect(isSettled(catalogue, answers, question.fact)).toBe(false);
          expect(skip).not.toContain(question.fact);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('following nextQuestion with a founder’s answers leaves open no verdict those answers decide', () => {
    fc.assert(
      fc.property(profile, (known) => {
        const run = runAdaptiveLoop(catalogue, known, AS_OF);
        expect(run.settled).toBe(true);
        // Only what was asked was answered.
        for (const fact of Object.keys(run.answers)) expect(run.asked.map((q) => q.fact)).toContain(fact);
      }),
      { numRuns: 40 },
    );
  });

  it('agrees with json-rules-engine when every fact is known', async () => {
    const engine = jsonRulesEngine(catalogue, AS_OF);
    await fc.assert(
      fc.asyncProperty(fullProfileArbitrary(catalogue, AS_OF), async (answers) => {
        const fired = await engine.run(answers);
        for (const result of evaluate(catalogue, answers, AS_OF).results) {
          // Every encoded condition met: eligible, or maybe for the conditions it cannot check alone.
          const metAsEncoded = result.status === 'eligible' || (result.status === 'maybe' && result.toCheck.length > 0);
          expect({ policy: result.policy, met: metAsEncoded }).toEqual({
            policy: result.policy,
            met: fired.has(result.policy),
          });
          expect(result.missing).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
