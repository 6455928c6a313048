import type { Context } from 'koa';
import type { Services } from '../../services';
import type { AssessmentView } from '../../services/assessment-service';
import { founderOf } from '../middleware/founder-auth';
import { assessmentJson, presentAssessmentSummary } from '../presenters/assessment';
import type { ApiRouter } from '../route';
import {
  assessmentListResponse,
  assessmentParams,
  assessmentStepRequest,
  assessmentViewResponse,
  startAssessmentRequest,
} from '../schemas/assessments';
import { viewQuery } from '../schemas/eligibility';

/** Stateful, resumable assessments: each step answers with the next question. */
export function assessmentRoutes(api: ApiRouter, services: Services): void {
  const { assessments } = services;
  api.route(
    {
      method: 'post',
      path: '/api/v1/me/assessments',
      tag: 'assessments',
      summary: 'Start an assessment (all policies, a topic, or a list of policies)',
      auth: 'founder',
      body: startAssessmentRequest,
      status: 201,
      query: viewQuery,
      response: assessmentViewResponse,
    },
    async (ctx, { body, query }) => {
      const view = await assessments.start(founderOf(ctx), { topic: body.topic, policies: body.policies });
      ctx.status = 201;
      ctx.set('Location', `/api/v1/me/assessments/${view.id}`);
      sendAssessment(ctx, view, query.view, services);
    },
  );
  api.route(
    {
      method: 'get',
      path: '/api/v1/me/assessments',
      tag: 'assessments',
      summary: 'My assessments, newest first (to resume one)',
      auth: 'founder',
      response: assessmentListResponse,
    },
    async (ctx) => {
      const list = await assessments.list(founderOf(ctx));
      ctx.body = { assessments: list.map(presentAssessmentSummary) };
    },
  );
  api.route(
    {
      method: 'get',
      path: '/api/v1/me/assessments/:id',
      tag: 'assessments',
      summary: 'Where an assessment stands: verdicts so far and the question waiting',
      auth: 'founder',
      params: assessmentParams,
      query: viewQuery,
      response: assessmentViewResponse,
      errors: [404],
    },
    async (ctx, { params, query }) => {
      sendAssessment(ctx, await assessments.get(founderOf(ctx), params.id), query.view, services);
    },
  );
  api.route(
    {
      method: 'post',
      path: '/api/v1/me/assessments/:id/answers',
      tag: 'assessments',
      summary: 'Answer ({fact, value}), skip ({skip: fact}) or go back ({back: true})',
      description: 'Answers are saved to your profile at once. A wrong value answers 400 and changes nothing.',
      auth: 'founder',
      params: assessmentParams,
      body: assessmentStepRequest,
      query: viewQuery,
      response: assessmentViewResponse,
      errors: [404],
    },
    async (ctx, { params, body, query }) => {
      const founderId = founderOf(ctx);
      const view =
        'back' in body
          ? await assessments.back(founderId, params.id)
          : 'skip' in body
            ? await assessments.skip(founderId, params.id, body.skip)
            : await assessments.answer(founderId, params.id, body.fact, body.value, 'miniprogram');
      sendAssessment(ctx, view, query.view, services);
    },
  );
}

/** The reply is JSON text (verdicts spliced in): Koa would call a string body text/plain. */
function sendAssessment(
  ctx: Context,
  view: AssessmentView,
  shape: 'summary' | 'full' | undefined,
  services: Services,
): void {
  ctx.type = 'application/json';
  ctx.body = assessmentJson(view, shape === 'summary' ? services.eligibility.catalogue().facts : null);
}
