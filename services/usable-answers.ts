/**
 * Stored answers that the catalogue in force still accepts. Content changes
 * (a fact renamed, a range narrowed) must not lock a founder out of their
 * assessment: answers the vocabulary now rejects are left out (unknown)
 * instead of failing every request.
 */
import { ValidationError } from '../errors';
import { isFact, validateAnswers } from '../rules';
import type { Answers, Catalogue } from '../rules/catalogue';

export function usableAnswers(catalogue: Catalogue, stored: Answers): Answers {
  const known = Object.fromEntries(Object.entries(stored).filter(([fact]) => isFact(catalogue, fact)));
  try {
    return validateAnswers(catalogue, known);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
  }
  // Rare path: keep each answer that is valid on its own.
  const kept: Record<string, unknown> = {};
  for (const [fact, value] of Object.entries(known)) {
    try {
      validateAnswers(catalogue, { [fact]: value });
      kept[fact] = value;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
    }
  }
  return validateAnswers(catalogue, kept);
}
