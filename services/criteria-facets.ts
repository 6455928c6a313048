/**
 * Facet filters over criteria trees ("policies for the AI industry"): could a
 * policy still apply when only these facts are known? Three-valued like the
 * engine (Kleene), but deliberately without the engine's defaults and policy
 * references: a facet filter must only rule out what the given facts rule out.
 */
import { ValidationError } from '../errors';
import type { Catalogue, Criterion, FactValue, PolicyVersion } from '../rules/catalogue';
import { errorMessages } from './error-messages';

/** The facets a listing filters on (policies and incubators alike). */
export const FACETS = ['region', 'district', 'industry', 'stage'] as const;
export type Facet = (typeof FACETS)[number];

/** A facet value must be an option of the fact vocabulary: a typo is a 400, not an empty list. */
export function requireFacetOption(catalogue: Catalogue, fact: Facet, value: string): void {
  const options = catalogue.facts[fact]?.options;
  if (!options || options.some((option) => option.value === value)) return;
  throw new ValidationError(errorMessages.unknownOption(catalogue.facts[fact]?.label ?? fact), [
    { path: `query.${fact}`, reason: `one of ${options.map((o) => o.value).join(', ')}` },
  ]);
}

type Truth = 'met' | 'not_met' | 'unknown';

function compare(op: string, actual: FactValue, expected: FactValue | FactValue[]): boolean {
  if (op === 'in') return Array.isArray(expected) && expected.includes(actual);
  if (Array.isArray(expected)) return false;
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    default:
      return false;
  }
}

function truthOf(criterion: Criterion, known: Readonly<Record<string, FactValue>>): Truth {
  if ('all' in criterion) {
    const parts = criterion.all.map((c) => truthOf(c, known));
    return parts.includes('not_met') ? 'not_met' : parts.includes('unknown') ? 'unknown' : 'met';
  }
  if ('any' in criterion) {
    const parts = criterion.any.map((c) => truthOf(c, known));
    return parts.includes('met') ? 'met' : parts.includes('unknown') ? 'unknown' : 'not_met';
  }
  if ('not' in criterion) {
    const inner = truthOf(criterion.not, known);
    return inner === 'met' ? 'not_met' : inner === 'not_met' ? 'met' : 'unknown';
  }
  if ('fact' in criterion) {
    const actual = known[criterion.fact];
    if (actual === undefined) return 'unknown';
    return compare(criterion.op, actual, criterion.value) ? 'met' : 'not_met';
  }
  return 'unknown';
}

/** False only when the known facts alone make the version's criteria fail. */
export function couldApply(version: PolicyVersion, known: Readonly<Record<string, FactValue>>): boolean {
  return truthOf(version.criteria, known) !== 'not_met';
}
