import { z } from 'zod';
import { factValue, identifier } from './common';
import { nextQuestionSchema, policyResultSchema, verdictSummarySchema } from './eligibility';

export const startAssessmentRequest = z
  .strictObject({
    topic: z.string().min(1).max(32).optional().meta({ description: 'a topic word: 落户, 资金, 资质, 创新券…' }),
    policies: z.array(identifier).min(1).max(100).optional(),
  })
  .refine((body) => !(body.topic !== undefined && body.policies !== undefined), {
    message: 'give a topic or a list of policies, not both',
    path: ['topic'],
  });

/** One of: an answer, a skip, or a step back. */
export const assessmentStepRequest = z.union([
  z.strictObject({ fact: identifier, value: factValue }),
  z.strictObject({ skip: identifier }),
  z.strictObject({ back: z.literal(true) }),
]);

export const assessmentParams = z.object({ id: z.string().min(1).max(64) });

export const assessmentResponse = z.object({
  id: z.string(),
  status: z.enum(['open', 'complete']),
  topic: z.string().nullable(),
  policies: z.array(z.string()),
  asked: z.array(z.string()),
  skipped: z.array(z.string()),
  next_question: nextQuestionSchema.nullable(),
  previous_value: factValue.nullable().meta({ description: 'your earlier answer to next_question, after "back"' }),
  progress: z.object({ answered: z.number().int(), remaining: z.number().int() }),
  as_of: z.string(),
  results: z.array(policyResultSchema),
  created_at: z.string(),
  updated_at: z.string(),
});

/** `?view=summary`: the same assessment with each verdict as a list shows it. */
export const assessmentSummaryResponse = assessmentResponse.extend({
  view: z.literal('summary'),
  results: z.array(verdictSummarySchema),
});

/** Full by default; the summary with ?view=summary. */
export const assessmentViewResponse = z.union([assessmentResponse, assessmentSummaryResponse]);

export const assessmentListResponse = z.object({
  assessments: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['open', 'complete']),
      topic: z.string().nullable(),
      created_at: z.string(),
      updated_at: z.string(),
    }),
  ),
});
