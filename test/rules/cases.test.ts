/**
 * Cases as data (OpenFisca style): test/cases/*.yaml and the personas,
 * each an input (answers, as-of date) and the expected output (statuses,
 * missing facts, near misses, policies not needed or not applicable), run
 * against the shipped content.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { readCatalogue } from '../../catalogue/read-content';
import { evaluate, validateAnswers } from '../../rules';
import type { Answers } from '../../rules/catalogue';
import type { PolicyResult } from '../../rules/results';
import { applyDepartures, PERSONAS_DIR as personasDir } from '../../scripts/support/personas';

interface Case {
  name: string;
  as_of: string;
  answers: Answers;
  /** Policy id → expected status (`not_in_force`: no version on `as_of`, listed, not evaluated). */
  expect?: Record<string, string>;
  /** Policy id → the exact set of missing facts. */
  missing?: Record<string, string[]>;
  /** Policy id → the near miss (first change), or null for none. */
  near_miss?: Record<string, { fact: string; needed: number; explanation?: string } | null>;
  /** Policies the founder does not need (a hukou held, a certificate held). */
  not_needed?: string[];
  /** Policies that must not be listed (another region; a policy not in force is listed as not_in_force). */
  absent?: string[];
  /** Every policy of the founder's region is listed, whether or not in force on `as_of`. */
  lists_every_policy?: boolean;
  /** Policy id → a condition the founder must check themselves (a part of one of its toCheck lines). */
  to_check?: Record<string, string>;
  /** Policy id → score bounds. */
  score?: Record<string, { min: number; max: number }>;
}

const contentDir = path.resolve(__dirname, '../../content');
const casesDir = path.resolve(__dirname, '../cases');
const { catalogue } = readCatalogue(contentDir);

function readYaml(file: string): unknown {
  // Merge keys (<<: *company) keep the cases short.
  return YAML.parse(fs.readFileSync(file, 'utf8'), { merge: true });
}

function load(): [string, Case[]][] {
  const files = fs
    .readdirSync(casesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const groups: [string, Case[]][] = files.map((file) => [
    file,
    (readYaml(path.join(casesDir, file)) as { cases: Case[] }).cases,
  ]);
  const personas = fs
    .readdirSync(personasDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => applyDepartures(readYaml(path.join(personasDir, file)) as Case));
  groups.push(['test/fixtures/personas', personas]);
  return groups;
}

const groups = load();

function byPolicy(results: readonly PolicyResult[], id: string): PolicyResult {
  const result = results.find((r) => r.policy === id);
  if (!result) throw new Error(`${id} was not evaluated`);
  return result;
}

it('has at least 40 cases', () => {
  expect(groups.reduce((sum, [, cases]) => sum + cases.length, 0)).toBeGreaterThanOrEqual(40);
});

it('never evaluates a policy not in force, in any case or persona: nothing missing, no criteria, why said first', () => {
  for (const [, cases] of groups) {
    for (const c of cases) {
      const given = Object.fromEntries(Object.entries(c.answers).filter(([, value]) => value !== null));
      for (const result of evaluate(catalogue, validateAnswers(catalogue, given), String(c.as_of)).results) {
        if (result.status === 'not_in_force')
          expect({ case: c.name, policy: result.policy, missing: result.missing, criteria: result.criteria }).toEqual({
            case: c.name,
            policy: result.policy,
            missing: [],
            criteria: [],
          });
        if (result.status === 'not_in_force') expect(result.caveats[0]).toContain(String(c.as_of));
      }
    }
  }
});

it('never finds eligible a policy left with conditions to check, in any case or persona', () => {
  for (const [, cases] of groups) {
    for (const c of cases) {
      const given = Object.fromEntries(Object.entries(c.answers).filter(([, value]) => value !== null));
      for (const result of evaluate(catalogue, validateAnswers(catalogue, given), String(c.as_of)).results) {
        if (result.status === 'eligible')
          expect({ case: c.name, policy: result.policy, toCheck: result.toCheck }).toEqual({
            case: c.name,
            policy: result.policy,
            toCheck: [],
          });
      }
    }
  }
});

describe.each(groups)('%s', (_file, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    // In a case, `fact: null` removes a fact merged in from a base profile: it is unanswered.
    const given = Object.fromEntries(Object.entries(c.answers).filter(([, value]) => value !== null));
    const answers = validateAnswers(catalogue, given);
    const { results } = evaluate(catalogue, answers, String(c.as_of));
    for (const [id, status] of Object.entries(c.expect ?? {})) {
      expect({ policy: id, status: byPolicy(results, id).status }).toEqual({ policy: id, status });
    }
    for (const [id, facts] of Object.entries(c.missing ?? {})) {
      expect({ policy: id, missing: [...byPolicy(results, id).missing].sort() }).toEqual({
        policy: id,
        missing: [...facts].sort(),
      });
    }
    for (const [id, miss] of Object.entries(c.near_miss ?? {})) {
      const found = byPolicy(results, id).nearMiss;
      if (miss === null) expect({ policy: id, nearMiss: found }).toEqual({ policy: id, nearMiss: [] });
      else expect({ policy: id, nearMiss: found[0] }).toMatchObject({ policy: id, nearMiss: miss });
    }
    for (const id of c.not_needed ?? [])
      expect({ policy: id, notNeeded: byPolicy(results, id).notNeeded }).toEqual({
        policy: id,
        notNeeded: expect.any(String),
      });
    for (const [id, part] of Object.entries(c.to_check ?? {})) {
      expect({ policy: id, toCheck: byPolicy(results, id).toCheck }).toEqual({
        policy: id,
        toCheck: expect.arrayContaining([expect.stringContaining(part)]),
      });
    }
    for (const id of c.absent ?? []) expect(results.map((r) => r.policy)).not.toContain(id);
    if (c.lists_every_policy) {
      const region = answers.region ?? 'shanghai';
      const expected = catalogue.policies
        .filter((p) => p.region === 'national' || p.region === region)
        .map((p) => p.id);
      expect(results.map((r) => r.policy).sort()).toEqual(expected.sort());
    }
    for (const [id, bounds] of Object.entries(c.score ?? {}))
      expect(byPolicy(results, id).scores[0]).toMatchObject(bounds);
  });
});
