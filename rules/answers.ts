/**
 * The answers the engine reasons with: what the founder said, what follows
 * from it, then the defaults of the vocabulary. Implied facts are never asked
 * (a 高企 certificate means a registered company; a team without a company
 * holds no company certificates).
 */
import type { Answers, Catalogue, FactValue } from './catalogue';
import { memoPerObject } from './memo';

export interface Implication {
  when: { fact: string; value: FactValue };
  then: { fact: string; value: FactValue };
}

const CERTIFICATES = ['is_tech_sme', 'is_innovative_sme', 'is_high_tech_enterprise', 'is_specialized_sme'];

/** Facts that decide which regional policies apply, and what a named district implies for them. */
export const REGION_FACT = 'region';
export const DISTRICT_FACT = 'district';
export const SHANGHAI_FACT = 'registered_in_shanghai';

/**
 * What any answer to `district` implies (the district list is Shanghai's): the
 * region, and that the company is (or will be) registered in Shanghai.
 */
export const DISTRICT_IMPLIES: readonly { fact: string; value: FactValue }[] = [
  { fact: REGION_FACT, value: 'shanghai' },
  { fact: SHANGHAI_FACT, value: true },
];

export const IMPLICATIONS: readonly Implication[] = [
  // Only a registered company can hold these certificates …
  ...CERTIFICATES.map((fact) => ({ when: { fact, value: true }, then: { fact: 'company_registered', value: true } })),
  // … so a team that has not registered holds none of them.
  ...CERTIFICATES.map((fact) => ({ when: { fact: 'company_registered', value: false }, then: { fact, value: false } })),
  // A company registered in Shanghai gets Shanghai's policies, not the county pack's.
  { when: { fact: SHANGHAI_FACT, value: true }, then: { fact: REGION_FACT, value: 'shanghai' } },
];

export type EffectiveAnswers = Record<string, FactValue>;

/** The vocabulary's defaults (region → shanghai), computed once per catalogue. */
export const defaultsOf = memoPerObject((catalogue: Catalogue): Readonly<Record<string, FactValue>> => {
  const found: Record<string, FactValue> = {};
  for (const definition of Object.values(catalogue.facts))
    if (definition.default !== undefined) found[definition.fact] = definition.default;
  return found;
});

/** The implications whose conclusion the vocabulary knows. */
const implicationsOf = memoPerObject((catalogue: Catalogue): readonly Implication[] =>
  IMPLICATIONS.filter((i) => i.then.fact in catalogue.facts),
);

/** Only the facts that follow from the answers (to a fixpoint); answered facts are never overridden. */
export function impliedFacts(catalogue: Catalogue, answers: Answers): Record<string, FactValue> {
  const implied: Record<string, FactValue> = {};
  // A Shanghai district settles the region and where the company is.
  if (answers[DISTRICT_FACT] !== undefined) {
    for (const { fact, value } of DISTRICT_IMPLIES)
      if (answers[fact] === undefined && fact in catalogue.facts) implied[fact] = value;
  }
  const rules = implicationsOf(catalogue);
  for (let changed = true; changed;) {
    changed = false;
    for (const { when, then } of rules) {
      const cause = answers[when.fact] ?? implied[when.fact];
      if (cause === when.value && (answers[then.fact] ?? implied[then.fact]) === undefined) {
        implied[then.fact] = then.value;
        changed = true;
      }
    }
  }
  return implied;
}

/** Answers, then implications, then defaults, as one object. Answers always win. */
export function effectiveAnswers(catalogue: Catalogue, answers: Answers): EffectiveAnswers {
  return { ...defaultsOf(catalogue), ...impliedFacts(catalogue, answers), ...answers };
}

/** Whether a fact is answered or follows from the answers (defaults do not count). */
export function isSettled(catalogue: Catalogue, answers: Answers, fact: string): boolean {
  return answers[fact] !== undefined || impliedFacts(catalogue, answers)[fact] !== undefined;
}

const IMPLIED_BY = new Map<string, string[]>([[DISTRICT_FACT, [REGION_FACT]]]);
for (const { when, then } of IMPLICATIONS) IMPLIED_BY.set(when.fact, [...(IMPLIED_BY.get(when.fact) ?? []), then.fact]);

/** Facts an answer to `fact` can settle besides itself (a 高企 certificate settles company_registered). */
export function factsImpliedBy(fact: string): readonly string[] {
  return IMPLIED_BY.get(fact) ?? [];
}
