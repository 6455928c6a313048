/**
 * The one place where errors become HTTP responses:
 * `{"error": {"code", "message", "details"}}`. Client mistakes get 4xx with a
 * clear message; anything unexpected is logged and answered with a bare 500.
 */
import type { Context, Next } from 'koa';
import {
  AppError,
  AuthError,
  ContentError,
  NotFoundError,
  RateLimitError,
  UnavailableError,
  UpstreamError,
  ValidationError,
} from '../../errors';
import { isDatabaseUnavailable } from '../../db/database-errors';
import { isMissingParentRow } from '../../db/sql';
import { loggableError } from '../../logging/loggable-error';
import type { Logger } from '../../logging/logger';
import { messages } from '../messages';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown[] };
}

function statusOf(error: AppError): number {
  if (error instanceof ValidationError) return 400;
  if (error instanceof AuthError) return error.forbidden ? 403 : 401;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof RateLimitError) return 429;
  if (error instanceof ContentError) return 422;
  if (error instanceof UpstreamError) return 502;
  if (error instanceof UnavailableError) return 503;
  return 400;
}

/** Koa's own http-errors (ctx.throw, raw-body) carry `status` and `expose`. */
function isClientHttpError(error: unknown): error is { status: number; message: string; code?: string } {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** A driver's error code, on the error or on the driver error TypeORM wraps. */
function errorCode(error: unknown): unknown {
  const failure = error as { code?: unknown; driverError?: { code?: unknown } } | undefined;
  return failure?.code ?? failure?.driverError?.code;
}

/** Seconds a client is asked to wait after a 503 (the database away or busy). */
const RETRY_AFTER_SECONDS = 5;

/**
 * Database errors that are not a bug: a write for the authenticated founder
 * refused by its foreign key means the founder was erased (by their own
 * other request) while this one ran; a database that is away, stalled, busy
 * or without its tables is a 503 to try again, never a 500.
 */
function asAppError(ctx: Context, error: unknown): unknown {
  if (ctx.state.founderId && isMissingParentRow(error)) return new AuthError(messages.founderGone);
  if (isDatabaseUnavailable(error)) return new DatabaseUnavailable(error);
  return error;
}

class DatabaseUnavailable extends UnavailableError {
  constructor(readonly failure: unknown) {
    super(messages.databaseUnavailable);
  }
}

export function errorHandler(logger: Logger) {
  return async function handleErrors(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new NotFoundError(messages.noRoute(ctx.method, ctx.path));
      }
    } catch (thrown) {
      const error = asAppError(ctx, thrown);
      let status: number;
      let body: ErrorBody;
      if (error instanceof DatabaseUnavailable) {
        // Expected in an outage, and nothing personal: the driver's code, not its message.
        logger.warn(
          {
            err: { code: errorCode(error.failure) },
            route: ctx._matchedRoute ?? ctx.path,
          },
          'database unavailable',
        );
      }
      if (error instanceof AppError) {
        status = statusOf(error);
        body = { error: { code: error.code, message: error.message, details: error.details } };
      } else if (isClientHttpError(error)) {
        status = error.status;
        body = { error: { code: CODES[status] ?? 'bad_request', message: error.message, details: [] } };
      } else {
        status = 500;
        logger.error(
          {
            err: loggableError(error),
            method: ctx.method,
            route: ctx._matchedRoute ?? ctx.path,
          },
          'unhandled error',
        );
        body = { error: { code: 'internal_error', message: '服务器内部错误，请稍后再试', details: [] } };
      }
      ctx.status = status;
      ctx.body = body;
      if (status === 429 && error instanceof RateLimitError)
        ctx.set('Retry-After', String(error.retryAfterSeconds ?? 60));
      if (status === 503) ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
    }
  };
}
