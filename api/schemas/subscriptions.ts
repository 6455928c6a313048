import { z } from 'zod';
import { MAX_TEMPLATE_IDS } from '../../services/subscription-service';
import { identifier } from './common';

const scope = identifier.meta({ description: 'a policy id, or * for everything that fits me' });
const channel = z.enum(['miniprogram', 'wechat']);

export const subscribeRequest = z
  .strictObject({
    scope,
    channel: channel.default('miniprogram'),
    template_ids: z
      .array(z.string().min(1).max(128))
      .max(MAX_TEMPLATE_IDS)
      .optional()
      .meta({
        description: `subscribeMessage templates the founder accepted (wx.requestSubscribeMessage); required for miniprogram. Kept without repeats and added to those of earlier requests: a subscription keeps at most ${MAX_TEMPLATE_IDS} distinct templates, and a request that would take it past that is refused (400).`,
      }),
  })
  .refine((body) => body.channel !== 'miniprogram' || (body.template_ids?.length ?? 0) > 0, {
    message: 'a miniprogram subscription needs the accepted template_ids',
    path: ['template_ids'],
  })
  .refine((body) => body.channel !== 'wechat' || (body.template_ids?.length ?? 0) === 0, {
    message: 'template_ids only apply to the miniprogram channel',
    path: ['template_ids'],
  });

export const unsubscribeQuery = z.object({
  scope: scope.optional(),
  channel: channel.optional(),
});

export const subscriptionSchema = z.object({
  id: z.number().int(),
  scope: z.string(),
  channel,
  template_ids: z.array(z.string()),
  status: z.enum(['active', 'refused']),
  created_at: z.string(),
});

export const subscriptionListResponse = z.object({ subscriptions: z.array(subscriptionSchema) });
export const unsubscribeResponse = z.object({ removed: z.number().int() });
