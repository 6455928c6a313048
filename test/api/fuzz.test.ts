/**
 * Client input never produces a 5xx: fast-check throws random methods, paths
 * (every documented route, with random ids and query strings), headers and
 * bodies, shaped and shapeless, at the API. Bounded: 150 runs.
 */
import fc from 'fast-check';
import { ADMIN_TOKEN, ApiWorld, openApiWorld } from './support/api-world';

let world: ApiWorld;
let routes: string[];
let assessmentId: string;
beforeAll(async () => {
  world = await openApiWorld();
  const doc = (await world.http().get('/api/openapi.json')).body as { paths: Record<string, unknown> };
  routes = Object.keys(doc.paths);
  const { auth } = await world.founder('fuzz');
  assessmentId = (await world.http().post('/api/v1/me/assessments').set(auth).send({})).body.id;
});
afterAll(() => world.close());

const NASTY_PATHS = [
  '/api/v1/policies/%',
  '/api/v1/policies/%E0%A4%A',
  '/api/v1/me/assessments/%ZZ/answers',
  '/api/docs/..%2F..%2Fpackage.json',
  '//',
  '/api/v1/../health',
];
const text = fc.string({ unit: 'grapheme', maxLength: 24 });
const headerText = fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_.,;=/:*%'.split('')), maxLength: 40 });

const pathArb = fc.oneof(
  // Routes are read from the OpenAPI document in beforeAll, so pick by index at run time.
  fc
    .tuple(
      fc.nat(),
      fc.oneof(text, fc.constantFrom('cn.tech-sme', '*', '00000000-0000-0000-0000-000000000000', 'assessment')),
    )
    .map(([n, id]) =>
      routes[n % routes.length]!.replace(/\{[^}]+\}/g, id === 'assessment' ? assessmentId : encodeURIComponent(id)),
    ),
  fc.array(text, { maxLength: 4 }).map((segments) => `/${segments.map(encodeURIComponent).join('/')}`),
  fc.constantFrom(...NASTY_PATHS),
);

const queryArb = fc.option(
  fc.dictionary(
    fc.constantFrom(
      'q',
      'region',
      'district',
      'industry',
      'stage',
      'open',
      'closing_soon',
      'as_of',
      'match',
      'limit',
      'before_id',
      'scope',
      'channel',
      'x',
    ),
    text,
    { maxKeys: 4 },
  ),
);

const valueArb = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.double(),
  text,
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const shapedBody = fc.oneof(
  fc.record(
    {
      answers: fc.dictionary(fc.constantFrom(...['employees', 'district', 'tech_staff_ratio', 'stage', 'x']), valueArb),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      answers: fc.constant({}),
      as_of: text,
      policies: fc.array(text, { maxLength: 2 }),
      skipped: fc.array(text, { maxLength: 2 }),
    },
    { requiredKeys: ['answers'] },
  ),
  fc.record({ fact: fc.constantFrom('employees', 'district', 'nope'), value: valueArb }),
  fc.record({ skip: text }),
  fc.record({ back: valueArb }),
  fc.record(
    { scope: fc.constantFrom('*', 'cn.tech-sme', 'x'), channel: text, template_ids: fc.array(text, { maxLength: 2 }) },
    { requiredKeys: [] },
  ),
  fc.record({ topic: text, policies: fc.array(text, { maxLength: 2 }) }, { requiredKeys: [] }),
  fc.record({ code: text, dry_run: valueArb }, { requiredKeys: [] }),
);
const bodyArb = fc.option(
  fc.oneof(
    shapedBody.map((b) => JSON.stringify(b)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    text,
  ),
);

const authArb = fc.constantFrom('none', 'founder', 'admin', 'garbage');

describe('fuzzing every route', () => {
  it('never answers 5xx, and every error is the error JSON with a Chinese message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
        pathArb,
        queryArb,
        bodyArb,
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/vnd.api+json',
        ),
        authArb,
        fc.option(headerText),
        async (method, path, query, body, contentType, auth, forwarded) => {
          let request = world.http()[method.toLowerCase() as 'get'](path);
          if (query) request = request.query(query);
          if (auth === 'founder') request = request.set((await world.founder('fuzz')).auth);
          if (auth === 'admin') request = request.set('Authorization', `Bearer ${ADMIN_TOKEN}`);
          if (auth === 'garbage') request = request.set('Authorization', 'Bearer fg1.garbage.garbage');
          if (forwarded) request = request.set('X-Forwarded-For', forwarded);
          if (body !== null && !['GET', 'HEAD'].includes(method))
            request = request.set('Content-Type', contentType).send(body);
          const res = await request;
          if (res.status >= 500) throw new Error(`${method} ${path} → ${res.status}: ${res.text}`);
          if (res.status >= 400 && method !== 'HEAD')
            // The message is for founders: Chinese, whichever layer refused the request.
            expect(res.body.error).toEqual(
              expect.objectContaining({ code: expect.any(String), message: expect.stringMatching(/\p{Script=Han}/u) }),
            );
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});
