/**
 * The lean view of a criteria tree (criteria-fold.ts): the truth under Kleene
 * logic, with the unknown facts that could still change it appended to
 * `missing`. nextQuestion and near misses run this walk thousands of times
 * per call, so each node becomes one closure specialised for its kind and
 * operator, with its constants (fact position, threshold, score bands and
 * their reachable range) captured when it is compiled.
 *
 * `missing` holds only facts under undecided branches: a decided branch cuts
 * the array back to where it started, so a fact below a settled branch is
 * never asked. Explanations come from the traced view (evaluate-criterion.ts).
 */
import type { ComparisonOp, FactValue, ScoreBand, ScoreComponent, ScoreTable } from './catalogue';
import { criteriaView, type Vocabulary } from './criteria-fold';
import { fromBounds, groupLogic, not } from './kleene';
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

/** What compiling needs from the vocabulary (see criteria-fold.ts). */
export type LeanVocabulary = Vocabulary;

// Truths as literals, not imported constants: under tsx (bench:rules) every read of an
// imported binding is a getter call, and these are read on every node of every trial.
const MET: Truth = 'met';
const NOT_MET: Truth = 'not_met';
const UNKNOWN: Truth = 'unknown';

/** The lean test of a node. */
export const leanTest = criteriaView<LeanTest>({
  group: groupTest,
  not: (inner) => (env, missing) => not(inner(env, missing)),
  fact: (node) => factTest(node.index, node.name, node.holds),
  policy: (node) => {
    const id = node.name;
    return (env, missing) => {
      const outcome = env.outcome(id);
      if (outcome.truth === UNKNOWN) for (const fact of outcome.missing) missing.push(fact);
      return outcome.truth;
    };
  },
  // A score the version does not declare is a content error: it fails closed.
  score: (node, vocabulary) =>
    node.table ? scoreTest(node.table, node.op, node.value as number, vocabulary) : () => NOT_MET,
});

/** A group is decided by its first decisive member (kleene.ts); a decided group has nothing missing. */
function groupTest(isAll: boolean, children: readonly LeanTest[]): LeanTest {
  const { decisive, settled } = groupLogic(isAll);
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

/** A component's points range: where rangeOf writes, so summing a score allocates nothing. */
interface Range {
  low: number;
  high: number;
}

function leanComponent(component: ScoreComponent, vocabulary: Vocabulary): LeanComponent {
  if ('fact' in component) {
    const { fact, bands } = component;
    const [low, high] = reachableRange(bands, vocabulary.facts[fact]);
    return { index: vocabulary.factIndex.get(fact) ?? -1, fact, bands, low, high, alternatives: null };
  }
  const alternatives = component.best_of.map((c) => leanComponent(c, vocabulary));
  return { index: -1, fact: '', bands: [], low: 0, high: 0, alternatives };
}

function readFact(component: LeanComponent, env: LeanEnv): FactValue | undefined {
  return component.index >= 0 ? env.getAt(component.index) : env.get(component.fact);
}

/** Sets `range` to the component's points: exact when its fact is known, else what it can still reach. */
function rangeOf(component: LeanComponent, env: LeanEnv, range: Range): void {
  const alternatives = component.alternatives;
  if (alternatives === null) {
    const value = readFact(component, env);
    if (typeof value === 'number') {
      range.low = range.high = pointsFor(component.bands, value);
    } else {
      range.low = component.low;
      range.high = component.high;
    }
    return;
  }
  // The best known points are the floor; an alternative can only raise it.
  let bestLow = -Infinity;
  let bestHigh = -Infinity;
  for (const alternative of alternatives) {
    rangeOf(alternative, env, range);
    if (range.low > bestLow) bestLow = range.low;
    if (range.high > bestHigh) bestHigh = range.high;
  }
  range.low = bestLow;
  range.high = bestHigh;
}

/** The unknown facts that could still move a component's points (as scoreBounds reports them). */
function pushOpenFacts(component: LeanComponent, env: LeanEnv, missing: string[], range: Range): void {
  const alternatives = component.alternatives;
  if (alternatives === null) {
    if (typeof readFact(component, env) !== 'number' && component.low < component.high) missing.push(component.fact);
    return;
  }
  rangeOf(component, env, range);
  const floor = range.low;
  if (floor >= range.high) return;
  // An alternative that cannot beat the best known points cannot change the result.
  for (const alternative of alternatives) {
    rangeOf(alternative, env, range);
    if (range.high > floor) pushOpenFacts(alternative, env, missing, range);
  }
}

function scoreTest(table: ScoreTable, op: ComparisonOp, threshold: number, vocabulary: Vocabulary): LeanTest {
  const components = table.components.map((c) => leanComponent(c, vocabulary));
  const strict = op === '>';
  return (env, missing) => {
    const range: Range = { low: 0, high: 0 };
    let min = 0;
    let max = 0;
    for (const component of components) {
      rangeOf(component, env, range);
      min += range.low;
      max += range.high;
    }
    const truth = fromBounds(min, max, strict, threshold);
    if (truth === UNKNOWN) for (const component of components) pushOpenFacts(component, env, missing, range);
    return truth;
  };
}
