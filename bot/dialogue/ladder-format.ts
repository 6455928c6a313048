/** Placeholder until rules/ladder lands. */
export function formatLadder(_ladder: unknown): string | null {
  return null;
}
