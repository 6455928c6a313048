/**
 * GET /api/openapi.json and GET /api/docs: Swagger UI served from the
 * swagger-ui-dist package in node_modules (no CDN: the docs work offline and
 * under the strict Content-Security-Policy that helmet sets, hence the init
 * script as a file rather than inline).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Router from '@koa/router';
import { z } from 'zod';
import { buildOpenApi } from '../openapi/build-openapi';
import type { AnyRouteSpec, ApiRouter } from '../route';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>founder-guide API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/swagger-ui-standalone-preset.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;

function assetDirectory(): string {
  return path.dirname(require.resolve('swagger-ui-dist/package.json'));
}

export function docsRoutes(api: ApiRouter, router: Router, registry: readonly AnyRouteSpec[]): void {
  let document: unknown;
  api.route(
    {
      method: 'get',
      path: '/api/openapi.json',
      tag: 'docs',
      summary: 'This OpenAPI 3.1 document',
      response: z.record(z.string(), z.unknown()),
    },
    (ctx) => {
      // Built on first use, when every route has been declared.
      document ??= buildOpenApi(registry, {
        title: 'founder-guide mini-program API',
        version: '1.0.0',
        description:
          '创业政策向导: eligibility checks, assessments, policies, incubators, reminders. Errors: {"error": {"code", "message", "details"}}.',
      });
      ctx.body = document;
    },
  );
  api.route(
    {
      method: 'get',
      path: '/api/docs',
      tag: 'docs',
      summary: 'Interactive API docs (Swagger UI)',
      produces: 'text/html',
      response: z.string(),
    },
    (ctx) => {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = PAGE;
    },
  );
  router.get('/api/docs/init.js', (ctx) => {
    ctx.type = 'application/javascript; charset=utf-8';
    ctx.body = INIT;
  });
  const directory = assetDirectory();
  router.get('/api/docs/:file', (ctx, next) => {
    // Only the listed files: the name never reaches the file system otherwise.
    // Own keys only: 'constructor' or 'toString' must not find Object.prototype's.
    const file = ctx.params.file ?? '';
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) return next();
    ctx.type = type;
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = fs.createReadStream(path.join(directory, ctx.params.file!));
  });
}
