/**
 * A fact of the vocabulary by name. Names often come from a request (an
 * answer's key, a skipped fact, a question to revisit): own keys only, so
 * 'constructor', 'toString' or '__proto__' are no facts, where `name in facts`
 * would find Object.prototype's members.
 */
import type { Catalogue, FactDefinition } from './catalogue';

export function isFact(catalogue: Pick<Catalogue, 'facts'>, name: string): boolean {
  return Object.hasOwn(catalogue.facts, name);
}

export function factDefinition(catalogue: Pick<Catalogue, 'facts'>, name: string): FactDefinition | undefined {
  return isFact(catalogue, name) ? catalogue.facts[name] : undefined;
}
