/**
 * Can a policy still become eligible, given that the founder skipped some
 * facts (they stay unknown for good)? Used to ask about such policies last:
 * more answers could only turn them into "not eligible", which is worth
 * knowing but less than what could still be won elsewhere.
 *
 * Each node reports whether it could end up met and whether it could end up
 * not met, with unanswered facts free to take any value (optimistic, so a
 * policy is never written off by mistake) and skipped facts stuck at unknown.
 */
import type { Criterion, FactValue, ScoreTable } from './catalogue';
import { compareFact } from './evaluate-criterion';
import { componentBounds } from './score';
import type { Session } from './session';

interface Reach {
  met: boolean;
  notMet: boolean;
}

const FREE: Reach = { met: true, notMet: true };
const STUCK: Reach = { met: false, notMet: false };

type Lookup = (fact: string) => FactValue | undefined;

function scoreReach(table: ScoreTable | undefined, op: '>=' | '>', threshold: number, lookup: Lookup, skipped: ReadonlySet<string>, session: Session): Reach {
  if (!table) return { met: false, notMet: true };
  const facts = session.compiled.catalogue.facts;
  // Free facts go to their best (for met) or worst (for not met); skipped ones keep their whole range.
  let best = 0;
  let worst = 0;
  for (const component of table.components) {
    const bounds = componentBounds(component, lookup, facts);
    const stuck = bounds.open.some((f) => skipped.has(f));
    best += stuck ? bounds.min : bounds.max;
    worst += stuck ? bounds.max : bounds.min;
  }
  const passes = (points: number) => (op === '>=' ? points >= threshold : points > threshold);
  return { met: passes(best), notMet: !passes(worst) };
}

function reach(
  criterion: Criterion,
  session: Session,
  scores: Readonly<Record<string, ScoreTable>>,
  skipped: ReadonlySet<string>,
  visiting: Set<string>,
): Reach {
  if ('all' in criterion || 'any' in criterion) {
    const isAll = 'all' in criterion;
    const children = (isAll ? criterion.all : criterion.any).map((c) => reach(c, session, scores, skipped, visiting));
    return isAll
      ? { met: children.every((c) => c.met), notMet: children.some((c) => c.notMet) }
      : { met: children.some((c) => c.met), notMet: children.every((c) => c.notMet) };
  }
  if ('not' in criterion) {
    const inner = reach(criterion.not, session, scores, skipped, visiting);
    return { met: inner.notMet, notMet: inner.met };
  }
  if ('fact' in criterion) {
    const value = session.lookup(criterion.fact);
    if (value !== undefined) return compareFact(criterion, value) ? { met: true, notMet: false } : { met: false, notMet: true };
    return skipped.has(criterion.fact) ? STUCK : FREE;
  }
  if ('policy' in criterion) {
    const policy = session.compiled.byId.get(criterion.policy);
    if (!policy || visiting.has(criterion.policy)) return { met: false, notMet: true };
    visiting.add(criterion.policy);
    const result = reach(policy.criteria, session, policy.scores, skipped, visiting);
    visiting.delete(criterion.policy);
    return result;
  }
  return scoreReach(scores[criterion.score], criterion.op, criterion.value, session.lookup, skipped, session);
}

export function canStillBeMet(session: Session, policyId: string, skipped: ReadonlySet<string>): boolean {
  const policy = session.compiled.byId.get(policyId);
  if (!policy) return false;
  return reach(policy.criteria, session, policy.scores, skipped, new Set([policyId])).met;
}
