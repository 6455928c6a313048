import { z } from 'zod';
import type { Services } from '../../services';
import { founderOf } from '../middleware/founder-auth';
import type { ApiRouter } from '../route';

const applicationsResponse = z.object({
  applications: z.array(
    z.object({
      policy: z.string(),
      title: z.string().nullable(),
      window_key: z.string(),
      closes_on: z.string().nullable(),
      status: z.enum(['asked', 'applied', 'not_applied']),
      asked_at: z.string(),
      answered_at: z.string().nullable(),
    }),
  ),
});

/** DELETE /api/v1/me (erase everything personal) and GET /api/v1/me/applications. */
export function meRoutes(api: ApiRouter, services: Services): void {
  api.route(
    {
      method: 'delete',
      path: '/api/v1/me',
      tag: 'me',
      summary: 'Erase me: profile, answers, assessments, sessions, subscriptions, reminders, application records',
      description: 'Answers 204. The session token stops working at once; nothing personal is kept.',
      auth: 'founder',
      status: 204,
    },
    async (ctx) => {
      await services.founders.erase(founderOf(ctx));
      ctx.status = 204;
    },
  );
  api.route(
    {
      method: 'get',
      path: '/api/v1/me/applications',
      tag: 'me',
      summary: 'My application tracker: the windows I was reminded of and whether I applied',
      auth: 'founder',
      response: applicationsResponse,
    },
    async (ctx) => {
      const entries = await services.applications.listApplications(founderOf(ctx));
      ctx.body = {
        applications: entries.map((entry) => ({
          policy: entry.policyId,
          title: services.catalogue.policy(entry.policyId)?.title ?? null,
          window_key: entry.windowKey,
          closes_on: entry.closesOn,
          status: entry.status,
          asked_at: entry.askedAt.toISOString(),
          answered_at: entry.answeredAt?.toISOString() ?? null,
        })),
      };
    },
  );
}
