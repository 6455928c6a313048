import { z } from 'zod';

export const loginRequest = z.strictObject({
  code: z.string().min(1).max(128).meta({ description: 'the code from wx.login()' }),
});

export const loginResponse = z.object({
  token: z.string().meta({ description: 'send as `Authorization: Bearer <token>`' }),
  token_type: z.literal('Bearer'),
  expires_at: z.string().meta({ format: 'date-time' }),
  founder_id: z.string().meta({ description: 'internal id; the openid never leaves the server' }),
});
