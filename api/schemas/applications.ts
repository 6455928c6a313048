import { z } from 'zod';
import { identifier } from './common';

/** `<window id>` or `<window id>:<year>`, as GET /api/v1/me/applications (and the policy's windows) give it. */
const windowKey = z
  .string()
  .min(1)
  .max(96)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits, dot, dash, underscore or colon')
  .meta({ example: 'yearly-evaluation:2026' });

export const applicationRequest = z.strictObject({
  policy: identifier.meta({ description: 'the policy id' }),
  window_key: windowKey,
  applied: z.boolean().meta({ description: 'true: I applied in this window; false: I did not' }),
});

export const applicationSchema = z.object({
  policy: z.string(),
  title: z.string().nullable().meta({ description: 'null when the policy has left the catalogue' }),
  window_key: z.string(),
  closes_on: z.string().nullable(),
  status: z
    .enum(['asked', 'applied', 'not_applied'])
    .meta({ description: 'asked: the reminder follow-up is waiting for an answer' }),
  asked_at: z.string(),
  answered_at: z.string().nullable(),
});

export const applicationListResponse = z.object({ applications: z.array(applicationSchema) });
