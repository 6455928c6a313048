import type { MiniProgramLoginService } from '../../services/miniprogram-login-service';
import type { ApiRouter } from '../route';
import { loginRequest, loginResponse } from '../schemas/auth';

/** POST /api/v1/auth/login: mini-program code → session token. */
export function authRoutes(api: ApiRouter, login: MiniProgramLoginService): void {
  api.route(
    {
      method: 'post',
      path: '/api/v1/auth/login',
      tag: 'auth',
      summary: 'Log in with a mini-program login code (WeChat jscode2session)',
      description:
        'An invalid or used code answers 401; WeChat timing out or failing answers 502; no app id configured, 503.',
      body: loginRequest,
      response: loginResponse,
      errors: [401, 403, 502, 503],
    },
    async (ctx, { body }) => {
      const session = await login.login(body.code);
      ctx.body = {
        token: session.token,
        token_type: 'Bearer',
        expires_at: session.expiresAt.toISOString(),
        founder_id: session.founderId,
      };
    },
  );
}
