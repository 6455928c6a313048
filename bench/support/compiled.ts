/**
 * Benchmarks run compiled, as production does (`npm run bench:*` builds them
 * with tsconfig.bench.json into dist/bench-run/ first): under a dev-time
 * loader every import of another module is read through a getter, which
 * made the engine look slower than it is and once tempted code into
 * workarounds. These helpers keep a bench working both ways.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Node's arguments to run this same file in a child process (the loader only when running TypeScript). */
export function selfCommand(file: string): string[] {
  return file.endsWith('.ts') ? ['--import', 'tsx', file] : [file];
}

/** A path in the repository, from source (bench/) or compiled (dist/bench-run/bench/). */
export function repoPath(...parts: string[]): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return path.join(dir, ...parts);
}
