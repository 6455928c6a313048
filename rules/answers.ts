/**
 * The answers the engine reasons with: what the founder said, what follows
 * from it, then the defaults of the vocabulary. Implied facts are never asked
 * (a 高企 certificate means a registered company; a team without a company
 * holds no company certificates).
 */
import type { Answers, Catalogue, FactValue } from './catalogue';

export interface Implication {
  when: { fact: string; value: FactValue };
  then: { fact: string; value: FactValue };
}

const CERTIFICATES = ['is_tech_sme', 'is_high_tech_enterprise', 'is_specialized_sme'];

export const IMPLICATIONS: readonly Implication[] = [
  // Only a registered company can hold these certificates …
  ...CERTIFICATES.map((fact) => ({ when: { fact, value: true }, then: { fact: 'company_registered', value: true } })),
  // … so a team that has not registered holds none of them.
  ...CERTIFICATES.map((fact) => ({ when: { fact: 'company_registered', value: false }, then: { fact, value: false } })),
];

/** Facts that decide which regional policies apply, and what a named district implies for them. */
export const REGION_FACT = 'region';
export const DISTRICT_FACT = 'district';
export const SHANGHAI_FACT = 'registered_in_shanghai';

export type EffectiveAnswers = Record<string, FactValue>;

/** Fills absent facts from implications (to a fixpoint), then from defaults. Answers always win. */
export function effectiveAnswers(catalogue: Catalogue, answers: Answers): EffectiveAnswers {
  const result: EffectiveAnswers = { ...answers };
  applyImplications(catalogue, result);
  for (const fact in catalogue.facts) {
    const fallback = catalogue.facts[fact]!.default;
    if (fallback !== undefined && result[fact] === undefined) result[fact] = fallback;
  }
  return result;
}

function applyImplications(catalogue: Catalogue, result: EffectiveAnswers): void {
  // A Shanghai district, or a company registered in Shanghai, settles the region.
  const inShanghai = result[DISTRICT_FACT] !== undefined || result[SHANGHAI_FACT] === true;
  if (inShanghai && result[REGION_FACT] === undefined && REGION_FACT in catalogue.facts) result[REGION_FACT] = 'shanghai';
  for (let changed = true; changed; ) {
    changed = false;
    for (const { when, then } of IMPLICATIONS) {
      if (result[when.fact] === when.value && result[then.fact] === undefined && then.fact in catalogue.facts) {
        result[then.fact] = then.value;
        changed = true;
      }
    }
  }
}

/** Whether a fact is answered or follows from the answers (defaults do not count). */
export function isSettled(catalogue: Catalogue, answers: Answers, fact: string): boolean {
  if (answers[fact] !== undefined) return true;
  const implied: EffectiveAnswers = { ...answers };
  applyImplications(catalogue, implied);
  return implied[fact] !== undefined;
}

/** Whether setting `fact` can add implied facts, so a trial answer needs the full recomputation. */
export function triggersImplication(fact: string): boolean {
  return fact === DISTRICT_FACT || fact === SHANGHAI_FACT || IMPLICATIONS.some((i) => i.when.fact === fact);
}
