/**
 * Building blocks shared by the request and response schemas. Request bodies
 * are strict objects: an unknown field is a client mistake (400), not noise.
 */
import { z } from 'zod';

/** `YYYY-MM-DD` that is a real calendar date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }, 'not a calendar date')
  .meta({ format: 'date', example: '2026-11-23' });

/** Ids of policies, facts and incubators: short, printable, no spaces. */
export const identifier = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9*][A-Za-z0-9._*:-]*$/, 'letters, digits, dot, dash, underscore or colon');

export const factValue = z.union([z.boolean(), z.number(), z.string().max(200)]);

/**
 * Keys that name no fact but would reach Object.prototype: refused as
 * unknown facts are, where zod's record would drop `__proto__` without a word.
 */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Facts → values; the fact vocabulary itself is checked by the rules engine. */
export const answersSchema = z
  .preprocess(
    (input, ctx) => {
      if (typeof input !== 'object' || input === null) return input;
      for (const key of PROTOTYPE_KEYS.filter((name) => Object.hasOwn(input, name))) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'not a fact' });
      }
      return input;
    },
    z.record(z.string().max(64), factValue),
  )
  .refine((answers) => Object.keys(answers).length <= 200, 'too many answers')
  .meta({
    description: 'fact name → value, with the vocabulary of docs/facts.md',
    example: { district: 'pudong', employees: 40 },
  });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'validation_error' }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), reason: z.string() })),
    }),
  })
  .meta({ description: 'every error: 400 validation (unknown fields too), 401, 403, 404, 413, 415, 429, 502, 503' });

/** Query flags: `?open=true`, `?open=1`, `?open` all mean yes. */
export const queryFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((value) => value === 'true' || value === '1' || value === '');

export const idParams = z.object({ id: identifier });

export const sourceText = z.string().meta({ description: 'a citation: title, document number, URL' });

/** The founder's answers in a GET: the check's `answers` object as JSON, URL-encoded. */
export const answersInQuery = z
  .string()
  .max(4096)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'answers must be a JSON object' });
      return z.NEVER;
    }
  })
  .pipe(answersSchema)
  .meta({
    description:
      'the founder’s answers as JSON (the `answers` of POST /api/v1/eligibility), URL-encoded: what the reply is about (see the endpoint)',
  });
