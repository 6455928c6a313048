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
    .map((file) => YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Persona);
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
