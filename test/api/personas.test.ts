/** The personas of test/fixtures/personas pass through POST /api/v1/eligibility with their expected verdicts. */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { applyDepartures, PERSONAS_DIR } from '../../scripts/support/personas';
import { ApiWorld, openApiWorld } from './support/api-world';

interface Persona {
  name: string;
  as_of: string;
  answers: Record<string, unknown>;
  expect: Record<string, string>;
  near_miss?: Record<string, { fact: string; needed: number }>;
}

const files = fs
  .readdirSync(PERSONAS_DIR)
  .filter((file) => file.endsWith('.yaml'))
  .sort();
const personas: Persona[] = files.map((file) =>
  applyDepartures(YAML.parse(fs.readFileSync(path.join(PERSONAS_DIR, file), 'utf8')) as Persona),
);

let world: ApiWorld;
beforeAll(async () => {
  world = await openApiWorld();
});
afterAll(() => world.close());

describe('personas through POST /api/v1/eligibility', () => {
  it('finds the shared personas and the repository’s own', () => {
    expect(personas.map((p) => p.name)).toEqual([
      'ai-compute-preseed',
      'angel-seed-team',
      'blacklisted-maker',
      'competition-student-duo',
      'graduate-team',
      'hardtech-growth',
      'huangpu-new-high-tech',
      'hukou-grad-first-startup',
      'knows-little',
      'laid-off-eatery',
      'little-giant-candidate',
      'mature-80',
      'near-miss-high-tech',
      'outside-regions',
      'overseas-phd',
      'overseas-rank-120',
      'pudong-biotech',
      'pudong-ic-reward',
      'rd-too-low',
      'small-low-profit-design',
      'specialized-near-miss',
      'student-team',
      'wholesale-trading-5y',
      'yangpu-fresh-grad-solo',
      'zhejiang-team',
      'zj-smart-electrical',
    ]);
  });

  describe.each(personas.map((p) => [p.name, p] as const))('%s', (_name, persona) => {
    it('gets the expected status for every expected policy', async () => {
      const res = await world
        .http()
        .post('/api/v1/eligibility')
        .send({ answers: persona.answers, as_of: persona.as_of });
      expect(res.status).toBe(200);
      const statuses = Object.fromEntries(
        res.body.results.map((r: { policy: string; status: string }) => [r.policy, r.status]),
      );
      for (const [policy, status] of Object.entries(persona.expect))
        expect({ policy, status: statuses[policy] }).toEqual({ policy, status });
    });

    it('gets the expected near misses', async () => {
      const res = await world
        .http()
        .post('/api/v1/eligibility')
        .send({ answers: persona.answers, as_of: persona.as_of });
      for (const [policy, miss] of Object.entries(persona.near_miss ?? {})) {
        const result = res.body.results.find((r: { policy: string }) => r.policy === policy);
        expect(result.near_miss).toEqual(
          expect.arrayContaining([expect.objectContaining({ fact: miss.fact, needed: miss.needed })]),
        );
        const current = persona.answers[miss.fact];
        expect(result.near_miss.find((m: { fact: string }) => m.fact === miss.fact).current).toBe(current);
      }
    });
  });
});
