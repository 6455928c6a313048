import type { Services } from '../../services';
import type { ApplicationEntry } from '../../services/application-tracker-service';
import { founderOf } from '../middleware/founder-auth';
import type { ApiRouter } from '../route';
import { applicationListResponse, applicationRequest, applicationSchema } from '../schemas/applications';

/** One tracker entry as the API shows it: the policy title from the catalogue in force. */
function present(services: Services, entry: ApplicationEntry) {
  return {
    policy: entry.policyId,
    title: services.catalogue.policy(entry.policyId)?.title ?? null,
    window_key: entry.windowKey,
    closes_on: entry.closesOn,
    status: entry.status,
    asked_at: entry.askedAt.toISOString(),
    answered_at: entry.answeredAt?.toISOString() ?? null,
  };
}

/** DELETE /api/v1/me (erase everything personal) and the application tracker, GET/PUT /api/v1/me/applications. */
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
      response: applicationListResponse,
    },
    async (ctx) => {
      const entries = await services.applications.listApplications(founderOf(ctx));
      ctx.body = { applications: entries.map((entry) => present(services, entry)) };
    },
  );
  api.route(
    {
      method: 'put',
      path: '/api/v1/me/applications',
      tag: 'me',
      summary: 'Record whether I applied in a window (the answer to the reminder follow-up, or unasked)',
      description: 'Answering again replaces the answer. 404 when the policy has no such window.',
      auth: 'founder',
      body: applicationRequest,
      response: applicationSchema,
      errors: [404],
    },
    async (ctx, { body }) => {
      const entry = await services.applications.recordApplication(
        founderOf(ctx),
        body.policy,
        body.window_key,
        body.applied,
      );
      ctx.body = present(services, entry);
    },
  );
}
