/** The example founders (test/fixtures/personas), read by the questions-to-verdict reports and the tests. */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { FactValue } from '../../rules/catalogue';

/**
 * The repository's own personas. They began as copies of the team's shared
 * examples; the repository keeps them so that a clone with nothing beside it
 * tests itself (test/support/originals.ts compares them when the originals are there).
 */
export const PERSONAS_DIR = path.resolve(__dirname, '../../test/fixtures/personas');

/** Verdicts the shipped rules deliberately reach instead of an original persona's, each with why. */
export const PERSONA_DEPARTURES_FILE = path.resolve(__dirname, '../../test/fixtures/persona-departures.yaml');

export interface Departure {
  status: string;
  /** A part of one of the policy's conditions to check. */
  to_check?: string;
  why: string;
}

/** Persona name → policy id → the departure. */
export function readDepartures(file = PERSONA_DEPARTURES_FILE): Record<string, Record<string, Departure>> {
  return fs.existsSync(file) ? (YAML.parse(fs.readFileSync(file, 'utf8')) ?? {}) : {};
}

/**
 * A persona with its departures applied: the original's expected statuses,
 * except where the departures file says otherwise (and why), plus what to check.
 */
export function applyDepartures<P extends { name: string; expect?: Record<string, string> }>(
  persona: P,
  departures = readDepartures(),
): P & { to_check?: Record<string, string> } {
  const own = departures[persona.name];
  if (!own) return persona;
  const expect = { ...persona.expect };
  const toCheck: Record<string, string> = {};
  for (const [policy, departure] of Object.entries(own)) {
    expect[policy] = departure.status;
    if (departure.to_check) toCheck[policy] = departure.to_check;
  }
  return { ...persona, expect, to_check: toCheck };
}

export interface Persona {
  name: string;
  as_of: string;
  answers: Record<string, FactValue>;
  /** Verdicts the persona must reach (policy id → status). */
  expect?: Record<string, string>;
}

export function readPersonas(dir: string): Persona[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => applyDepartures(YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Persona));
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
