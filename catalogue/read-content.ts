/**
 * Reads content/ (questions.yaml, topics.yaml, ladder.yaml, policies/,
 * incubators/, regions/) into a Catalogue. Every file is parsed and checked before anything is returned;
 * all problems across all files are thrown together as one ContentError, so
 * an editor fixes a release in one pass. The hash identifies the release:
 * the same files give the same hash, whatever the directory or file order.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ContentError, ErrorDetail } from '../errors';
import type { Catalogue, FactDefinition } from '../rules/catalogue';
import { checkReferences, ParsedContent } from './check-references';
import { parseYaml, zodProblems } from './content-issues';
import {
  incubatorsFileSchema,
  ladderFileSchema,
  policySchema,
  questionsFileSchema,
  regionSchema,
  topicsFileSchema,
} from './schema';

const QUESTIONS = 'questions.yaml';
/** The topics policies are tagged with. */
const TOPICS = 'topics.yaml';
/** The qualification ladder (optional: content without one has no ladder). */
const LADDER = 'ladder.yaml';
const FOLDERS = ['policies', 'incubators', 'regions'] as const;
/** Generated or human-only files that are not content. */
const IGNORED_FOLDERS = new Set(['schema']);

/** The catalogue, the release hash, and the topics declared in topics.yaml (in their order). */
export interface ReadContent {
  catalogue: Catalogue;
  hash: string;
  topics: readonly string[];
}

export function readCatalogue(contentDir: string): ReadContent {
  if (!fs.existsSync(contentDir) || !fs.statSync(contentDir).isDirectory()) {
    throw new ContentError(`content directory not found: ${contentDir}`, [
      { path: contentDir, reason: 'not a directory' },
    ]);
  }
  const files = listYamlFiles(contentDir);
  const problems: ErrorDetail[] = [];
  const texts = new Map(files.map((file) => [file, fs.readFileSync(path.join(contentDir, file), 'utf8')]));
  const parsed: ParsedContent = {
    questions: null,
    topics: null,
    ladder: null,
    policies: [],
    unreadablePolicies: [],
    incubators: [],
    regions: [],
  };

  const load = <T>(file: string, schema: z.ZodType<T>): T | null => {
    const yaml = parseYaml(file, texts.get(file)!);
    problems.push(...yaml.problems);
    if (yaml.problems.length > 0) return null;
    const result = schema.safeParse(yaml.data);
    if (!result.success) problems.push(...zodProblems(file, result.error.issues));
    return result.success ? result.data : null;
  };

  if (!texts.has(QUESTIONS))
    problems.push({ path: `${QUESTIONS}:(top level)`, reason: 'file missing: every fact needs its question' });
  if (!texts.has(TOPICS))
    problems.push({
      path: `${TOPICS}:(top level)`,
      reason: 'file missing: every topic a policy is tagged with is declared there',
    });
  for (const file of files) {
    const folder = file.includes('/') ? file.slice(0, file.indexOf('/')) : '';
    if (file === QUESTIONS) {
      const doc = load(file, questionsFileSchema);
      if (doc) parsed.questions = { file, facts: doc.facts };
    } else if (file === TOPICS) {
      const doc = load(file, topicsFileSchema);
      if (doc) parsed.topics = { file, topics: doc.topics };
    } else if (file === LADDER) {
      const doc = load(file, ladderFileSchema);
      if (doc) parsed.ladder = { file, rungs: doc.rungs };
    } else if (folder === 'policies') {
      const policy = load(file, policySchema);
      if (policy) parsed.policies.push({ file, policy });
      else parsed.unreadablePolicies!.push(path.posix.basename(file).replace(/\.ya?ml$/, ''));
    } else if (folder === 'incubators') {
      const doc = load(file, incubatorsFileSchema);
      if (doc) parsed.incubators.push({ file, incubators: doc.incubators });
    } else if (folder === 'regions') {
      const region = load(file, regionSchema);
      if (region) parsed.regions.push({ file, region });
    } else {
      problems.push({
        path: `${file}:(top level)`,
        reason: `not a content file: use ${[QUESTIONS, TOPICS, LADDER].join(', ')}, ${FOLDERS.join('/, ')}/`,
      });
    }
  }
  problems.push(...checkReferences(parsed));
  if (problems.length > 0) {
    throw new ContentError(`${problems.length} problem(s) in ${contentDir}`, problems);
  }
  return { catalogue: toCatalogue(parsed), hash: hashOf(texts), topics: parsed.topics?.topics ?? [] };
}

/** Relative POSIX paths of every .yaml/.yml file, sorted, skipping generated folders. */
function listYamlFiles(root: string, dir = ''): string[] {
  const entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory() && !(dir === '' && IGNORED_FOLDERS.has(entry.name)))
      files.push(...listYamlFiles(root, relative));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(relative);
  }
  return files.sort();
}

function toCatalogue(parsed: ParsedContent): Catalogue {
  const facts: Record<string, FactDefinition> = {};
  for (const fact of parsed.questions?.facts ?? []) facts[fact.fact] = fact;
  const rungs = parsed.ladder?.rungs ?? [];
  return {
    facts,
    policies: parsed.policies.map(({ policy }) => {
      // The ladder travels with its policies (the database keeps policies, not the ladder file).
      const rung = rungs.findIndex((step) => step.policy === policy.id);
      return {
        ...policy,
        // Versions in date order, as the database hands them back.
        versions: [...policy.versions].sort((a, b) => a.valid_from.localeCompare(b.valid_from)),
        ...(rung >= 0 ? { ladder: { rung: rung + 1, title: rungs[rung]!.title } } : {}),
      };
    }),
    incubators: parsed.incubators.flatMap((entry) => entry.incubators),
    regions: parsed.regions.map((entry) => entry.region),
  };
}

/** sha256 over the sorted file names and their exact bytes. */
function hashOf(texts: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const file of [...texts.keys()].sort()) hash.update(`${file}\0${texts.get(file)}\0`);
  return hash.digest('hex');
}
