/**
 * One declaration per endpoint: the zod schemas that validate its input are
 * the same ones the OpenAPI document is generated from, so the docs cannot
 * drift from what the handler accepts. Route files call `api.route(spec, fn)`.
 */
import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import { ValidationError } from '../errors';
import { messages } from './messages';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
export type RouteAuth = 'none' | 'founder' | 'optional-founder' | 'admin';

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: HttpMethod;
  /** Koa path, e.g. `/api/v1/policies/:id`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth?: RouteAuth;
  body?: B;
  /**
   * For a hot route: a cheaper check that returns the body when `body` would
   * accept it unchanged, undefined otherwise (then `body` decides, and words
   * any 400). Not in the docs: it never accepts more than `body`.
   */
  plainBody?: (body: unknown) => z.output<B> | undefined;
  query?: Q;
  params?: P;
  /** Success status and body, for the docs (handlers set them). */
  status?: number;
  response?: z.ZodType;
  /** Non-JSON success body (the calendar file, the docs page). */
  produces?: string;
  /** Error statuses this route can answer besides 400 / 429. */
  errors?: number[];
}

export type AnyRouteSpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

export interface RouteInput<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  body: z.output<B>;
  query: z.output<Q>;
  params: z.output<P>;
}

type Handler<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> = (
  ctx: Context,
  input: RouteInput<B, Q, P>,
) => Promise<void> | void;

/** zod issues → the error contract's details: `{path, reason}`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    messages.invalidInput,
    result.error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      reason: issue.message,
    })),
  );
}

/** The input type of a part a route does not declare. */
type Absent = z.ZodUndefined;

export class ApiRouter {
  constructor(
    private readonly router: Router,
    private readonly registry: AnyRouteSpec[],
    private readonly guards: Partial<Record<RouteAuth, Middleware>>,
  ) {}

  /** `beforeValidation` runs after the auth guard, and may answer on its own (a memoised reply). */
  route<B extends z.ZodType = Absent, Q extends z.ZodType = Absent, P extends z.ZodType = Absent>(
    spec: RouteSpec<B, Q, P>,
    handler: Handler<B, Q, P>,
    beforeValidation?: Middleware,
  ): void {
    this.registry.push(spec as unknown as AnyRouteSpec);
    const guard = this.guards[spec.auth ?? 'none'];
    const validate: Middleware = async (ctx) => {
      const input = {
        body: spec.body
          ? (spec.plainBody?.(ctx.state.body) ?? parseOrThrow(spec.body, ctx.state.body, 'body'))
          : undefined,
        query: spec.query ? parseOrThrow(spec.query, ctx.query, 'query') : undefined,
        params: spec.params ? parseOrThrow(spec.params, ctx.params, 'params') : undefined,
      } as RouteInput<B, Q, P>;
      if (!spec.body && ctx.state.body !== undefined) {
        throw new ValidationError(messages.invalidInput, [{ path: 'body', reason: 'this endpoint takes no body' }]);
      }
      await handler(ctx, input);
    };
    const chain = [guard, beforeValidation, validate].filter((step): step is Middleware => step !== undefined);
    this.router[spec.method](spec.path, ...chain);
  }
}
