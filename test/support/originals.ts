/**
 * The team's shared folder beside the repository (../shared) holds the
 * originals that the repository's own copies began from: the personas, the
 * fact vocabulary, the policy ids. A clone with nothing beside it must test
 * itself, so nothing but "the copy still matches the original" may read them,
 * and those comparisons skip, saying why, when the original is absent.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ORIGINALS_DIR = path.resolve(__dirname, '../../../shared');

/** The original's path, e.g. original('personas') → ../shared/personas. */
export function original(relative: string): string {
  return path.join(ORIGINALS_DIR, relative);
}

const reported = new Set<string>();

/**
 * A test that compares a copy with its original: runs when the original is
 * there, otherwise is skipped with the reason in its title and printed once.
 */
export function itMatchesOriginal(relative: string, title: string, test: (originalPath: string) => void): void {
  const originalPath = original(relative);
  if (fs.existsSync(originalPath)) {
    it(title, () => test(originalPath));
    return;
  }
  const reason = `skipped: ${relative} is not beside the repository (${ORIGINALS_DIR}); the repository's copy is used alone`;
  if (!reported.has(relative)) {
    reported.add(relative);
    process.stderr.write(`${title}: ${reason}\n`);
  }
  it.skip(`${title} (${reason})`, () => undefined);
}
