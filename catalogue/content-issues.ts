/**
 * Turns YAML syntax errors and zod issues into `file:path — reason` problems
 * an editor can act on: one problem per unknown key, and for a failed union
 * (a criterion that matches no shape) the problems of the shape it was
 * evidently meant to be, not "Invalid input" for the whole tree.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ErrorDetail } from '../errors';

type Issue = z.core.$ZodIssue;
type Segment = PropertyKey;

/** `versions[0].criteria.all[2].fact`; the top level of a file reads `(top level)`. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** Parses YAML text; syntax errors come back with their line and column. */
export function parseYaml(file: string, text: string): { data: unknown; problems: ErrorDetail[] } {
  // prettyErrors fills in linePos; its message repeats the position and quotes the line, which we drop.
  const document = parseDocument(text, { prettyErrors: true });
  const problems = document.errors.map((error) => {
    const position = error.linePos?.[0];
    const where = position ? `line ${position.line}, column ${position.col}` : 'line ?';
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { path: `${file}:${where}`, reason: `YAML syntax: ${message}` };
  });
  return { data: problems.length > 0 ? undefined : document.toJS(), problems };
}

export function zodProblems(file: string, issues: readonly Issue[]): ErrorDetail[] {
  return flatten(issues, []).map(({ path, reason }) => ({ path: `${file}:${formatPath(path)}`, reason }));
}

function flatten(issues: readonly Issue[], prefix: readonly Segment[]): { path: Segment[]; reason: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) return flatten(closestBranch(issue.errors), path);
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: [...path, key], reason: 'unknown key' }));
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined'))
      return [{ path, reason: `missing (expected ${issue.expected})` }];
    return [{ path, reason: issue.message }];
  });
}

/** The branch whose shape fits best: fewest missing or unknown keys at its top, then fewest issues. */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  const misfit = (branch: readonly Issue[]) =>
    branch.reduce((count, issue) => {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) return count + issue.keys.length;
      const missing =
        issue.code === 'invalid_type' && issue.path.length === 1 && issue.message.endsWith('received undefined');
      return count + (missing ? 1 : 0);
    }, 0);
  return [...branches].sort((a, b) => misfit(a) - misfit(b) || a.length - b.length)[0]!;
}
