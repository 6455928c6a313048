/**
 * The OpenAPI 3.1 document, generated from the route declarations and the
 * very zod schemas that validate requests (zod 4's toJSONSchema gives JSON
 * Schema 2020-12, which is what OpenAPI 3.1 uses).
 */
import { z } from 'zod';
import type { AnyRouteSpec } from '../route';
import { errorSchema } from '../schemas/common';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const ERROR_TEXT: Record<number, string> = {
  400: 'validation_error: a wrong or unknown field (details list each)',
  401: 'no valid session or admin token',
  403: 'token valid but not allowed',
  404: 'not found',
  413: 'body larger than API_BODY_LIMIT_KB',
  415: 'body is not JSON',
  422: 'broken content (every problem listed)',
  429: 'rate limited (per IP and per founder); see Retry-After',
  502: 'WeChat failed or timed out',
  503: 'switched off by configuration',
};

function parameters(spec: AnyRouteSpec): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input');
    const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((object.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      const { description, ...rest } = property;
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  }
  return out;
}

function responses(spec: AnyRouteSpec): Record<string, unknown> {
  const status = String(spec.status ?? 200);
  const success: Record<string, unknown> = { description: 'success' };
  if (spec.response) {
    success.content = { [spec.produces ?? 'application/json']: { schema: jsonSchema(spec.response, 'output') } };
  }
  const errors = new Set([400, 429, ...(spec.errors ?? [])]);
  if (spec.auth === 'founder' || spec.auth === 'optional-founder') errors.add(401);
  if (spec.auth === 'admin') [401, 403, 503].forEach((code) => errors.add(code));
  if (spec.body) [413, 415].forEach((code) => errors.add(code));
  const out: Record<string, unknown> = { [status]: success };
  for (const code of [...errors].sort()) {
    out[String(code)] = {
      description: ERROR_TEXT[code] ?? 'error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return out;
}

const SECURITY: Record<string, unknown[] | undefined> = {
  founder: [{ session: [] }],
  'optional-founder': [{}, { session: [] }],
  admin: [{ admin: [] }],
};

export function buildOpenApi(
  routes: readonly AnyRouteSpec[],
  info: { title: string; version: string; description: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = spec.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      tags: [spec.tag],
      summary: spec.summary,
      operationId: `${spec.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: parameters(spec),
      responses: responses(spec),
    };
    if (spec.description) operation.description = spec.description;
    if (spec.body)
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
      };
    const security = SECURITY[spec.auth ?? 'none'];
    if (security) operation.security = security;
    (paths[path] ??= {})[spec.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', description: 'the token from POST /api/v1/auth/login' },
        admin: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' },
      },
    },
  };
}
