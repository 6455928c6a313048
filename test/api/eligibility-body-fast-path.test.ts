/**
 * The eligibility body checked without zod (api/schemas/eligibility-body-fast-path.ts)
 * accepts nothing the schema refuses and changes nothing the schema would: for
 * generated profiles, near misses of every limit and shapeless JSON, a body it
 * takes is one eligibilityRequest parses to an equal value. What it leaves is
 * the schema's (request-errors and fuzz tests).
 */
import path from 'node:path';
import fc from 'fast-check';
import { eligibilityRequest } from '../../api/schemas/eligibility';
import { plainEligibilityBody } from '../../api/schemas/eligibility-body-fast-path';
import { readCatalogue } from '../../catalogue/read-content';
import { sampleProfiles } from '../rules/support/profiles';

const { catalogue } = readCatalogue(path.resolve(__dirname, '../../content'));
const profiles = sampleProfiles(catalogue, '2026-12-04', 200, 777);

/** As the API receives it: parsed JSON (own `__proto__` keys included). */
const received = (body: unknown): unknown => JSON.parse(JSON.stringify(body)) as unknown;

function agreesWithSchema(body: unknown): void {
  const fast = plainEligibilityBody(body);
  if (fast === undefined) return;
  const parsed = eligibilityRequest.safeParse(body);
  expect(parsed.error).toBeUndefined();
  expect(fast).toEqual(parsed.data);
}

const value = fc.oneof(
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 210 }),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
const key = fc.oneof(
  fc.constantFrom('region', 'employees', '__proto__', 'constructor', 'prototype', '', 'a'.repeat(64), 'a'.repeat(65)),
  fc.string({ maxLength: 70 }),
);
const ids = fc.oneof(
  fc.array(fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('cn.tech-sme', '*', 'employees')), { maxLength: 4 }),
  fc.array(fc.constant('employees'), { minLength: 99, maxLength: 202 }),
  fc.anything(),
);

describe('the eligibility body without zod', () => {
  it('takes the generated profiles, as the schema parses them', () => {
    for (const answers of profiles) {
      const body = received({ answers });
      expect(plainEligibilityBody(body)).toBe(body);
      agreesWithSchema(body);
      agreesWithSchema(
        received({ answers, skipped: Object.keys(catalogue.facts).slice(0, 3), policies: ['cn.tech-sme'] }),
      );
    }
  });

  it('takes only what the schema accepts as it is', () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { maxKeys: 8 }),
        fc.option(ids, { nil: undefined }),
        fc.option(ids, { nil: undefined }),
        fc.option(fc.constantFrom('as_of', 'extra', 'answers'), { nil: undefined }),
        (answers, policies, skipped, extraKey) => {
          const body: Record<string, unknown> = { answers, policies, skipped };
          if (extraKey) body[extraKey] = '2026-01-01';
          agreesWithSchema(received(body));
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (body) => agreesWithSchema(received(body))),
      { numRuns: 500 },
    );
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, i]));
    expect(plainEligibilityBody({ answers: many })).toBeUndefined();
    expect(plainEligibilityBody(received({ answers: { region: Infinity } }))).toBeUndefined(); // JSON null: no value
    expect(plainEligibilityBody(JSON.parse('{"answers":{"__proto__":1}}'))).toBeUndefined();
  });
});
