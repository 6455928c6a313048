/**
 * evaluate(catalogue, answers, asOf): for every policy in force on the date
 * and applicable to the founder's region, a verdict with every criterion
 * explained, the facts still missing, near misses, caveats, score breakdowns
 * and the next application window; after them, the policies of the region
 * with no version in force on the date, as `not_in_force` (not-in-force.ts).
 */
import type { Answers, Catalogue, IsoDate, Policy } from './catalogue';
import { REGION_FACT } from './answers';
import {
  appliesToRegion,
  compileCatalogue,
  type CompiledCatalogue,
  type CompiledPolicy,
  type DormantPolicy,
} from './compile-catalogue';
import { memoPerPair } from './memo';
import { notInForceResult } from './not-in-force';
import { notNeededReason } from './not-needed';
import { PolicyVerdict } from './policy-verdict';
import type { Evaluation, PolicyResult, PolicyStatus, Truth } from './results';
import { Session } from './session';

export interface EvaluateOptions {
  /** Limit the evaluation to these policy ids (a topic); referenced policies are still consulted. */
  policies?: readonly string[];
}

export const STATUS_OF: Record<Truth, PolicyStatus> = { met: 'eligible', not_met: 'not_eligible', unknown: 'maybe' };

/**
 * One session per answers object and compiled catalogue: the API and the bot
 * call evaluate and then nextQuestion on one set of answers, and the second
 * call then reuses every verdict. The session copied the answers, and the
 * object is checked against that copy, so answers changed in place are never
 * served stale.
 */
const sessionOf = memoPerPair(
  (compiled: CompiledCatalogue, answers: Answers) => Session.of(compiled, answers),
  (session, answers) => session.reads(answers),
);

/** A session over the founder's answers (with implications and defaults) on a date. */
export function openSession(catalogue: Catalogue, answers: Answers, asOf: IsoDate): Session {
  return sessionOf(compileCatalogue(catalogue, asOf), answers);
}

/** Selected (all when no list is given) and of the founder's region. */
function inScope(session: Session, options: EvaluateOptions): (p: { policy: Policy }) => boolean {
  const selected = options.policies && options.policies.length > 0 ? new Set(options.policies) : null;
  const region = session.get(REGION_FACT);
  return (p) => (!selected || selected.has(p.policy.id)) && appliesToRegion(p.policy, region);
}

/** Policies to evaluate (and to ask about): in force, selected, and of the founder's region. */
export function policiesInScope(session: Session, options: EvaluateOptions = {}): CompiledPolicy[] {
  return session.compiled.policies.filter(inScope(session, options));
}

/** Policies to list as `not_in_force`: selected and of the founder's region, but with no version on the date. */
function dormantInScope(session: Session, options: EvaluateOptions): DormantPolicy[] {
  const dormant = session.compiled.dormant;
  return dormant.length === 0 ? [] : dormant.filter(inScope(session, options));
}

function distinct(facts: readonly string[]): string[] {
  const out: string[] = [];
  for (const fact of facts) if (!out.includes(fact)) out.push(fact);
  return out;
}

/** One policy's verdict; explanations and near misses are worked out when first read (see PolicyVerdict). */
export function evaluatePolicy(session: Session, compiled: CompiledPolicy): PolicyResult {
  const outcome = session.outcome(compiled.policy.id);
  const notNeeded = notNeededReason(compiled.policy, session);
  return new PolicyVerdict(session, compiled, STATUS_OF[outcome.truth], distinct(outcome.missing), notNeeded);
}

/** Every policy in scope: those in force evaluated, in catalogue order, then those not in force on the date. */
export function evaluateCompiled(session: Session, options: EvaluateOptions = {}): Evaluation {
  const evaluation = {
    asOf: session.compiled.asOf,
    results: [
      ...policiesInScope(session, options).map((p) => evaluatePolicy(session, p)),
      ...dormantInScope(session, options).map(notInForceResult),
    ],
  };
  // Not enumerable: the ladder is for ladder(), not part of the evaluation's JSON.
  return Object.defineProperty(evaluation, 'ladder', { value: session.compiled.ladder, enumerable: false });
}

export function evaluate(
  catalogue: Catalogue,
  answers: Answers,
  asOf: IsoDate,
  options: EvaluateOptions = {},
): Evaluation {
  return evaluateCompiled(openSession(catalogue, answers, asOf), options);
}

export type { CompiledCatalogue };
