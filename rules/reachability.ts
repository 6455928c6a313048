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
import type { ScoreTable } from './catalogue';
import { ALL, ANY, FACT, NOT, POLICY, valueOf, type CriterionNode } from './criteria-node';
import { componentBounds } from './score';
import type { Session } from './session';

interface Reach {
  met: boolean;
  notMet: boolean;
}

const FREE: Reach = { met: true, notMet: true };
const STUCK: Reach = { met: false, notMet: false };

function scoreReach(
  table: ScoreTable | undefined,
  op: '>=' | '>',
  threshold: number,
  skipped: ReadonlySet<string>,
  session: Session,
): Reach {
  if (!table) return { met: false, notMet: true };
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
  const passes = (points: number) => (op === '>=' ? points >= threshold : points > threshold);
  return { met: passes(best), notMet: !passes(worst) };
}

function reach(node: CriterionNode, session: Session, skipped: ReadonlySet<string>, visiting: Set<string>): Reach {
  switch (node.kind) {
    case ALL:
    case ANY: {
      const isAll = node.kind === ALL;
      let met = isAll;
      let notMet = !isAll;
      for (const child of node.children) {
        const r = reach(child, session, skipped, visiting);
        if (isAll) {
          met &&= r.met;
          notMet ||= r.notMet;
        } else {
          met ||= r.met;
          notMet &&= r.notMet;
        }
      }
      return { met, notMet };
    }
    case NOT: {
      const inner = reach(node.children[0]!, session, skipped, visiting);
      return { met: inner.notMet, notMet: inner.met };
    }
    case FACT: {
      const value = valueOf(node, session);
      if (value !== undefined)
        return node.holds(value) ? { met: true, notMet: false } : { met: false, notMet: true };
      return skipped.has(node.name) ? STUCK : FREE;
    }
    case POLICY: {
      const policy = session.compiled.byId.get(node.name);
      if (!policy || visiting.has(node.name)) return { met: false, notMet: true };
      visiting.add(node.name);
      const result = reach(policy.root, session, skipped, visiting);
      visiting.delete(node.name);
      return result;
    }
    default:
      return scoreReach(node.table ?? undefined, node.op as '>=' | '>', node.value as number, skipped, session);
  }
}

export function canStillBeMet(session: Session, policyId: string, skipped: ReadonlySet<string>): boolean {
  const policy = session.compiled.byId.get(policyId);
  if (!policy) return false;
  return reach(policy.root, session, skipped, new Set([policyId])).met;
}
