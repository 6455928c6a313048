/**
 * The qualification ladder 科技型中小企业 → 高新技术企业 → 专精特新 → 小巨人:
 * rungs the founder says they hold, and the first rung above the highest one
 * held, with what is missing and what fails. Each rung is commonly the
 * stepping stone to the next, so "what next" is more useful than a list.
 */
import type { Answers } from './catalogue';
import { messages } from './messages';
import { HELD_BY } from './not-needed';
import type { Evaluation, Ladder, LadderRung, LadderStep, PolicyResult } from './results';

export const LADDER: readonly string[] = [
  'cn.tech-sme',
  'cn.high-tech-enterprise',
  'cn.specialized-sme',
  'cn.little-giant',
];

function rungOf(policy: string, result: PolicyResult | undefined, answers: Answers): LadderRung {
  const held = HELD_BY[policy] !== undefined && answers[HELD_BY[policy]!] === true;
  const title = result?.title ?? messages.ladderTitles[policy] ?? policy;
  // A rung not in force on the date is as unavailable as one not evaluated.
  const state = held ? 'held' : result && result.status !== 'not_in_force' ? result.status : 'unavailable';
  return { policy, title, state };
}

function stepOf(rung: LadderRung, result: PolicyResult | undefined): LadderStep {
  return {
    ...rung,
    missing: result ? [...result.missing] : [],
    failing: result ? result.criteria.filter((c) => c.status === 'not_met') : [],
    nearMiss: result ? [...result.nearMiss] : [],
  };
}

export function ladder(evaluation: Evaluation, answers: Answers): Ladder {
  const byId = new Map(evaluation.results.map((r) => [r.policy, r]));
  const rungs = LADDER.map((policy) => rungOf(policy, byId.get(policy), answers));
  let top = -1;
  rungs.forEach((rung, index) => {
    if (rung.state === 'held') top = index;
  });
  const nextIndex = rungs.findIndex((rung, index) => index > top && rung.state !== 'held');
  const next = nextIndex >= 0 ? stepOf(rungs[nextIndex]!, byId.get(rungs[nextIndex]!.policy)) : null;
  return { rungs, current: top >= 0 ? rungs[top]!.policy : null, next };
}
