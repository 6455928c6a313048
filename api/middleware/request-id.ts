/**
 * A request id for every request: the caller's `X-Request-Id` when it is a
 * plain token (a proxy or the mini-program may set one), else a new one. It
 * is echoed in the reply and carried by every log line of the request (as
 * `req_id`, services' lines included: logging/log-context.ts), so a founder's
 * "出错了" can be found in the logs without logging anything of theirs.
 */
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import { withLogContext } from '../../logging/log-context';

const PLAIN_TOKEN = /^[A-Za-z0-9._-]{1,64}$/;

export function requestId() {
  return async function tagRequest(ctx: Context, next: Next): Promise<void> {
    const given = ctx.get('x-request-id');
    const id = PLAIN_TOKEN.test(given) ? given : randomUUID();
    ctx.state.requestId = id;
    ctx.set('X-Request-Id', id);
    await withLogContext({ req_id: id }, next);
  };
}
