/**
 * The 科小 → 高企 → 专精特新 → 小巨人 ladder in two or three lines: every rung
 * with where the founder stands, then the next rung and what it still takes.
 */
import type { FactDefinition } from '../../rules/catalogue';
import type { Ladder } from '../../rules/results';
import { text } from '../messages';

/** How many missing facts or failing criteria to name for the next rung. */
const SHOWN = 2;

export function formatLadder(ladder: Ladder, facts: Readonly<Record<string, FactDefinition>>): string | null {
  // A check limited to other policies (a 落户 topic) evaluated no rung: a row of
  // "暂不适用" would read as a verdict on the company, not as "not asked".
  if (ladder.rungs.every((rung) => rung.state === 'unavailable')) return null;
  const lines = [
    ladder.rungs.map((rung) => text.paren(rung.title, text.rungStates[rung.state] ?? rung.state)).join(' → '),
  ];
  const next = ladder.next;
  if (next) {
    // What it takes depends on where the rung stands: nothing more when eligible, the
    // missing facts when open, the near miss (else the failing criteria) when not met.
    const needs: string[] = [];
    if (next.state === 'maybe') {
      needs.push(text.stillNeeded(next.missing.slice(0, SHOWN).map((fact) => facts[fact]?.label ?? fact)));
    } else if (next.state === 'not_eligible') {
      const misses = next.nearMiss.map((miss) => miss.explanation);
      // Without a near miss, the first failing criterion says enough (the others are often alternative routes).
      needs.push(...(misses.length > 0 ? misses : next.failing.slice(0, 1).map((criterion) => criterion.explanation)));
    }
    lines.push(text.nextRung(text.paren(next.title, text.rungStates[next.state] ?? next.state), needs));
  }
  return lines.join('\n');
}
