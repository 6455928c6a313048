import type { Subscription } from '../../entities';
import type { Services } from '../../services';
import { founderOf } from '../middleware/founder-auth';
import type { ApiRouter } from '../route';
import {
  subscribeRequest,
  subscriptionListResponse,
  subscriptionSchema,
  unsubscribeQuery,
  unsubscribeResponse,
} from '../schemas/subscriptions';

const present = (s: Subscription) => ({
  id: s.id,
  scope: s.scope,
  channel: s.channel,
  template_ids: s.templateIds,
  status: s.status,
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
      ctx.body = { subscriptions: (await subscriptions.list(founderOf(ctx))).map(present) };
    },
  );
  api.route(
    {
      method: 'post',
      path: '/api/v1/me/subscriptions',
      tag: 'subscriptions',
      summary: 'Remind me about a policy (or * = everything that fits me)',
      description:
        '201 when created, 200 when it existed (accepted templates are added, a refused subscription is active again).',
      auth: 'founder',
      body: subscribeRequest,
      status: 201,
      response: subscriptionSchema,
    },
    async (ctx, { body }) => {
      const { subscription, created } = await subscriptions.save(founderOf(ctx), {
        scope: body.scope,
        channel: body.channel,
        templateIds: body.template_ids,
      });
      ctx.status = created ? 201 : 200;
      ctx.body = present(subscription);
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
