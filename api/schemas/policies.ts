import { z } from 'zod';
import { answersInQuery, answersSchema, isoDate, queryFlag } from './common';
import { policyResultSchema } from './eligibility';

export const policyListQuery = z.object({
  region: z
    .string()
    .max(32)
    .optional()
    .meta({ description: 'shanghai or zj-county (national policies always included)' }),
  district: z.string().max(32).optional().meta({ description: 'a Shanghai district, e.g. pudong' }),
  industry: z.string().max(32).optional().meta({ description: 'e.g. ai, biomedicine' }),
  stage: z.string().max(32).optional().meta({ description: 'idea, seed or growth' }),
  open: queryFlag.optional().meta({ description: 'only policies accepting applications on as_of' }),
  closing_soon: queryFlag.optional().meta({ description: 'only policies whose open window closes within 30 days' }),
  q: z.string().max(100).optional().meta({ description: 'free text over title, aliases and keywords' }),
  as_of: isoDate.optional(),
});

export const policyParams = z.object({ id: z.string().min(1).max(200) });
/** POST /api/v1/policies/{id}: the answers in the body, so no URL (and no proxy's log) carries them. */
export const policyDetailBody = z.strictObject({
  answers: answersSchema,
  as_of: isoDate.optional(),
});

export const policyDetailQuery = z.object({
  as_of: isoDate.optional(),
  answers: answersInQuery.optional().meta({
    description:
      'the founder’s answers as JSON (the `answers` of POST /api/v1/eligibility), URL-encoded: the reply then carries `result`, this policy’s full explanation for them',
  }),
});

const benefitSchema = z.object({
  kind: z.string(),
  cap_yuan: z.union([z.number(), z.literal('unknown')]),
  description: z.string(),
  notes: z.string().nullable(),
  confidence: z.enum(['A', 'B', 'C']),
});

const windowSchema = z.object({
  key: z.string(),
  opens: z.string().nullable(),
  closes: z.string().nullable(),
  rolling: z.boolean(),
  note: z.string().nullable(),
  confidence: z.string(),
});

const sourceSchema = z.object({
  title: z.string(),
  number: z.string().nullable(),
  url: z.string().nullable(),
});

export const policySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  authority: z.string(),
  region: z.string(),
  districts: z.array(z.string()),
  topics: z.array(z.string()),
  benefit: benefitSchema,
  open_now: z.boolean(),
  closing_soon: z.boolean(),
  next_window: windowSchema.nullable(),
  verified_at: z.string(),
  confidence: z.enum(['A', 'B', 'C']),
});

export const policyListResponse = z.object({
  as_of: z.string(),
  count: z.number().int(),
  policies: z.array(policySummarySchema),
});

export const policyDetailResponse = policySummarySchema.extend({
  as_of: z.string(),
  in_force: z.boolean(),
  aliases: z.array(z.string()),
  keywords: z.array(z.string()),
  criteria: z
    .unknown()
    .meta({ description: 'the criteria tree in force: all / any / not, {fact, op, value}, {policy}, {score}' }),
  versions: z.array(z.object({ valid_from: z.string(), valid_to: z.string().nullable(), confidence: z.string() })),
  caveats: z.array(z.string()),
  windows: z.array(windowSchema),
  how_to_apply: z.object({
    automatic: z
      .boolean()
      .meta({ description: '免申即享: no application is needed; show `summary` (无需申请…) instead of the steps' }),
    summary: z
      .string()
      .nullable()
      .meta({ description: '“无需申请（免申即享）：…” for an automatic benefit, else null' }),
    steps: z.array(z.string()),
    materials: z.array(z.string()),
    url: z.string().nullable(),
  }),
  sources: z.array(sourceSchema),
  result: policyResultSchema
    .extend({
      outline: z.unknown().meta({
        description:
          'the criteria as a tree the founder can read: groups {group: true, mode: all | any, label, status, parts} and leaves {group: false, fact, status, explanation}',
      }),
    })
    .optional()
    .meta({
      description:
        'with ?answers=: the verdict for those answers with every explanation, as in POST /api/v1/eligibility',
    }),
});
