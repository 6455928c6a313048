/**
 * The lean walk of a criteria tree, compiled into closures: the truth under
 * Kleene logic, with the unknown facts that could still change it appended
 * to `missing`. nextQuestion and near misses run this walk thousands of
 * times per call, so each node becomes one closure specialised for its kind
 * and operator, with its constants (fact position, threshold, score bands
 * and their reachable range) captured at compile time. While it runs, a
 * closure reads nothing from other modules: under tsx every imported binding
 * is a getter call, which made the tree walk twice as slow.
 *
 * `missing` holds only facts under undecided branches: a decided branch cuts
 * the array back to where it started, so a fact below a settled branch is
 * never asked. Explanations come from the other walker (traceCriterion).
 */
import type { ComparisonOp, FactDefinition, FactValue, ScoreBand, ScoreComponent, ScoreTable } from './catalogue';
import { ALL, ANY, FACT, NOT, POLICY, type CriterionNode } from './criteria-node';
import type { Truth } from './results';
import { pointsFor, reachableRange } from './score';

/** Where a lean walk reads fact values and referenced policies' outcomes (a Session). */
export interface LeanEnv {
  /** A fact by its position in the vocabulary. */
  getAt(index: number): FactValue | undefined;
  /** A fact outside the vocabulary (only unvalidated answers name one). */
  get(fact: string): FactValue | undefined;
  outcome(policyId: string): { truth: Truth; missing: readonly string[] };
}

export type LeanTest = (env: LeanEnv, missing: string[]) => Truth;

/** What compiling needs from the vocabulary: definitions (for score ranges) and fact positions. */
export interface LeanVocabulary {
  facts: Readonly<Record<string, FactDefinition>>;
  factIndex: ReadonlyMap<string, number>;
}

const MET: Truth = 'met';
const NOT_MET: Truth = 'not_met';
const UNKNOWN: Truth = 'unknown';
// Bound once here, so the closures below call a local, not an import (see the header).
const bandPoints = pointsFor;

/**
 * A per-node compiler that compiles each node on first use and keeps the
 * closure as long as the node lives. Keyed by node alone: a node belongs to
 * one compiled catalogue, hence to one vocabulary.
 */
export function compiledPerNode<T>(
  compile: (node: CriterionNode, vocabulary: LeanVocabulary) => T,
): (node: CriterionNode, vocabulary: LeanVocabulary) => T {
  const compiled = new WeakMap<CriterionNode, T>();
  return (node, vocabulary) => {
    let closure = compiled.get(node);
    if (closure === undefined) compiled.set(node, (closure = compile(node, vocabulary)));
    return closure;
  };
}

/** The lean test of a node. */
export const leanTest: (node: CriterionNode, vocabulary: LeanVocabulary) => LeanTest = compiledPerNode(compile);

function compile(node: CriterionNode, vocabulary: LeanVocabulary): LeanTest {
  switch (node.kind) {
    case ALL:
    case ANY:
      return groupTest(
        node.kind === ALL,
        node.children.map((child) => leanTest(child, vocabulary)),
      );
    case NOT: {
      const inner = leanTest(node.children[0]!, vocabulary);
      return (env, missing) => {
        const truth = inner(env, missing);
        return truth === MET ? NOT_MET : truth === NOT_MET ? MET : UNKNOWN;
      };
    }
    case FACT:
      return factTest(node.index, node.name, node.holds);
    case POLICY: {
      const id = node.name;
      return (env, missing) => {
        const outcome = env.outcome(id);
        if (outcome.truth === UNKNOWN) for (const fact of outcome.missing) missing.push(fact);
        return outcome.truth;
      };
    }
    default:
      // A score the version does not declare is a content error: it fails closed.
      return node.table ? scoreTest(node.table, node.op, node.value as number, vocabulary) : () => NOT_MET;
  }
}

/** `all` is decided by its first failing member, `any` by its first passing one; otherwise open or the other. */
function groupTest(isAll: boolean, children: readonly LeanTest[]): LeanTest {
  const decisive = isAll ? NOT_MET : MET;
  const settled = isAll ? MET : NOT_MET;
  return (env, missing) => {
    const start = missing.length;
    let open = false;
    for (let i = 0; i < children.length; i += 1) {
      const truth = children[i]!(env, missing);
      if (truth === decisive) {
        missing.length = start;
        return decisive;
      }
      if (truth === UNKNOWN) open = true;
    }
    return open ? UNKNOWN : settled;
  };
}

