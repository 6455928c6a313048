/**
 * The answers the engine reasons with: what the founder said, what follows
 * from it, then the defaults of the vocabulary. What follows is declared in
 * content (`implies` in questions.yaml): a 高企 certificate means a
 * registered company; a team without a company holds no company
 * certificates; a Shanghai district settles the region. Implied facts are
 * never asked.
 */
import type { Answers, Catalogue, ComparedAnswer, FactValue } from './catalogue';
import { comparison } from './criteria-node';
import { memoPerObject } from './memo';

/**
 * Visits every answered fact (undefined values are not answers) until `visit`
 * returns false; says whether it got through. Keys and values come from two
 * native calls: answers arrive in many shapes, so reading them one by one
 * (for…in, answers[fact]) is a megamorphic lookup per fact, twice as slow.
 */
export function eachAnswer(answers: Answers, visit: (fact: string, value: FactValue) => boolean): boolean {
  const facts = Object.keys(answers);
  const values = Object.values(answers);
  for (let i = 0; i < facts.length; i += 1) {
    const value = values[i];
    if (value !== undefined && !visit(facts[i]!, value)) return false;
  }
  return true;
}

/** Facts that decide which regional policies apply. */
export const REGION_FACT = 'region';
export const DISTRICT_FACT = 'district';
export const SHANGHAI_FACT = 'registered_in_shanghai';

/**
 * "When `when.fact` is answered `when.value` (or an answer `when.compared`
 * accepts; any answer if neither), `then.fact` takes `then.value`."
 */
export interface Implication {
  when: { fact: string; value?: FactValue; compared?: ComparedAnswer };
  then: { fact: string; value: FactValue };
}

/** Whether only some answers imply (a particular value, or a comparison), not any answer. */
export function onlySomeAnswers(when: Implication['when']): boolean {
  return when.value !== undefined || when.compared !== undefined;
}

/** The answers that imply, as a test; null: any answer does. */
export function whenTest(when: Implication['when']): ((value: FactValue) => boolean) | null {
  if (when.compared) return comparison(when.compared.op, when.compared.value);
  if (when.value !== undefined) return comparison('=', when.value);
  return null;
}

/** The implications the vocabulary declares, one conclusion each, in vocabulary order. */
export const implicationsOf = memoPerObject((catalogue: Catalogue): readonly Implication[] => {
  const rules: Implication[] = [];
  for (const definition of Object.values(catalogue.facts)) {
    for (const { when, then } of definition.implies ?? []) {
      for (const [fact, value] of Object.entries(then)) {
        if (!(fact in catalogue.facts)) continue;
        const answer = when === undefined ? {} : typeof when === 'object' ? { compared: when } : { value: when };
        rules.push({ when: { fact: definition.fact, ...answer }, then: { fact, value } });
      }
    }
  }
  return rules;
});

/** Where implications are applied: facts known so far (answered or implied), by name or by position. */
export interface ImplicationState<F> {
  isKnown(fact: F): boolean;
  valueOf(fact: F): FactValue | undefined;
  imply(fact: F, value: FactValue): void;
}

/** An implication over fact names or positions; `whenHolds` null means any answer. */
export interface ImplicationRule<F> {
  when: F;
  whenHolds: ((value: FactValue) => boolean) | null;
  then: F;
  thenValue: FactValue;
}

/** Applies implications to a fixpoint; what is known (an answer above all) is never overridden. */
export function applyImplications<F>(rules: readonly ImplicationRule<F>[], state: ImplicationState<F>): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const rule of rules) {
      if (!state.isKnown(rule.when) || state.isKnown(rule.then)) continue;
      if (rule.whenHolds && !rule.whenHolds(state.valueOf(rule.when)!)) continue;
      state.imply(rule.then, rule.thenValue);
      changed = true;
    }
  }
}

/** The implications by fact name. */
const rulesByName = memoPerObject((catalogue: Catalogue): readonly ImplicationRule<string>[] =>
  implicationsOf(catalogue).map(({ when, then }) => ({
    when: when.fact,
    whenHolds: whenTest(when),
    then: then.fact,
    thenValue: then.value,
  })),
);

export type EffectiveAnswers = Record<string, FactValue>;

/** The vocabulary's defaults (region → shanghai), computed once per catalogue. */
export const defaultsOf = memoPerObject((catalogue: Catalogue): Readonly<Record<string, FactValue>> => {
  const found: Record<string, FactValue> = {};
  for (const definition of Object.values(catalogue.facts))
    if (definition.default !== undefined) found[definition.fact] = definition.default;
  return found;
});

/** Only the facts that follow from the answers (to a fixpoint); answered facts are never overridden. */
export function impliedFacts(catalogue: Catalogue, answers: Answers): Record<string, FactValue> {
  const implied: Record<string, FactValue> = {};
  applyImplications(rulesByName(catalogue), {
    isKnown: (fact) => answers[fact] !== undefined || implied[fact] !== undefined,
    valueOf: (fact) => answers[fact] ?? implied[fact],
    imply: (fact, value) => {
      implied[fact] = value;
    },
  });
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

/**
 * What nextQuestion credits an answer with settling. A fact implying something
 * whatever the answer (a district) is credited only with the region, which
 * decides what applies: crediting it with registered_in_shanghai too made every
 * Shanghai policy weigh on probing all sixteen districts (+50% nextQuestion time
 * with no answers) and changed no question asked (report:questions).
 */
const impliedBy = memoPerObject((catalogue: Catalogue): ReadonlyMap<string, readonly string[]> => {
  const byFact = new Map<string, string[]>();
  for (const { when, then } of implicationsOf(catalogue)) {
    if (!onlySomeAnswers(when) && then.fact !== REGION_FACT) continue;
    byFact.set(when.fact, [...(byFact.get(when.fact) ?? []), then.fact]);
  }
  return byFact;
});

/** Facts an answer to `fact` can settle besides itself (a 高企 certificate settles company_registered). */
export function factsImpliedBy(catalogue: Catalogue, fact: string): readonly string[] {
  return impliedBy(catalogue).get(fact) ?? [];
}
