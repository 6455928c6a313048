/**
 * What the rules engine returns. Types only; the engine lives beside this file.
 * The API serialises these (snake_case at the HTTP edge, see shared/FACTS.md).
 */
import type { Benefit, FactType, FactValue, IsoDate, Source, EnumOption } from './catalogue';

export type Truth = 'met' | 'not_met' | 'unknown';
export type PolicyStatus = 'eligible' | 'not_eligible' | 'maybe';

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
  caveats: string[];
  benefit: Benefit;
  scores: ScoreBreakdown[];
  /** The next window that has not closed on the as-of date, if any. */
  nextWindow: ConcreteWindow | null;
  sources: Source[];
  verifiedAt: IsoDate;
  /** When the founder does not need this at all (e.g. already has a Shanghai hukou). */
  notNeeded?: string;
}

export interface Evaluation {
  asOf: IsoDate;
  results: PolicyResult[];
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
}

export interface ValidationIssue {
  fact: string;
  reason: string;
  value?: unknown;
}

export type { FactValue };
