/** GET /api/openapi.json (generated from the zod schemas) and GET /api/docs (Swagger UI from node_modules). */
import { ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

describe('OpenAPI and docs', () => {
  it('describes every endpoint in OpenAPI 3.1, with request schemas from zod', async () => {
    const res = await world.http().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /health',
        'POST /api/v1/eligibility',
        'POST /api/v1/auth/login',
        'GET /api/v1/me/profile',
        'PUT /api/v1/me/profile',
        'POST /api/v1/me/assessments',
        'GET /api/v1/me/assessments/{id}',
        'POST /api/v1/me/assessments/{id}/answers',
        'GET /api/v1/policies',
        'GET /api/v1/policies/{id}',
        'GET /api/v1/incubators',
        'GET /api/v1/me/subscriptions',
        'POST /api/v1/me/subscriptions',
        'DELETE /api/v1/me/subscriptions',
        'GET /api/v1/me/deadlines.ics',
        'DELETE /api/v1/me',
        'GET /api/v1/me/applications',
        'POST /api/v1/admin/content/reload',
        'GET /api/v1/admin/content/releases',
        'GET /api/v1/admin/audit-log',
        'GET /api/openapi.json',
        'GET /api/docs',
      ]),
    );
    const eligibility = doc.paths['/api/v1/eligibility'].post;
    const body = eligibility.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(['answers']);
    expect(Object.keys(body.properties)).toEqual(['answers', 'as_of', 'policies', 'skipped']);
    expect(eligibility.responses['400'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(doc.paths['/api/v1/me/profile'].get.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/v1/admin/audit-log'].get.security).toEqual([{ admin: [] }]);
    expect(doc.paths['/api/v1/policies'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['region', 'district', 'industry', 'stage', 'open', 'closing_soon', 'q']),
    );
    expect(JSON.stringify(doc)).not.toContain('$schema');
  });

  it('serves Swagger UI and its assets from node_modules, with no CDN', async () => {
    const page = await world.http().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).not.toMatch(/https?:\/\//);
    for (const src of [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)) {
      const asset = await world.http().get(src);
      expect({ src, status: asset.status }).toEqual({ src, status: 200 });
    }
    expect((await world.http().get('/api/docs/package.json')).status).toBe(404);
    expect((await world.http().get('/api/docs/..%2Fpackage.json')).status).toBe(404);
  });
});
