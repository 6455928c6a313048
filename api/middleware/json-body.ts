/**
 * Reads JSON request bodies with a size limit. Bodies over the limit → 413,
 * a body that is not JSON → 415, malformed JSON → 400, and a body on a
 * method that takes none (DELETE, GET) → 400: no route reads one, so a
 * client that sends `{"scope": …}` or `{"confirm": false}` with a DELETE is
 * told, instead of having the whole thing deleted. The parsed value lands
 * in `ctx.state.body` (never trusted: routes validate it with zod), and its
 * text in `ctx.state.rawBody` (for replies keyed by the exact bytes, see
 * api/reply-memo.ts).
 */
import type { Context, Next } from 'koa';
import getRawBody from 'raw-body';
import { ValidationError } from '../../errors';
import { messages } from '../messages';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * `xmlPaths`: routes that take XML (the WeChat callbacks). Their body is read
 * as text into `ctx.state.rawBody` under the same limit; the route parses it.
 */
export function jsonBody(limitBytes: number, xmlPaths: readonly string[] = []) {
  return async function readJsonBody(ctx: Context, next: Next): Promise<void> {
    const length = Number(ctx.get('content-length') || 0);
    const chunked = ctx.get('transfer-encoding') !== '';
    if (length === 0 && !chunked) {
      ctx.state.body = undefined;
      ctx.state.rawBody = undefined;
      return next();
    }
    if (!WITH_BODY.has(ctx.method)) {
      throw new ValidationError(messages.bodyNotTaken(ctx.method), [
        { path: 'body', reason: `${ctx.method} takes no body` },
      ]);
    }
    if (xmlPaths.includes(ctx.path)) {
      ctx.state.body = undefined;
      ctx.state.rawBody = await readText(ctx, limitBytes, length);
      return next();
    }
    // The usual header first: type-is parses it afresh on every request.
    if (ctx.get('content-type') !== 'application/json' && !ctx.is('application/json', '+json')) {
      ctx.throw(415, messages.bodyMustBeJson);
    }
    const raw = await readText(ctx, limitBytes, length);
    try {
      ctx.state.body = JSON.parse(raw as string);
      ctx.state.rawBody = raw;
    } catch {
      throw new ValidationError(messages.bodyNotJson, [{ path: 'body', reason: 'malformed JSON' }]);
    }
    return next();
  };
}

function readText(ctx: Context, limitBytes: number, length: number): Promise<string> {
  return getRawBody(ctx.req, { limit: limitBytes, length: length || undefined, encoding: 'utf8' }).catch(
    (error: { type?: string; status?: number }) => {
      if (error.type === 'entity.too.large') ctx.throw(413, messages.bodyTooLarge(limitBytes));
      ctx.throw(400, messages.bodyNotReadable);
    },
  );
}
