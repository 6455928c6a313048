import { z } from 'zod';
import { REMINDER_CHANNELS } from '../../channels/registry';
import { MAX_TEMPLATE_IDS } from '../../services/subscription-service';
import { identifier, isoDate } from './common';

const scope = identifier.meta({ description: 'a policy id, or * for everything that fits me' });
const channel = z.enum(REMINDER_CHANNELS);

/** wx.requestSubscribeMessage's result per template. */
const templateResult = z.enum(['accept', 'reject', 'ban', 'filter']);

export const subscribeRequest = z
  .strictObject({
    scope,
    channel: channel.default('miniprogram'),
    template_results: z
      .record(z.string().min(1).max(128), templateResult)
      .refine((results) => Object.keys(results).length <= MAX_TEMPLATE_IDS, 'too many templates')
      .optional()
      .meta({
        description:
          'the result of wx.requestSubscribeMessage as the mini-program got it ({"<template id>": "accept" | "reject" | "ban" | "filter"}): each accept is one message that template may carry (one-time subscriptions); a rejected, banned or filtered template is never used. Alternative to template_ids (which counts every id as accepted).',
      }),
    template_ids: z
      .array(z.string().min(1).max(128))
      .max(MAX_TEMPLATE_IDS)
      .optional()
      .meta({
        description: `subscribeMessage templates the founder accepted (wx.requestSubscribeMessage); required for miniprogram. Kept without repeats and added to those of earlier requests: a subscription keeps at most ${MAX_TEMPLATE_IDS} distinct templates, and a request that would take it past that is refused (400).`,
      }),
  })
  .refine(
    (body) =>
      body.channel !== 'miniprogram' ||
      (body.template_ids?.length ?? 0) > 0 ||
      Object.keys(body.template_results ?? {}).length > 0,
    {
      message: 'a miniprogram subscription needs the template_results (or the accepted template_ids)',
      path: ['template_ids'],
    },
  )
  .refine(
    (body) =>
      body.channel !== 'wechat' ||
      ((body.template_ids?.length ?? 0) === 0 && Object.keys(body.template_results ?? {}).length === 0),
    { message: 'template_ids and template_results only apply to the miniprogram channel', path: ['template_ids'] },
  );

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
  credits_left: z.number().int().nullable().meta({
    description:
      'one-time subscriptions (mini-program): messages the accepted templates can still carry; null for WeChat or long-term subscriptions. Reminders spend them on T-7 first, then T-1, then T-30.',
  }),
  tap_again_before: isoDate.nullable().meta({
    description:
      'the day of the next reminder the credits do not cover: ask the founder to accept the template again (wx.requestSubscribeMessage) before it; null when covered or unknown',
  }),
  created_at: z.string(),
});

export const subscriptionListResponse = z.object({ subscriptions: z.array(subscriptionSchema) });
export const unsubscribeResponse = z.object({ removed: z.number().int() });
