/**
 * POST /api/v1/eligibility: exactly the contract in docs/api-contract.md, plus a
 * few extra fields (caveats, window, verified_at, ladder) that clients may
 * ignore. snake_case at the edge.
 */
import { z } from 'zod';
import { answersSchema, identifier, isoDate, sourceText } from './common';

export const eligibilityRequest = z.strictObject({
  answers: answersSchema,
  as_of: isoDate.optional(),
  policies: z.array(identifier).max(100).optional(),
  skipped: z.array(identifier).max(200).optional(),
});

const truth = z.enum(['met', 'not_met', 'unknown']);
export const policyStatus = z.enum(['eligible', 'not_eligible', 'maybe', 'not_in_force']).meta({
  description:
    'not_in_force: no version of the policy applies on as_of; nothing is evaluated (criteria, missing and near_miss are empty) and the first caveat says why',
});

export const windowSchema = z.object({
  key: z.string(),
  opens: isoDate.nullable(),
  closes: isoDate.nullable(),
  rolling: z.boolean(),
  note: z.string().nullable(),
});

export const policyResultSchema = z.object({
  policy: z.string().meta({ example: 'cn.high-tech-enterprise' }),
  title: z.string(),
  status: policyStatus,
  criteria: z.array(z.object({ fact: z.string(), status: truth, explanation: z.string() })),
  missing: z.array(z.string()),
  near_miss: z.array(z.object({ fact: z.string(), needed: z.number(), current: z.number(), explanation: z.string() })),
  benefit: z.string(),
  /** The next closing date (YYYY-MM-DD), 常年受理 for rolling windows, null when none is known. */
  deadline: z.string().nullable(),
  sources: z.array(sourceText),
  verified_at: isoDate,
  caveats: z.array(z.string()),
  to_check: z.array(z.string()).meta({
    description:
      'hard conditions the founder must check themselves (not encoded, or rules from uncertain sources); while any is listed the status is never eligible',
  }),
  window: windowSchema.nullable(),
  not_needed: z.string().nullable(),
});

export const nextQuestionSchema = z.object({
  fact: z.string(),
  text: z.string(),
  type: z.enum(['boolean', 'integer', 'number', 'percent', 'enum']),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  unit: z.string().nullable(),
  example: z.string().nullable(),
  why: z.string().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});

export const eligibilityResponse = z.object({
  as_of: isoDate,
  results: z.array(policyResultSchema),
  next_question: nextQuestionSchema.nullable(),
  ladder: z.unknown().meta({ description: 'where the founder stands on 科小 → 高企 → 专精特新 → 小巨人' }),
  benefits: z.unknown().meta({ description: 'the sum of known caps for eligible and maybe policies' }),
});

/** `?view=summary`: a list a phone can afford; `full` (the default) is every explanation. */
export const replyView = z.enum(['summary', 'full']).meta({
  description:
    'summary: per policy only what a list shows (status, title, benefit line, failed and missing conditions by name, near miss, deadline), a few KB; full (default): every explanation',
});
export const viewQuery = z.strictObject({ view: replyView.optional() });

export const verdictSummarySchema = z
  .object({
    policy: z.string().meta({ example: 'cn.high-tech-enterprise' }),
    title: z.string(),
    status: policyStatus,
    /** The benefit's first clause. */
    benefit: z.string(),
    /** Names of the conditions a not_eligible verdict failed on (values and thresholds are in the full view). */
    failed: z.array(z.string()).optional(),
    /** Names of the facts still needed. */
    missing: z.array(z.string()).optional(),
    near_miss: z.array(z.string()).optional(),
    deadline: z.string().optional(),
  })
  .meta({ description: 'A list absent is empty; a deadline absent is unknown (bytes count on a phone).' });

export const eligibilitySummaryResponse = z.object({
  as_of: isoDate,
  view: z.literal('summary'),
  results: z.array(verdictSummarySchema),
  next_question: nextQuestionSchema.nullable(),
});
