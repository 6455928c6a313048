import { z } from 'zod';
import { answersInQuery, answersSchema } from './common';

export const incubatorListQuery = z.object({
  region: z.string().max(32).optional().meta({ description: 'shanghai or zj-county' }),
  district: z.string().max(32).optional(),
  industry: z.string().max(32).optional(),
  stage: z.string().max(32).optional(),
  level: z.string().max(32).optional().meta({ description: '国家级, 市级, 众创空间, 大学科技园…' }),
  q: z.string().max(100).optional(),
  match: z.literal('me').optional().meta({ description: 'rank by my profile (needs a session token), with reasons' }),
  answers: answersInQuery.optional().meta({
    description:
      'rank for these answers (the `answers` of POST /api/v1/eligibility as URL-encoded JSON), with reasons: no session needed',
  }),
});

/** POST /api/v1/incubators: the ranking for answers, with the answers in the body instead of the URL. */
export const incubatorMatchBody = z.strictObject({
  answers: answersSchema,
  district: z.string().max(32).optional(),
  industry: z.string().max(32).optional(),
  stage: z.string().max(32).optional(),
  level: z.string().max(32).optional(),
});

export const incubatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  district: z.string().nullable(),
  level: z.string(),
  industries: z.array(z.string()),
  stages: z.array(z.string()),
  services: z.array(z.string()),
  address: z.string(),
  summary: z.string().nullable(),
  sources: z.array(z.object({ title: z.string(), number: z.string().nullable(), url: z.string().nullable() })),
  verified_at: z.string(),
  confidence: z.enum(['A', 'B', 'C']),
  reasons: z.array(z.string()).optional().meta({ description: 'with ?match=me: why it fits you' }),
  score: z.number().nullable().optional(),
});

export const incubatorListResponse = z.object({
  count: z.number().int(),
  matched: z.boolean(),
  incubators: z.array(incubatorSchema),
});
