/**
 * The explained evaluation of a criteria tree: `traceCriterion` records every
 * leaf for the founder, with the same Kleene semantics as the lean walk
 * (lean-criterion.ts) that nextQuestion and near misses run thousands of
 * times. `missing` holds only unknown facts under undecided branches: a fact
 * below a branch that is already settled cannot change anything.
 */
import type { FactCriterion, FactDefinition, FactValue, ScoreCriterion } from './catalogue';
import { ALL, ANY, FACT, NOT, POLICY, valueOf, type CriterionNode } from './criteria-node';
import { conditionOf, explainCondition, explainPolicy, explainScore } from './explain';
import type { CriterionResult, Truth } from './results';
import { compareScore, openScoreFacts, scoreBounds, type ScoreBounds } from './score';

/** Where fact values come from: the founder's answers, possibly with trial answers on top. */
export interface FactSource {
  get(fact: string): FactValue | undefined;
}

export interface Outcome {
  truth: Truth;
  /** Unknown facts that could still change `truth`; empty when it is decided. May repeat a fact. */
  missing: readonly string[];
  /** Why a policy reference could not be evaluated normally. */
  note?: 'not_in_force' | 'cycle';
  /** Every encoded condition is met, but conditions left to check cap `truth` at unknown. */
  capped?: true;
}

/**
 * What a criteria walk needs besides the tree: fact values, definitions, and
 * referenced policies evaluated on the same answers and date. An interface
 * with methods (not closures) because trial evaluations create many of them.
 */
export interface CriterionEnv extends FactSource {
  readonly facts: Readonly<Record<string, FactDefinition>>;
  /** A fact by its position in the vocabulary (see CriterionNode.index). */
  getAt(index: number): FactValue | undefined;
  outcome(policyId: string): Outcome;
  titleOf(policyId: string): string;
}

function negate(truth: Truth): Truth {
  return truth === 'unknown' ? truth : truth === 'met' ? 'not_met' : 'met';
}

export interface Trace {
  criteria: CriterionResult[];
  missing: string[];
  scores: Map<string, ScoreBounds>;
  /** How many entries of `criteria` are unknown (so decided branches filter only when needed). */
  unknown: number;
}

export function newTrace(): Trace {
  return { criteria: [], missing: [], scores: new Map(), unknown: 0 };
}

/** As seen by the founder: a leaf under `not` is met when its requirement (the negation) holds. */
function seen(truth: Truth, negated: boolean): Truth {
  return negated ? negate(truth) : truth;
}

function push(trace: Trace, result: CriterionResult): void {
  trace.criteria.push(result);
  if (result.status === 'unknown') trace.unknown += 1;
}

/** One leaf explained into `trace` (a fact, a policy reference or a score), as the founder sees it. */
export function traceLeaf(node: CriterionNode, env: CriterionEnv, trace: Trace, negated: boolean): Truth {
  if (node.kind === FACT) {
    const value = valueOf(node, env);
    const truth: Truth = value === undefined ? 'unknown' : node.holds(value) ? 'met' : 'not_met';
    if (value === undefined) trace.missing.push(node.name);
    const status = seen(truth, negated);
    const explanation = explainCondition(
      conditionOf(node.source as FactCriterion, negated),
      status,
      value,
      env.facts[node.name],
    );
    push(trace, { fact: node.name, status, explanation });
    return truth;
  }
  if (node.kind === POLICY) {
    const outcome = env.outcome(node.name);
    if (outcome.truth === 'unknown') for (const fact of outcome.missing) trace.missing.push(fact);
    const status = seen(outcome.truth, negated);
    const explanation = explainPolicy(env.titleOf(node.name), status, outcome.note, node.source.label);
    push(trace, { fact: `policy:${node.name}`, status, explanation });
    return outcome.truth;
  }
  const leaf = node.source as ScoreCriterion;
  if (!node.table) {
    push(trace, {
      fact: `score:${leaf.score}`,
      status: seen('not_met', negated),
      explanation: explainPolicy(leaf.score, 'not_met', 'not_in_force'),
    });
    return 'not_met';
  }
  const bounds = scoreBounds(node.table, env, env.facts);
  const truth = compareScore(bounds, leaf.op, leaf.value);
  if (truth === 'unknown') for (const fact of openScoreFacts(bounds)) trace.missing.push(fact);
  trace.scores.set(leaf.score, bounds);
  push(trace, {
    fact: `score:${leaf.score}`,
    status: seen(truth, negated),
    explanation: explainScore(node.table.label, bounds, leaf, truth),
  });
  return truth;
}

/**
 * Explained evaluation: every leaf gets a CriterionResult. Unknown leaves
 * under a decided branch are dropped, since they cannot matter.
 */
export function traceCriterion(node: CriterionNode, env: CriterionEnv, trace: Trace, negated = false): Truth {
  const start = trace.criteria.length;
  const missingStart = trace.missing.length;
  const unknownBefore = trace.unknown;
  let truth: Truth;
  if (node.kind === ALL || node.kind === ANY) {
    // No short-circuit: every leaf is shown, met or not.
    const isAll = node.kind === ALL;
    const decisive: Truth = isAll ? 'not_met' : 'met';
    let decided = false;
    let open = false;
    for (const child of node.children) {
      const childTruth = traceCriterion(child, env, trace, negated);
      if (childTruth === decisive) decided = true;
      else if (childTruth === 'unknown') open = true;
    }
    truth = decided ? decisive : open ? 'unknown' : isAll ? 'met' : 'not_met';
  } else if (node.kind === NOT) {
    truth = negate(traceCriterion(node.children[0]!, env, trace, !negated));
  } else {
    truth = traceLeaf(node, env, trace, negated);
  }
  if (truth !== 'unknown') {
    trace.missing.length = missingStart;
    if (trace.unknown > unknownBefore) {
      // Compact in place: drop this branch's unknown leaves.
      const criteria = trace.criteria;
      let kept = start;
      for (let i = start; i < criteria.length; i += 1)
        if (criteria[i]!.status !== 'unknown') criteria[kept++] = criteria[i]!;
      criteria.length = kept;
      trace.unknown = unknownBefore;
    }
  }
  return truth;
}
