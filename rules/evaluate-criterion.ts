/**
 * Kleene evaluation of a criteria tree. Two walkers over the same semantics:
 * `evaluateCriterion` is lean (truth + missing facts, short-circuits) for the
 * hundreds of trial evaluations of nextQuestion and near misses;
 * `traceCriterion` also explains every leaf for the founder. `missing` holds
 * only unknown facts under undecided branches: a fact below a branch that is
 * already settled cannot change anything, so it is never asked.
 */
import type { Criterion, FactCriterion, FactDefinition, FactValue, ScoreCriterion, ScoreTable } from './catalogue';
import { conditionOf, explainCondition } from './explain';
import { messages, relation } from './messages';
import type { CriterionResult, Truth } from './results';
import { compareScore, openScoreFacts, scoreBounds, type ScoreBounds } from './score';

export type Lookup = (fact: string) => FactValue | undefined;

export interface Outcome {
  truth: Truth;
  /** Unknown facts that could still change `truth`; empty when it is decided. May repeat a fact. */
  missing: readonly string[];
  /** Why a policy reference could not be evaluated normally. */
  note?: 'not_in_force' | 'cycle';
}

export const MET: Outcome = Object.freeze({ truth: 'met', missing: Object.freeze([]) as readonly string[] });
export const NOT_MET: Outcome = Object.freeze({ truth: 'not_met', missing: Object.freeze([]) as readonly string[] });

export interface CriterionEnv {
  lookup: Lookup;
  facts: Readonly<Record<string, FactDefinition>>;
  /** Score tables of the version being evaluated. */
  scores: Readonly<Record<string, ScoreTable>>;
  /** A referenced policy's outcome on the same answers and date. */
  policy(id: string): Outcome;
  policyTitle(id: string): string;
}

export function compareFact(leaf: FactCriterion, actual: FactValue): boolean {
  const expected = leaf.value;
  switch (leaf.op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual);
    default: {
      if (typeof actual !== 'number' || typeof expected !== 'number') return false;
      if (leaf.op === '<') return actual < expected;
      if (leaf.op === '<=') return actual <= expected;
      if (leaf.op === '>') return actual > expected;
      return actual >= expected;
    }
  }
}

function factOutcome(leaf: FactCriterion, env: CriterionEnv): Outcome {
  const actual = env.lookup(leaf.fact);
  if (actual === undefined) return { truth: 'unknown', missing: [leaf.fact] };
  return compareFact(leaf, actual) ? MET : NOT_MET;
}

function scoreOutcome(leaf: ScoreCriterion, env: CriterionEnv): { outcome: Outcome; bounds?: ScoreBounds } {
  const table = env.scores[leaf.score];
  // A reference to a table the version does not declare is a content error: fail closed.
  if (!table) return { outcome: NOT_MET };
  const bounds = scoreBounds(table, env.lookup, env.facts);
  const truth = compareScore(bounds, leaf.op, leaf.value);
  return { outcome: truth === 'unknown' ? { truth, missing: openScoreFacts(bounds) } : truth === 'met' ? MET : NOT_MET, bounds };
}

function negate(outcome: Outcome): Outcome {
  if (outcome.truth === 'unknown') return outcome;
  return outcome.truth === 'met' ? NOT_MET : MET;
}

/** Lean evaluation: truth and missing facts only. */
export function evaluateCriterion(criterion: Criterion, env: CriterionEnv): Outcome {
  if ('all' in criterion) {
    let missing: string[] | null = null;
    for (const child of criterion.all) {
      const outcome = evaluateCriterion(child, env);
      if (outcome.truth === 'not_met') return NOT_MET;
      if (outcome.truth === 'unknown') (missing ??= []).push(...outcome.missing);
    }
    return missing ? { truth: 'unknown', missing } : MET;
  }
  if ('any' in criterion) {
    let missing: string[] | null = null;
    for (const child of criterion.any) {
      const outcome = evaluateCriterion(child, env);
      if (outcome.truth === 'met') return MET;
      if (outcome.truth === 'unknown') (missing ??= []).push(...outcome.missing);
    }
    return missing ? { truth: 'unknown', missing } : NOT_MET;
  }
  if ('not' in criterion) return negate(evaluateCriterion(criterion.not, env));
  if ('fact' in criterion) return factOutcome(criterion, env);
  if ('policy' in criterion) return env.policy(criterion.policy);
  return scoreOutcome(criterion, env).outcome;
}

