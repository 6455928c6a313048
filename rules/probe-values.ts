/**
 * Representative answers to a fact, used to test whether answering it could
 * change a verdict: both options of a boolean, every enum option, and for a
 * number the values just either side of every threshold the catalogue
 * compares it with (criteria and score bands). Between two thresholds every
 * value behaves the same, so these few values cover the whole domain.
 */
import type { FactDefinition, FactValue, ScoreComponent } from './catalogue';
import { walkCriterion, type CompiledCatalogue } from './compile-catalogue';
import { numericDomain, numericStep } from './fact-domain';
import { memoPerPair } from './memo';

/** Every threshold a fact is compared with, with the side each comparison flips on. */
function thresholds(compiled: CompiledCatalogue, fact: string): { value: number; strictAbove: boolean }[] {
  const found: { value: number; strictAbove: boolean }[] = [];
  const addComponent = (component: ScoreComponent): void => {
    if ('fact' in component) {
      if (component.fact === fact)
        for (const band of component.bands) found.push({ value: band.min, strictAbove: false });
    } else component.best_of.forEach(addComponent);
  };
  for (const policy of compiled.policies) {
    if (!policy.facts.has(fact)) continue;
    walkCriterion(policy.criteria, (leaf) => {
      if (!('fact' in leaf) || leaf.fact !== fact || typeof leaf.value !== 'number') return;
      // `x > t` and `x <= t` change between t and t + step; `>=` and `<` between t − step and t.
      found.push({ value: leaf.value, strictAbove: leaf.op === '>' || leaf.op === '<=' });
    });
    for (const table of Object.values(policy.scores)) table.components.forEach(addComponent);
  }
  return found;
}

function numericProbes(compiled: CompiledCatalogue, definition: FactDefinition): number[] {
  const step = numericStep(definition);
  const [low, high] = numericDomain(definition);
  const values = new Set<number>();
  const add = (value: number) => {
    const rounded = Math.round(value * 100) / 100;
    if (rounded >= low && rounded <= high) values.add(rounded);
  };
  for (const { value, strictAbove } of thresholds(compiled, definition.fact)) {
    add(value);
    add(strictAbove ? value + step : value - step);
  }
  if (values.size === 0) add(Number.isFinite(low) ? low : 0);
  return [...values].sort((a, b) => a - b);
}

/** Worked out once per fact of a compiled catalogue. */
const probesOf = memoPerPair((compiled: CompiledCatalogue, definition: FactDefinition): FactValue[] => {
  if (definition.type === 'boolean') return [true, false];
  if (definition.type === 'enum') return (definition.options ?? []).map((o) => o.value);
  return numericProbes(compiled, definition);
});

export function probeValues(compiled: CompiledCatalogue, fact: string): FactValue[] {
  const definition = compiled.catalogue.facts[fact];
  return definition ? probesOf(compiled, definition) : [];
}
