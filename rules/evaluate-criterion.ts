/**
 * The explained evaluation of a criteria tree: `traceCriterion` records every
 * leaf for the founder. A view of the criteria fold (criteria-fold.ts), held
 * to the lean view's verdict by test/rules/differential.test.ts. `missing`
 * holds only unknown facts under undecided branches: a fact below a branch
 * that is already settled cannot change anything.
 */
import type { FactCriterion, FactDefinition, FactValue, ScoreCriterion } from './catalogue';
import { criteriaView, type Vocabulary } from './criteria-fold';
import { valueOf, type CriterionNode } from './criteria-node';
import { conditionOf, explainPolicy, explainScore, FactExplainer } from './explain';
import { fromBoolean, groupLogic, not, NOT_MET, undecided, UNKNOWN } from './kleene';
import type { CriterionResult, Truth } from './results';
import { memoPerObject } from './memo';
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
  /** Definitions and positions of the facts, which compiled the nodes walked. */
  readonly vocabulary: Vocabulary;
}

export interface Trace {
  criteria: CriterionResult[];
  missing: string[];
  /** Scores compared on the walk, by name (most policies have none: made on the first). */
  scores: Map<string, ScoreBounds> | null;
  /** How many entries of `criteria` are unknown (so decided branches filter only when needed). */
  unknown: number;
}

export function newTrace(): Trace {
  return { criteria: [], missing: [], scores: null, unknown: 0 };
}

/** As seen by the founder: a leaf under `not` is met when its requirement (the negation) holds. */
function seen(truth: Truth, negated: boolean): Truth {
  return negated ? not(truth) : truth;
}

function push(trace: Trace, result: CriterionResult): void {
  trace.criteria.push(result);
  if (result.status === 'unknown') trace.unknown += 1;
}

/**
 * One node's explained walk: records its leaves into `trace` as the founder
 * sees them (`negated` under an odd number of `not`s) and returns its truth.
 */
export type TraceStep = (env: CriterionEnv, trace: Trace, negated: boolean) => Truth;

/** The traced view of the criteria fold (criteria-fold.ts). */
export const traceStep = criteriaView<TraceStep>({
  group: groupTrace,
  not: (inner) => (env, trace, negated) => not(inner(env, trace, !negated)),
  fact: (node, vocabulary) => {
    const leaf = factLeaf(node, vocabulary);
    return (env, trace, negated) => {
      const result = leaf(env, negated);
      if (result.status === UNKNOWN) trace.missing.push(node.name);
      push(trace, result);
      return seen(result.status, negated);
    };
  },
  policy: (node) => (env, trace, negated) => tracePolicy(node, env, trace, negated),
  score: (node) => (env, trace, negated) => traceScore(node, env, trace, negated),
});

/**
 * Explained evaluation: every leaf gets a CriterionResult. Unknown leaves
 * under a decided branch are dropped, since they cannot matter.
 */
export function traceCriterion(node: CriterionNode, env: CriterionEnv, trace: Trace, negated = false): Truth {
  return traceStep(node, env.vocabulary)(env, trace, negated);
}

/** No short-circuit: every leaf is shown, met or not; a decided group drops what it left open. */
function groupTrace(isAll: boolean, children: readonly TraceStep[]): TraceStep {
  const logic = groupLogic(isAll);
  return (env, trace, negated) => {
    const start = trace.criteria.length;
    const missingStart = trace.missing.length;
    const unknownBefore = trace.unknown;
    let decided = false;
    let open = false;
    for (let i = 0; i < children.length; i += 1) {
      const truth = children[i]!(env, trace, negated);
      if (truth === logic.decisive) decided = true;
      else if (truth === UNKNOWN) open = true;
    }
    if (!decided && open) return UNKNOWN;
    trace.missing.length = missingStart;
    if (trace.unknown > unknownBefore) {
      // Compact in place: drop this branch's unknown leaves.
      const criteria = trace.criteria;
      let kept = start;
      for (let i = start; i < criteria.length; i += 1)
        if (criteria[i]!.status !== UNKNOWN) criteria[kept++] = criteria[i]!;
      criteria.length = kept;
      trace.unknown = unknownBefore;
    }
    return decided ? logic.decisive : undecided(logic, false);
  };
}

/** A fact leaf as the founder sees it (`status` under `negated`), explained. */
export type LeafStep = (env: CriterionEnv, negated: boolean) => CriterionResult;

/**
 * A fact leaf, with its explanations compiled once per node for both
 * polarities (FactExplainer): the traced view, the outline and the failed
 * leaves all read leaves through it.
 */
export const factLeaf = memoPerObject((node: CriterionNode, vocabulary: Vocabulary): LeafStep => {
  const definition = vocabulary.facts[node.name];
  const source = node.source as FactCriterion;
  const asWritten = new FactExplainer(conditionOf(source, false), definition);
  const negatedLeaf = new FactExplainer(conditionOf(source, true), definition);
  return (env, negated) => {
    const explainer = negated ? negatedLeaf : asWritten;
    const value = valueOf(node, env);
    if (value === undefined) return explainer.unanswered;
    return explainer.explain(seen(fromBoolean(node.holds(value)), negated) as 'met' | 'not_met', value);
  };
});

function tracePolicy(node: CriterionNode, env: CriterionEnv, trace: Trace, negated: boolean): Truth {
  const outcome = env.outcome(node.name);
  if (outcome.truth === UNKNOWN) for (const fact of outcome.missing) trace.missing.push(fact);
  const status = seen(outcome.truth, negated);
  const explanation = explainPolicy(env.titleOf(node.name), status, outcome.note, node.source.label);
  push(trace, { fact: `policy:${node.name}`, status, explanation });
  return outcome.truth;
}

function traceScore(node: CriterionNode, env: CriterionEnv, trace: Trace, negated: boolean): Truth {
  const leaf = node.source as ScoreCriterion;
  if (!node.table) {
    push(trace, {
      fact: `score:${leaf.score}`,
      status: seen(NOT_MET, negated),
      explanation: explainPolicy(leaf.score, NOT_MET, 'not_in_force'),
    });
    return NOT_MET;
  }
  const bounds = scoreBounds(node.table, env, env.facts);
  const truth = compareScore(bounds, leaf.op, leaf.value);
  if (truth === UNKNOWN) for (const fact of openScoreFacts(bounds)) trace.missing.push(fact);
  (trace.scores ??= new Map()).set(leaf.score, bounds);
  push(trace, {
    fact: `score:${leaf.score}`,
    status: seen(truth, negated),
    explanation: explainScore(node.table.label, bounds, leaf, truth),
  });
  return truth;
}
