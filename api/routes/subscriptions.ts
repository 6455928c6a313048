import type { Services } from '../../services';
import type { SubscriptionCredits } from '../../services/subscription-service';
import { founderOf } from '../middleware/founder-auth';
import type { ApiRouter } from '../route';
import {
  subscribeRequest,
  subscriptionListResponse,
  subscriptionSchema,
  unsubscribeQuery,
  unsubscribeResponse,
} from '../schemas/subscriptions';

const present = ({ subscription: s, creditsLeft, tapAgainBefore }: SubscriptionCredits) => ({
  id: s.id,
  scope: s.scope,
  channel: s.channel,
  template_ids: s.templateIds,
  status: s.status,
  credits_left: creditsLeft,
  tap_again_before: tapAgainBefore,
  created_at: s.createdAt.toISOString(),
});

/** GET/POST/DELETE /api/v1/me/subscriptions: deadline reminders. */
export function subscriptionRoutes(api: ApiRouter, services: Services): void {
  const { subscriptions } = services;
  api.route(
    {
      method: 'get',
      path: '/api/v1/me/subscriptions',
      tag: 'subscriptions',
      summary: 'My reminder subscriptions',
      auth: 'founder',
      response: subscriptionListResponse,
    },
    async (ctx) => {
      ctx.body = { subscriptions: (await subscriptions.listWithCredits(founderOf(ctx))).map(present) };
    },
  );
  api.route(
    {
      method: 'post',
      path: '/api/v1/me/subscriptions',
      tag: 'subscriptions',
      summary: 'Remind me about a policy (or * = everything that fits me)',
      description:
        '201 when created, 200 when it existed (accepted templates are added, a refused subscription is active again). ' +
        'Send template_results as wx.requestSubscribeMessage returned them: each accept is one message (one-time subscriptions), and the reply says credits_left and tap_again_before.',
      auth: 'founder',
      body: subscribeRequest,
      status: 201,
      response: subscriptionSchema,
    },
    async (ctx, { body }) => {
      const results = Object.entries(body.template_results ?? {});
      const { created, ...saved } = await subscriptions.save(founderOf(ctx), {
        scope: body.scope,
        channel: body.channel,
        templateIds: [...(body.template_ids ?? []), ...results.filter(([, r]) => r === 'accept').map(([id]) => id)],
        rejectedTemplateIds: results.filter(([, r]) => r !== 'accept').map(([id]) => id),
      });
      ctx.status = created ? 201 : 200;
      ctx.body = present(saved);
    },
  );
  api.route(
    {
      method: 'delete',
      path: '/api/v1/me/subscriptions',
      tag: 'subscriptions',
      summary: 'Stop reminders: all, or those matching ?scope= and/or ?channel=',
      auth: 'founder',
      query: unsubscribeQuery,
      response: unsubscribeResponse,
    },
    async (ctx, { query }) => {
      const filter = {
        ...(query.scope !== undefined ? { scope: query.scope } : {}),
        ...(query.channel !== undefined ? { channel: query.channel } : {}),
      };
      ctx.body = { removed: await subscriptions.unsubscribe(founderOf(ctx), filter) };
    },
  );
}
