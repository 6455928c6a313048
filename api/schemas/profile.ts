import { z } from 'zod';
import { answersSchema } from './common';

export const profileRequest = z.strictObject({ answers: answersSchema });

export const profileResponse = z.object({
  answers: z.record(z.string(), z.union([z.boolean(), z.number(), z.string()])),
});
