/**
 * How many failing numeric conditions would have to flip for a criterion to
 * reach the wanted truth: the cheap first step of the near-miss search, run
 * for every policy a founder fails. NEVER when a yes/no, a reference or an
 * unknown stands in the way, so the trials are spared for the many policies
 * that fail on a yes/no or on three numbers or more. A view of the criteria
 * fold (criteria-fold.ts); a node needs no flips exactly when its lean truth
 * is the one wanted.
 */
import { criteriaView } from './criteria-fold';
import { isNumericComparison, type CriterionNode } from './criteria-node';
import { MET, NOT_MET, UNKNOWN } from './kleene';
import { leanTest, type LeanEnv } from './lean-criterion';

/** Never reachable by changing numbers. */
export const NEVER = 99;

/** Flips needed to make the node `want` (true: met, false: not met), giving up above `budget`. */
export type FlipsNeeded = (env: LeanEnv, want: boolean, budget: number) => number;

export const flipsNeeded = criteriaView<FlipsNeeded>({
  group: groupFlips,
  not: (inner) => (env, want, budget) => inner(env, !want, budget),
  fact: factFlips,
  policy: (node) => {
    const id = node.name;
    return (env, want) => (env.outcome(id).truth === (want ? MET : NOT_MET) ? 0 : NEVER);
  },
  score: (node, vocabulary) => {
    // An undeclared score fails closed: nothing raises it.
    if (!node.table) return (_env, want) => (want ? NEVER : 0);
    // A failing score can be raised through its numeric components, never lowered on purpose.
    const test = leanTest(node, vocabulary);
    const unused: string[] = [];
    return (env, want) => {
      const truth = test(env, unused);
      unused.length = 0;
      return truth === (want ? MET : NOT_MET) ? 0 : truth === UNKNOWN || !want ? NEVER : 1;
    };
  },
});

/** all→met and any→not met need every child; all→not met and any→met need one. */
function groupFlips(isAll: boolean, children: readonly FlipsNeeded[]): FlipsNeeded {
  return (env, want, budget) => {
    if (isAll === want) {
      let total = 0;
      for (let i = 0; i < children.length; i += 1) {
        total += children[i]!(env, want, budget - total);
        if (total > budget) return NEVER;
      }
      return total;
    }
    let fewest = NEVER;
    for (let i = 0; i < children.length; i += 1) {
      const flips = children[i]!(env, want, budget);
      if (flips === 0) return 0;
      if (flips < fewest) fewest = flips;
    }
    return fewest;
  };
}

function factFlips(node: CriterionNode): FlipsNeeded {
  const { index, name } = node;
  const numeric = isNumericComparison(node);
  const holds = node.holds;
  return (env, want) => {
    const value = index >= 0 ? env.getAt(index) : env.get(name);
    if (value === undefined) return NEVER;
    if (holds(value) === want) return 0;
    return numeric && typeof value === 'number' ? 1 : NEVER;
  };
}
