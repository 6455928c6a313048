/**
 * Three-valued (Kleene) logic: `unknown` means "not answered yet", so a
 * conjunction with one false member is false whatever the unknowns turn out
 * to be, and a disjunction with one true member is true. Every walk of a
 * criteria tree combines truths with these, and only these.
 */
import type { Truth } from './results';

export const MET: Truth = 'met';
export const NOT_MET: Truth = 'not_met';
export const UNKNOWN: Truth = 'unknown';

/** How a group combines its members: `all` is decided by a failing member, `any` by a passing one. */
export interface GroupLogic {
  /** The truth that decides the group alone. */
  readonly decisive: Truth;
  /** The group's truth when every member is decided and none is decisive. */
  readonly settled: Truth;
}

const ALL_LOGIC: GroupLogic = Object.freeze({ decisive: NOT_MET, settled: MET });
const ANY_LOGIC: GroupLogic = Object.freeze({ decisive: MET, settled: NOT_MET });

export function groupLogic(isAll: boolean): GroupLogic {
  return isAll ? ALL_LOGIC : ANY_LOGIC;
}

/** A group none of whose members is decisive: unknown while one is open, else settled. */
export function undecided(logic: GroupLogic, open: boolean): Truth {
  return open ? UNKNOWN : logic.settled;
}

/** The truth of a group of members' truths. */
export function group(logic: GroupLogic, values: Iterable<Truth>): Truth {
  let open = false;
  for (const value of values) {
    if (value === logic.decisive) return value;
    if (value === UNKNOWN) open = true;
  }
  return undecided(logic, open);
}

export function and(values: Iterable<Truth>): Truth {
  return group(ALL_LOGIC, values);
}

export function or(values: Iterable<Truth>): Truth {
  return group(ANY_LOGIC, values);
}

export function not(value: Truth): Truth {
  if (value === UNKNOWN) return value;
  return value === MET ? NOT_MET : MET;
}

export function fromBoolean(value: boolean): Truth {
  return value ? MET : NOT_MET;
}

/**
 * Bounds of a number against a threshold, as a truth: met when even the
 * lower bound passes, not met when even the upper bound fails (scores).
 */
export function fromBounds(min: number, max: number, strict: boolean, threshold: number): Truth {
  if (strict ? min > threshold : min >= threshold) return MET;
  return (strict ? max > threshold : max >= threshold) ? UNKNOWN : NOT_MET;
}

/**
 * What a criterion could still turn out to be, when some unknown facts stay
 * unknown for good (reachability.ts): a truth is the set of outcomes still
 * possible, so `unknown` is {met, not met}, and a fact skipped for good is
 * neither (it can never be decided).
 */
export interface Possible {
  met: boolean;
  notMet: boolean;
}

export const STUCK: Possible = Object.freeze({ met: false, notMet: false });
const POSSIBLE: Record<Truth, Possible> = {
  met: Object.freeze({ met: true, notMet: false }),
  not_met: Object.freeze({ met: false, notMet: true }),
  unknown: Object.freeze({ met: true, notMet: true }),
};

export function possibleOf(truth: Truth): Possible {
  return POSSIBLE[truth];
}

/** Kleene's group rule over possibilities: `all` can be met when every member can, fail when one can. */
export function possibleGroup(isAll: boolean, members: readonly Possible[]): Possible {
  let met = isAll;
  let notMet = !isAll;
  for (const member of members) {
    if (isAll) {
      met &&= member.met;
      notMet ||= member.notMet;
    } else {
      met ||= member.met;
      notMet &&= member.notMet;
    }
  }
  return { met, notMet };
}

export function possibleNot(inner: Possible): Possible {
  return { met: inner.notMet, notMet: inner.met };
}