function factTest(index: number, name: string, holds: (value: FactValue) => boolean): LeanTest {
  if (index < 0) {
    return (env, missing) => {
      const value = env.get(name);
      if (value === undefined) {
        missing.push(name);
        return UNKNOWN;
      }
      return holds(value) ? MET : NOT_MET;
    };
  }
  return (env, missing) => {
    const value = env.getAt(index);
    if (value === undefined) {
      missing.push(name);
      return UNKNOWN;
    }
    return holds(value) ? MET : NOT_MET;
  };
}

/** A score component with what does not depend on the answers worked out once. */
interface LeanComponent {
  /** Position of the fact (-1 outside the vocabulary, or for a best_of). */
  index: number;
  fact: string;
  bands: readonly ScoreBand[];
  /** The points an unknown fact can still reach. */
  low: number;
  high: number;
  /** A best_of's alternatives (null for a fact's bands). */
  alternatives: LeanComponent[] | null;
}

function leanComponent(component: ScoreComponent, vocabulary: LeanVocabulary): LeanComponent {
  if ('fact' in component) {
    const { fact, bands } = component;
    const [low, high] = reachableRange(bands, vocabulary.facts[fact]);
    return { index: vocabulary.factIndex.get(fact) ?? -1, fact, bands, low, high, alternatives: null };
  }
  const alternatives = component.best_of.map((c) => leanComponent(c, vocabulary));
  return { index: -1, fact: '', bands: [], low: 0, high: 0, alternatives };
}

// Scratch registers of rangeOf: the points range of the last component, without allocating.
let low = 0;
let high = 0;

function readFact(component: LeanComponent, env: LeanEnv): FactValue | undefined {
  return component.index >= 0 ? env.getAt(component.index) : env.get(component.fact);
}

/** Sets low/high to the component's points: exact when its fact is known, else what it can still reach. */
function rangeOf(component: LeanComponent, env: LeanEnv): void {
  const alternatives = component.alternatives;
  if (alternatives === null) {
    const value = readFact(component, env);
    if (typeof value === 'number') {
      low = high = bandPoints(component.bands, value);
    } else {
      low = component.low;
      high = component.high;
    }
    return;
  }
  // The best known points are the floor; an alternative can only raise it.
  let bestLow = -Infinity;
  let bestHigh = -Infinity;
  for (const alternative of alternatives) {
    rangeOf(alternative, env);
    if (low > bestLow) bestLow = low;
    if (high > bestHigh) bestHigh = high;
  }
  low = bestLow;
  high = bestHigh;
}

/** The unknown facts that could still move a component's points (as scoreBounds reports them). */
function pushOpenFacts(component: LeanComponent, env: LeanEnv, missing: string[]): void {
  const alternatives = component.alternatives;
  if (alternatives === null) {
    if (typeof readFact(component, env) !== 'number' && component.low < component.high) missing.push(component.fact);
    return;
  }
  rangeOf(component, env);
  const floor = low;
  if (floor >= high) return;
  // An alternative that cannot beat the best known points cannot change the result.
  for (const alternative of alternatives) {
    rangeOf(alternative, env);
    if (high > floor) pushOpenFacts(alternative, env, missing);
  }
}

function scoreTest(table: ScoreTable, op: ComparisonOp, threshold: number, vocabulary: LeanVocabulary): LeanTest {
  const components = table.components.map((c) => leanComponent(c, vocabulary));
  const strict = op === '>';
  return (env, missing) => {
    let min = 0;
    let max = 0;
    for (const component of components) {
      rangeOf(component, env);
      min += low;
      max += high;
    }
    // Met when even the lower bound passes, not met when even the upper bound fails.
    if (strict ? min > threshold : min >= threshold) return MET;
    if (!(strict ? max > threshold : max >= threshold)) return NOT_MET;
    for (const component of components) pushOpenFacts(component, env, missing);
    return UNKNOWN;
  };
}
