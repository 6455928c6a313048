/**
 * The eligibility request as most clients send it, checked without zod: an
 * object of answers (and perhaps `policies` and `skipped`), each value a
 * boolean, a finite number or a short string. zod's walk over the answers
 * was ~10 % of an uncached check's CPU (issue 21 §3), and the fact
 * vocabulary is checked again by the engine anyway (rules/validate-answers).
 *
 * It accepts only bodies `eligibilityRequest` accepts, and gives them back
 * unchanged (the handler reads them, never writes); for anything else,
 * `as_of` included, it answers undefined and the schema decides, so every
 * 400 and its details stay the schema's (test/api/eligibility-body-fast-path.test.ts).
 */
import type { z } from 'zod';
import type { eligibilityRequest } from './eligibility';

type EligibilityRequest = z.output<typeof eligibilityRequest>;

/** The limits of the schemas in ./common and ./eligibility. */
const MAX_ANSWERS = 200;
const MAX_FACT_CHARS = 64;
const MAX_STRING_CHARS = 200;
const MAX_POLICIES = 100;
const MAX_SKIPPED = 200;
const IDENTIFIER = /^[A-Za-z0-9*][A-Za-z0-9._*:-]*$/;
/** Refused by answersSchema (they would reach Object.prototype). */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plainAnswers(answers: unknown): boolean {
  if (!isRecord(answers) || Object.getPrototypeOf(answers) !== Object.prototype) return false;
  const facts = Object.keys(answers);
  if (facts.length > MAX_ANSWERS) return false;
  for (const fact of facts) {
    if (fact.length > MAX_FACT_CHARS || PROTOTYPE_KEYS.has(fact)) return false;
    const value = answers[fact];
    if (typeof value === 'boolean') continue;
    if (
      typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string' || value.length > MAX_STRING_CHARS
    )
      return false;
  }
  return true;
}

function identifiers(ids: unknown, max: number): boolean {
  if (ids === undefined) return true;
  if (!Array.isArray(ids) || ids.length > max) return false;
  for (const id of ids as unknown[]) {
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_FACT_CHARS || !IDENTIFIER.test(id)) return false;
  }
  return true;
}

/** The body itself when it is a plain request the schema accepts as it is; otherwise undefined. */
export function plainEligibilityBody(body: unknown): EligibilityRequest | undefined {
  if (!isRecord(body) || Object.getPrototypeOf(body) !== Object.prototype) return undefined;
  for (const key in body) if (key !== 'answers' && key !== 'policies' && key !== 'skipped') return undefined;
  if (!plainAnswers(body.answers)) return undefined;
  if (!identifiers(body.policies, MAX_POLICIES) || !identifiers(body.skipped, MAX_SKIPPED)) return undefined;
  return body as EligibilityRequest;
}
