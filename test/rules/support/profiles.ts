/**
 * Founder profiles for property tests and the benchmark: any subset of the
 * vocabulary with valid values, numbers drawn half the time from the
 * thresholds the catalogue compares them with (where verdicts flip) and half
 * the time from the whole domain.
 */
import fc from 'fast-check';
import type { Answers, Catalogue, FactDefinition, FactValue } from '../../../rules/catalogue';
import { implicationsOf, type Implication } from '../../../rules/answers';
import { compileCatalogue } from '../../../rules/compile-catalogue';
import { probeValues } from '../../../rules/probe-values';

/** Money and counts have no upper bound in the vocabulary; generated values stay realistic. */
const OPEN_MAX = { integer: 1_000, number: 50_000 };

function valueArbitrary(catalogue: Catalogue, definition: FactDefinition, asOf: string): fc.Arbitrary<FactValue> {
  switch (definition.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(definition.options ?? []).map((o) => o.value));
    default: {
      const min = definition.min ?? 0;
      const max = definition.max ?? (definition.type === 'percent' ? 100 : OPEN_MAX[definition.type]);
      const free =
        definition.type === 'integer'
          ? fc.integer({ min, max })
          : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 100) / 100);
      const edges = probeValues(compileCatalogue(catalogue, asOf), definition.fact).filter(
        (v): v is number => typeof v === 'number' && v >= min && v <= max,
      );
      return edges.length > 0 ? fc.oneof(fc.constantFrom(...edges), free) : free;
    }
  }
}

/**
 * Corrects answers that contradict what the engine infers (a team without a
 * company holding a 高企 certificate, a Shanghai company in the Zhejiang
 * county): a founder cannot be both, and the engine infers one from the other.
 */
function consistent(rules: readonly Implication[], answers: Partial<Record<string, FactValue>>): Answers {
  const result = { ...answers } as Record<string, FactValue>;
  for (const { when, then } of rules) {
    const holds = when.value === undefined ? result[when.fact] !== undefined : result[when.fact] === when.value;
    if (holds && result[then.fact] !== undefined) result[then.fact] = then.value;
  }
  return result;
}

/**
 * One pass in this order: what a "yes" implies first (a certificate wins over
 * "no company"), then what a "no" implies, then what any answer implies (a
 * founder in Huangpu is not also registered outside Shanghai).
 */
function correctionOrder(catalogue: Catalogue): Implication[] {
  const rank = (rule: Implication) => (rule.when.value === true ? 0 : rule.when.value !== undefined ? 1 : 2);
  return [...implicationsOf(catalogue)].sort((a, b) => rank(a) - rank(b));
}

/** Any valid, consistent set of answers (each fact present or not). */
export function answersArbitrary(catalogue: Catalogue, asOf: string): fc.Arbitrary<Answers> {
  const rules = correctionOrder(catalogue);
  const model: Record<string, fc.Arbitrary<FactValue>> = {};
  for (const definition of Object.values(catalogue.facts))
    model[definition.fact] = valueArbitrary(catalogue, definition, asOf);
  return fc.record(model, { requiredKeys: [] }).map((answers) => consistent(rules, answers));
}

/** A complete profile: every fact answered (a founder who knows everything), left consistent. */
export function fullProfileArbitrary(catalogue: Catalogue, asOf: string): fc.Arbitrary<Answers> {
  const rules = correctionOrder(catalogue);
  const model: Record<string, fc.Arbitrary<FactValue>> = {};
  for (const definition of Object.values(catalogue.facts))
    model[definition.fact] = valueArbitrary(catalogue, definition, asOf);
  return fc.record(model).map((answers) => consistent(rules, answers));
}

/**
 * A deterministic batch of profiles (same seed, same profiles), passed
 * through JSON as answers arrive from the API or the database (fast-check
 * builds its records in a way V8 keeps in slow dictionary mode).
 */
export function sampleProfiles(catalogue: Catalogue, asOf: string, count: number, seed = 20261123): Answers[] {
  return fc
    .sample(answersArbitrary(catalogue, asOf), { numRuns: count, seed })
    .map((p) => JSON.parse(JSON.stringify(p)) as Answers);
}
