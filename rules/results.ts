/**
 * What the rules engine returns. Types only; the engine lives beside this file.
 * The API serialises these (snake_case at the HTTP edge, see docs/api-contract.md).
 */
import type { Benefit, EnumOption, FactType, FactValue, Incubator, IsoDate, Source } from './catalogue';
import type { OutlineLeaf, OutlineNode } from './criteria-outline';
import type { DeclaredRung } from './ladder';

export type { OutlineGroup, OutlineLeaf, OutlineNode } from './criteria-outline';

export type Truth = 'met' | 'not_met' | 'unknown';
/**
 * `not_in_force`: no version of the policy applies on the as-of date. Listed so
 * that it does not vanish, never evaluated: no criteria, nothing missing, and
 * its first caveat says why (not yet, no longer, or between versions).
 */
export type PolicyStatus = 'eligible' | 'not_eligible' | 'maybe' | 'not_in_force';

/** One leaf of a policy's criteria, explained. */
export interface CriterionResult {
  /** The fact compared, or `policy:<id>` / `score:<name>` for references. */
  fact: string;
  status: Truth;
  /** Chinese, with threshold and the founder's value: "研发费用占比 4.2% < 要求 5%". */
  explanation: string;
}

export interface NearMiss {
  fact: string;
  needed: number;
  current: number;
  /** "研发费用占比提高到 4% 即可". */
  explanation: string;
}

export interface ScoreBreakdown {
  name: string;
  label: string;
  /** Bounds while facts are unknown; equal when all are known. */
  min: number;
  max: number;
  components: { label: string; points: number | null; max: number }[];
}

export interface ConcreteWindow {
  /** `<window id>` or `<window id>:<year>` for yearly windows: stable key for reminders. */
  key: string;
  opens?: IsoDate;
  closes?: IsoDate;
  rolling: boolean;
  note?: string;
}

export interface PolicyResult {
  policy: string;
  title: string;
  status: PolicyStatus;
  criteria: CriterionResult[];
  /** Unknown facts that could still change the status. */
  missing: string[];
  nearMiss: NearMiss[];
  /** Shared with the compiled catalogue (frozen): read, never change. */
  caveats: readonly string[];
  /**
   * Hard conditions the founder must check themselves (not encoded, or rules
   * of uncertain source): while any is listed the status is never `eligible`.
   * Shared and frozen.
   */
  toCheck: readonly string[];
  benefit: Benefit;
  scores: ScoreBreakdown[];
  /** The next window that has not closed on the as-of date, if any (shared, frozen). */
  nextWindow: Readonly<ConcreteWindow> | null;
  /** Shared with the compiled catalogue (frozen). */
  sources: readonly Source[];
  verifiedAt: IsoDate;
  /**
   * The criteria as a tree with each group's label and mode (all of / one of),
   * for showing one policy to a founder; `criteria` is the same, flattened.
   * Not part of the API's JSON.
   */
  readonly outline: OutlineNode;
  /**
   * What a "no" failed on, as failedLeaves(outline) finds it (empty unless
   * `not_eligible`); for the list a phone asks for. Not part of the API's JSON.
   */
  readonly failed: OutlineLeaf[];
  /** When the founder does not need this at all (e.g. already has a Shanghai hukou). */
  notNeeded?: string;
}

export interface Evaluation {
  asOf: IsoDate;
  results: PolicyResult[];
  /**
   * The catalogue's qualification ladder, for ladder() (not enumerable, so
   * not in the JSON): rungs the evaluation left out are still named.
   */
  readonly ladder?: readonly DeclaredRung[];
}

export interface NextQuestion {
  fact: string;
  text: string;
  type: FactType;
  options?: EnumOption[];
  unit?: string;
  example?: string;
  why: string;
  min?: number;
  max?: number;
  /**
   * Asked only to learn how near a "no" is (titles of those policies): the
   * chat says so ("再问几个问题，看看差多少"). Not part of the HTTP contract.
   */
  nearMissOf?: string[];
}

export interface ValidationIssue {
  fact: string;
  reason: string;
  value?: unknown;
}

export type { FactValue };

/** A rung of the 科技型中小企业 → 高新技术企业 → 专精特新 → 小巨人 ladder. */
export type RungState = Exclude<PolicyStatus, 'not_in_force'> | 'held' | 'unavailable';

export interface LadderRung {
  policy: string;
  title: string;
  /** `held`: the founder says they have it; `unavailable`: not evaluated (not in force or not in scope). */
  state: RungState;
}

/** The rung to climb next, with what is still missing and what fails. */
export interface LadderStep {
  policy: string;
  title: string;
  state: RungState;
  missing: string[];
  /** The criteria not met, explained. */
  failing: CriterionResult[];
  nearMiss: NearMiss[];
}

export interface Ladder {
  rungs: LadderRung[];
  /** The highest rung held, or null. */
  current: string | null;
  /** The first rung above `current` not yet held; null when every rung is held. */
  next: LadderStep | null;
}

export interface BenefitTotals {
  /** Sum of the known caps, yuan. */
  totalYuan: number;
  /** Policies whose cap is counted in the total. */
  counted: string[];
  /** Policies whose amount no source gives: named, not guessed. */
  unknownAmounts: { policy: string; title: string }[];
}

export interface BenefitEstimate {
  eligible: BenefitTotals;
  maybe: BenefitTotals;
}

export interface IncubatorMatch {
  incubator: Incubator;
  score: number;
  /** Chinese, one short phrase each: "同在浦东新区". */
  reasons: string[];
}

/** Conditions that say only where and whether a company exists: meeting them alone is no news. */
const BASIC_FACTS: ReadonlySet<string> = new Set([
  'region',
  'registered_in_shanghai',
  'company_registered',
  'district',
]);

/**
 * Good news for the founder: eligible, or every condition we encode met with
 * only conditions the founder must check themselves left (capped at maybe by
 * `unmodelled:` or confidence C). The second counts only when some condition
 * of the policy's own was met: "you have a registered company" is not news
 * about a policy whose real conditions we cannot check. Announced with how
 * sure it is.
 */
export function isGoodNews(
  result: Pick<PolicyResult, 'status' | 'missing' | 'toCheck' | 'notNeeded' | 'criteria'>,
): boolean {
  if (result.notNeeded) return false;
  if (result.status === 'eligible') return true;
  return (
    result.status === 'maybe' &&
    result.missing.length === 0 &&
    result.toCheck.length > 0 &&
    result.criteria.some((c) => c.status === 'met' && !BASIC_FACTS.has(c.fact))
  );
}
