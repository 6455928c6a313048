/**
 * Answers from outside (HTTP body, stored profile, chat) checked against the
 * vocabulary: every bad field is reported at once, by fact name, so a form
 * can mark them all. Percentages are 0–100; integers are whole numbers.
 */
import { ValidationError } from '../errors';
import type { Answers, Catalogue, FactDefinition, FactValue } from './catalogue';
import { factDefinition } from './fact-lookup';
import { formatNumber } from './format-value';
import { messages } from './messages';
import type { ValidationIssue } from './results';

function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === Object.prototype || prototype === null;
}

/** The reason a value does not fit its fact, or null when it fits. */
export function checkValue(definition: FactDefinition, value: unknown): string | null {
  if (value === null || value === undefined) return messages.nullValue;
  switch (definition.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : messages.mustBeBoolean;
    case 'enum': {
      const options = definition.options ?? [];
      if (typeof value === 'string' && options.some((o) => o.value === value)) return null;
      return messages.mustBeOption(options.map((o) => `${o.value}（${o.label}）`).join('、'));
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return messages.mustBeInteger;
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return messages.mustBeNumber;
      break;
    case 'percent':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100)
        return messages.mustBePercent;
      break;
  }
  const number = value as number;
  if (definition.min !== undefined && number < definition.min) return messages.atLeast(formatNumber(definition.min));
  if (definition.max !== undefined && number > definition.max) return messages.atMost(formatNumber(definition.max));
  return null;
}

/** Every problem with the input, empty when it is a valid set of answers. */
export function answerIssues(catalogue: Catalogue, input: unknown): ValidationIssue[] {
  if (!isPlainObject(input)) return [{ fact: '', reason: messages.notAnObject, value: input }];
  const issues: ValidationIssue[] = [];
  // Keys and values from two native calls: Object.entries makes an array per answer, and every
  // request's answers come in their own order and subset, so reading them one by one is slow.
  const facts = Object.keys(input);
  const values = Object.values(input);
  for (let i = 0; i < facts.length; i += 1) {
    const fact = facts[i]!;
    const value = values[i];
    const definition = factDefinition(catalogue, fact);
    const reason = definition ? checkValue(definition, value) : messages.unknownFact;
    if (reason) issues.push({ fact, reason, value });
  }
  return issues;
}

/** The input as Answers, or one ValidationError naming every bad field (path = fact name). */
export function validateAnswers(catalogue: Catalogue, input: unknown): Answers {
  const issues = answerIssues(catalogue, input);
  if (issues.length > 0) {
    throw new ValidationError(
      messages.invalidAnswers(issues.length),
      issues.map((issue) => ({ path: issue.fact, reason: issue.reason })),
    );
  }
  return { ...(input as Record<string, FactValue>) };
}
