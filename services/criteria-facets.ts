/**
 * The facets listings filter on, and their validation. Whether a policy could
 * still apply given some facets is the engine's (rules/facet-filter.ts).
 */
import { ValidationError } from '../errors';
import type { Catalogue } from '../rules/catalogue';
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
