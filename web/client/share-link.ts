/**
 * Answers in a share link's fragment (`#a=…`): browsers never send the
 * fragment to a server, so the answers reach no server log. Compact and
 * readable: `fact:value` pairs joined by commas, booleans as T / F, skipped
 * facts as `!fact`, e.g. `#a=district:pudong,employees:40,in_incubator:T,!debt_ratio`.
 * Fact names and enum values are snake / kebab case, so ',' ':' and '!' never
 * occur inside them.
 */
import type { Answers } from './api.js';

const NAME = /^[a-z0-9_.-]+$/i;

export function encodeShare(answers: Answers, skipped: readonly string[]): string {
  const pairs = Object.entries(answers)
    .filter(([fact]) => NAME.test(fact))
    .map(([fact, value]) => {
      const text = value === true ? 'T' : value === false ? 'F' : String(value);
      return `${fact}:${encodeURIComponent(text)}`;
    });
  return [...pairs, ...skipped.filter((fact) => NAME.test(fact)).map((fact) => `!${fact}`)].join(',');
}

export interface Shared {
  answers: Answers;
  skipped: string[];
}

/** The fragment's answers, or null when it carries none. Unknown facts are left for the API to refuse. */
export function decodeShare(hash: string): Shared | null {
  const match = /^#a=(.*)$/.exec(hash);
  if (!match) return null;
  const answers: Answers = {};
  const skipped: string[] = [];
  for (const item of match[1]!.split(',')) {
    if (item.startsWith('!')) {
      if (NAME.test(item.slice(1))) skipped.push(item.slice(1));
      continue;
    }
    const colon = item.indexOf(':');
    const fact = item.slice(0, colon);
    if (colon < 1 || !NAME.test(fact)) continue;
    let text: string;
    try {
      text = decodeURIComponent(item.slice(colon + 1));
    } catch {
      continue;
    }
    answers[fact] = text === 'T' ? true : text === 'F' ? false : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  return { answers, skipped };
}

/** `page`: the page's address without a fragment (origin and path). */
export function shareUrl(page: string, answers: Answers, skipped: readonly string[]): string {
  return `${page}#a=${encodeShare(answers, skipped)}`;
}
