/**
 * Can a policy still become eligible, given that the founder skipped some
 * facts (they stay unknown for good)? Used to ask about such policies last:
 * more answers could only turn them into "not eligible", which is worth
 * knowing but less than what could still be won elsewhere.
 *
 * A view of the criteria fold (criteria-fold.ts): each node reports whether
 * it could end up met and whether it could end up not met (kleene.ts,
 * Possible), with unanswered facts free to take any value (optimistic, so a
 * policy is never written off by mistake) and skipped facts stuck at unknown.
 */
import type { ScoreTable } from './catalogue';
import { criteriaView, type Vocabulary } from './criteria-fold';
import { valueOf, type CriterionNode } from './criteria-node';
import { fromBoolean, NOT_MET, possibleGroup, possibleNot, possibleOf, STUCK, UNKNOWN, type Possible } from './kleene';
import { componentBounds } from './score';
import type { Session } from './session';

type ReachStep = (session: Session, skipped: ReadonlySet<string>, visiting: Set<string>) => Possible;

const reachStep: (node: CriterionNode, vocabulary: Vocabulary) => ReachStep = criteriaView<ReachStep>({
  group: (isAll, children) => (session, skipped, visiting) =>
    possibleGroup(
      isAll,
      children.map((child) => child(session, skipped, visiting)),
    ),
  not: (inner) => (session, skipped, visiting) => possibleNot(inner(session, skipped, visiting)),
  fact: (node) => (session, skipped) => {
    const value = valueOf(node, session);
    if (value !== undefined) return possibleOf(fromBoolean(node.holds(value)));
    return skipped.has(node.name) ? STUCK : possibleOf(UNKNOWN);
  },
  policy: (node) => (session, skipped, visiting) => policyReach(node.name, session, skipped, visiting),
  score: (node) => (session, skipped) => scoreReach(node, skipped, session),
});

/** A referenced policy: what its verdict settles (a verdict capped at maybe included) stays settled. */
function policyReach(id: string, session: Session, skipped: ReadonlySet<string>, visiting: Set<string>): Possible {
  const outcome = session.outcome(id);
  const policy = session.compiled.byId.get(id);
  if (outcome.truth !== UNKNOWN || outcome.capped || !policy || visiting.has(id)) return possibleOf(outcome.truth);
  visiting.add(id);
  const result = reachStep(policy.root, session.vocabulary)(session, skipped, visiting);
  visiting.delete(id);
  return result;
}

function scoreReach(node: CriterionNode, skipped: ReadonlySet<string>, session: Session): Possible {
  const table: ScoreTable | null = node.table;
  if (!table) return possibleOf(NOT_MET);
  const threshold = node.value as number;
  const facts = session.compiled.catalogue.facts;
  // Free facts go to their best (for met) or worst (for not met); skipped ones keep their whole range.
  let best = 0;
  let worst = 0;
  for (const component of table.components) {
    const bounds = componentBounds(component, session, facts);
    const stuck = bounds.open.some((f) => skipped.has(f));
    best += stuck ? bounds.min : bounds.max;
    worst += stuck ? bounds.max : bounds.min;
  }
  const passes = (points: number) => (node.op === '>=' ? points >= threshold : points > threshold);
  return { met: passes(best), notMet: !passes(worst) };
}

export function canStillBeMet(session: Session, policyId: string, skipped: ReadonlySet<string>): boolean {
  const policy = session.compiled.byId.get(policyId);
  if (!policy) return false;
  return reachStep(policy.root, session.vocabulary)(session, skipped, new Set([policyId])).met;
}
