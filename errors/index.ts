/**
 * The few named errors of founder-guide. Each adapter maps them once:
 * the API in api/middleware/errors.ts, the chat in bot/dialogue.
 */

export interface ErrorDetail {
  /** Where: a fact name, a body field path, or `file:path` for content. */
  path: string;
  reason: string;
}

export abstract class AppError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks the contract: unknown field, wrong type, out of range. */
export class ValidationError extends AppError {
  readonly code = 'validation_error';
}

export class NotFoundError extends AppError {
  readonly code = 'not_found';
}

/** Not authenticated (401) or not allowed (403, `forbidden = true`). */
export class AuthError extends AppError {
  readonly code: string;
  constructor(
    message: string,
    readonly forbidden = false,
  ) {
    super(message);
    this.code = forbidden ? 'forbidden' : 'unauthorized';
  }
}

/** Broken content files: every problem, each with file, path and reason. */
export class ContentError extends AppError {
  readonly code = 'content_error';
}

/** A dependency outside our control failed (WeChat, the database). */
export class UpstreamError extends AppError {
  readonly code = 'upstream_error';
}

/** Too many requests or messages. */
export class RateLimitError extends AppError {
  readonly code = 'rate_limited';
  /** When the caller may try again (the API sends it as Retry-After). */
  retryAfterSeconds?: number;
}

/** A feature that is switched off by configuration (no admin token, no WeChat app id). */
export class UnavailableError extends AppError {
  readonly code = 'unavailable';
}
