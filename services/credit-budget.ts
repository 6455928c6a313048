/**
 * Where one-time subscribeMessage credits go (issue 21). A mini-program
 * founder's acceptance lets the backend send one message; the reminder plan
 * (T-30, T-7, T-1 by default) would use it on T-30 and lose the one that
 * matters. Credits are spent in this order instead:
 *
 *   1. the last reminder that still leaves a week to apply (T-7);
 *   2. then the later ones, latest first (T-1): the deadline is near;
 *   3. then the earlier ones, latest first (T-30).
 *
 * With one credit a founder hears at T-7; with two at T-7 and T-1; with three
 * at every offset. Pure: the planner asks, per window and offset, whether
 * today's reminder is one the founder's credits should pay for.
 */

/** A reminder this many days or more before the deadline still leaves time to prepare and apply. */
export const DAYS_TO_APPLY = 7;

/** The offsets in the order credits are spent on them. */
export function spendingOrder(offsets: readonly number[]): number[] {
  const ascending = [...new Set(offsets)].sort((a, b) => a - b);
  const inTime = ascending.filter((offset) => offset >= DAYS_TO_APPLY);
  const late = ascending.filter((offset) => offset < DAYS_TO_APPLY).reverse();
  return [...inTime.slice(0, 1), ...late, ...inTime.slice(1)];
}

/** The reminders of one window that `credits` pay for, from `offset` days before it on. */
export function coveredOffsets(offsets: readonly number[], offset: number, credits: number): number[] {
  if (credits <= 0) return [];
  return spendingOrder(offsets)
    .filter((candidate) => candidate <= offset)
    .slice(0, credits);
}

/** Whether today's reminder, `offset` days before the deadline, is worth one of the founder's credits. */
export function worthACredit(offsets: readonly number[], offset: number, credits: number): boolean {
  return coveredOffsets(offsets, offset, credits).includes(offset);
}

/**
 * The reminders still to come that the credits do not cover, in spending
 * order: the first is the one the founder should tap "允许" again for.
 */
export function uncoveredOffsets(offsets: readonly number[], fromOffset: number, credits: number): number[] {
  const covered = new Set(coveredOffsets(offsets, fromOffset, credits));
  return spendingOrder(offsets).filter((offset) => offset <= fromOffset && !covered.has(offset));
}
