/**
 * evaluate(catalogue, answers, asOf): for every policy in force on the date
 * and applicable to the founder's region, a verdict with every criterion
 * explained, the facts still missing, near misses, caveats, score breakdowns
 * and the next application window.
 */
import type { Answers, Catalogue, IsoDate, Source } from './catalogue';
import { effectiveAnswers, REGION_FACT } from './answers';
import { appliesToRegion, compileCatalogue, type CompiledCatalogue, type CompiledPolicy } from './compile-catalogue';
import { traceCriterion, type Trace } from './evaluate-criterion';
import { nearMisses } from './near-miss';
import { notNeededReason } from './not-needed';
import type { Evaluation, PolicyResult, PolicyStatus, Truth } from './results';
import { breakdown } from './score';
import { Session } from './session';
import { nextWindow } from './windows';

export interface EvaluateOptions {
  /** Limit the evaluation to these policy ids (a topic); referenced policies are still consulted. */
  policies?: readonly string[];
}

export const STATUS_OF: Record<Truth, PolicyStatus> = { met: 'eligible', not_met: 'not_eligible', unknown: 'maybe' };

/** A session over the founder's answers (with implications and defaults) on a date. */
export function openSession(catalogue: Catalogue, answers: Answers, asOf: IsoDate): Session {
  const compiled = compileCatalogue(catalogue, asOf);
  const effective = effectiveAnswers(catalogue, answers);
  return new Session(compiled, (fact) => effective[fact]);
}

/** Policies to report: in force, selected, and of the founder's region. */
export function policiesInScope(session: Session, options: EvaluateOptions = {}): CompiledPolicy[] {
  const selected = options.policies && options.policies.length > 0 ? new Set(options.policies) : null;
  const region = session.lookup(REGION_FACT);
  return session.compiled.policies.filter(
    (p) => (!selected || selected.has(p.policy.id)) && appliesToRegion(p.policy, region),
  );
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.title}|${s.number ?? ''}|${s.url ?? ''}|${s.seed ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function evaluatePolicy(session: Session, compiled: CompiledPolicy): PolicyResult {
  const { policy, version } = compiled;
  const trace: Trace = { criteria: [], scores: new Map() };
  const outcome = traceCriterion(compiled.criteria, session.env(compiled), trace);
  const status = STATUS_OF[outcome.truth];
  const notNeeded = notNeededReason(policy, session.lookup);
  return {
    policy: policy.id,
    title: policy.title,
    status,
    criteria: trace.criteria,
    missing: unique(outcome.missing),
    nearMiss: status === 'not_eligible' && !notNeeded ? nearMisses(session, compiled) : [],
    caveats: unique([...version.caveats, ...policy.caveats]),
    benefit: policy.benefit,
    scores: [...trace.scores].map(([name, bounds]) => breakdown(name, compiled.scores[name]!, bounds)),
    nextWindow: nextWindow(policy.windows, session.compiled.asOf),
    sources: uniqueSources([...version.sources, ...policy.sources]),
    verifiedAt: policy.verified_at,
    ...(notNeeded ? { notNeeded } : {}),
  };
}

export function evaluateCompiled(session: Session, options: EvaluateOptions = {}): Evaluation {
  return { asOf: session.compiled.asOf, results: policiesInScope(session, options).map((p) => evaluatePolicy(session, p)) };
}

export function evaluate(catalogue: Catalogue, answers: Answers, asOf: IsoDate, options: EvaluateOptions = {}): Evaluation {
  return evaluateCompiled(openSession(catalogue, answers, asOf), options);
}

export type { CompiledCatalogue };
