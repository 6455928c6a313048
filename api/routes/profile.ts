import type { Services } from '../../services';
import { founderOf } from '../middleware/founder-auth';
import type { ApiRouter } from '../route';
import { profileRequest, profileResponse } from '../schemas/profile';

/** GET/PUT /api/v1/me/profile: the founder's stored answers. */
export function profileRoutes(api: ApiRouter, services: Services): void {
  api.route(
    {
      method: 'get',
      path: '/api/v1/me/profile',
      tag: 'me',
      summary: 'My stored answers',
      auth: 'founder',
      response: profileResponse,
    },
    async (ctx) => {
      ctx.body = { answers: await services.profileEditor.answers(founderOf(ctx)) };
    },
  );
  api.route(
    {
      method: 'put',
      path: '/api/v1/me/profile',
      tag: 'me',
      summary: 'Replace my stored answers (facts left out are forgotten)',
      auth: 'founder',
      body: profileRequest,
      response: profileResponse,
    },
    async (ctx, { body }) => {
      ctx.body = { answers: await services.profileEditor.replace(founderOf(ctx), body.answers, 'miniprogram') };
    },
  );
}