export interface Trace {
  criteria: CriterionResult[];
  scores: Map<string, ScoreBounds>;
}

/** As seen by the founder: a leaf under `not` is met when its requirement (the negation) holds. */
function seen(truth: Truth, negated: boolean): Truth {
  if (!negated || truth === 'unknown') return truth;
  return truth === 'met' ? 'not_met' : 'met';
}

function traceLeaf(criterion: Criterion, env: CriterionEnv, trace: Trace, negated: boolean): Outcome {
  if ('fact' in criterion) {
    const outcome = factOutcome(criterion, env);
    const status = seen(outcome.truth, negated);
    const condition = conditionOf(criterion, negated);
    const explanation = explainCondition(condition, status, env.lookup(criterion.fact), env.facts[criterion.fact]);
    trace.criteria.push({ fact: criterion.fact, status, explanation });
    return outcome;
  }
  if ('policy' in criterion) {
    const outcome = env.policy(criterion.policy);
    const status = seen(outcome.truth, negated);
    const title = env.policyTitle(criterion.policy);
    let explanation =
      status === 'met' ? messages.policyMet(title) : status === 'not_met' ? messages.policyNotMet(title) : messages.policyOpen(title);
    if (outcome.note === 'not_in_force') explanation = messages.policyNotInForce(title);
    if (outcome.note === 'cycle') explanation = messages.policyCycle(title);
    if (criterion.label && status !== 'unknown') explanation = messages.labelled(criterion.label, status, explanation);
    trace.criteria.push({ fact: `policy:${criterion.policy}`, status, explanation });
    return outcome;
  }
  const leaf = criterion as ScoreCriterion;
  const { outcome, bounds } = scoreOutcome(leaf, env);
  const status = seen(outcome.truth, negated);
  // The table's name reads better before the points than the leaf's label ("综合评分不低于 60 分").
  const label = env.scores[leaf.score]?.label ?? leaf.label ?? leaf.score;
  let explanation: string;
  if (!bounds) explanation = messages.policyNotInForce(label);
  else if (bounds.min === bounds.max) {
    const passes = outcome.truth === 'met';
    const symbol = passes ? relation[leaf.op] : leaf.op === '>=' ? relation['<'] : relation['<='];
    explanation = messages.scoreKnown(label, bounds.min, symbol, leaf.value);
  } else if (outcome.truth === 'unknown') {
    explanation = messages.scoreRange(label, bounds.min, bounds.max, relation[leaf.op], leaf.value);
  } else {
    // Decided by the bounds alone: show the range that settled it.
    const symbol = outcome.truth === 'met' ? relation[leaf.op] : leaf.op === '>=' ? relation['<'] : relation['<='];
    explanation = messages.compare(label, `${bounds.min}–${bounds.max} 分`, symbol, messages.requirementWord, `${leaf.value} 分`);
  }
  if (bounds) trace.scores.set(leaf.score, bounds);
  trace.criteria.push({ fact: `score:${leaf.score}`, status, explanation });
  return outcome;
}

/**
 * Explained evaluation: every leaf gets a CriterionResult. Unknown leaves
 * under a decided branch are dropped, since they cannot matter.
 */
export function traceCriterion(criterion: Criterion, env: CriterionEnv, trace: Trace, negated = false): Outcome {
  const start = trace.criteria.length;
  let outcome: Outcome;
  if ('all' in criterion || 'any' in criterion) {
    const isAll = 'all' in criterion;
    const children = isAll ? criterion.all : criterion.any;
    const outcomes = children.map((child) => traceCriterion(child, env, trace, negated));
    const decisive = isAll ? 'not_met' : 'met';
    if (outcomes.some((o) => o.truth === decisive)) outcome = isAll ? NOT_MET : MET;
    else {
      const open = outcomes.filter((o) => o.truth === 'unknown');
      outcome = open.length > 0 ? { truth: 'unknown', missing: open.flatMap((o) => o.missing) } : isAll ? MET : NOT_MET;
    }
  } else if ('not' in criterion) {
    outcome = negate(traceCriterion(criterion.not, env, trace, !negated));
  } else {
    outcome = traceLeaf(criterion, env, trace, negated);
  }
  if (outcome.truth !== 'unknown') {
    const kept = trace.criteria.slice(start).filter((c) => c.status !== 'unknown');
    trace.criteria.splice(start, trace.criteria.length - start, ...kept);
  }
  return outcome;
}
