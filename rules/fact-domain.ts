/**
 * The values a numeric fact can take when its definition sets no bounds:
 * percentages run 0–100, counts start at 0, plain numbers are unbounded; and
 * the smallest change worth proposing (a whole unit for integers, a hundredth
 * otherwise). Shared by the score ranges, the probe values of nextQuestion
 * and the near-miss search, so all three agree on what a founder could answer.
 */
import type { FactDefinition } from './catalogue';

export function numericDomain(definition: FactDefinition | undefined): [number, number] {
  const low = definition?.min ?? (definition?.type === 'percent' || definition?.type === 'integer' ? 0 : -Infinity);
  const high = definition?.max ?? (definition?.type === 'percent' ? 100 : Infinity);
  return [low, high];
}

export function numericStep(definition: FactDefinition | undefined): number {
  return definition?.type === 'integer' ? 1 : 0.01;
}
