/**
 * The qualification ladder content declares (content/ladder.yaml; shipped:
 * 科技型中小企业 → 高新技术企业 → 专精特新 → 小巨人): rungs the founder says
 * they hold, and the first rung above the highest one held, with what is
 * missing and what fails. Each rung is commonly the stepping stone to the
 * next, so "what next" is more useful than a list.
 */
import type { Answers, Catalogue } from './catalogue';
import type { Evaluation, Ladder, LadderRung, LadderStep, PolicyResult } from './results';

/** A rung as the catalogue declares it, with the fact whose `true` says it is held (`held_by`). */
export interface DeclaredRung {
  policy: string;
  title: string;
  heldBy: string | undefined;
}

/** The catalogue's ladder, first rung first. */
export function declaredLadder(catalogue: Catalogue): readonly DeclaredRung[] {
  return Object.freeze(
    catalogue.policies
      .filter((policy) => policy.ladder !== undefined)
      .sort((a, b) => a.ladder!.rung - b.ladder!.rung)
      .map((policy) => Object.freeze({ policy: policy.id, title: policy.ladder!.title, heldBy: policy.held_by })),
  );
}

function rungOf(declared: DeclaredRung, result: PolicyResult | undefined, answers: Answers): LadderRung {
  const held = declared.heldBy !== undefined && answers[declared.heldBy] === true;
  const title = result?.title ?? declared.title;
  // A rung not in force on the date is as unavailable as one not evaluated.
  const state = held ? 'held' : result && result.status !== 'not_in_force' ? result.status : 'unavailable';
  return { policy: declared.policy, title, state };
}

function stepOf(rung: LadderRung, result: PolicyResult | undefined): LadderStep {
  return {
    ...rung,
    missing: result ? [...result.missing] : [],
    failing: result ? result.criteria.filter((c) => c.status === 'not_met') : [],
    nearMiss: result ? [...result.nearMiss] : [],
  };
}

/** The ladder of an evaluation (which carries its catalogue's rungs, see evaluate.ts). */
export function ladder(evaluation: Evaluation, answers: Answers): Ladder {
  const byId = new Map(evaluation.results.map((r) => [r.policy, r]));
  const rungs = (evaluation.ladder ?? []).map((declared) => rungOf(declared, byId.get(declared.policy), answers));
  let top = -1;
  rungs.forEach((rung, index) => {
    if (rung.state === 'held') top = index;
  });
  const nextIndex = rungs.findIndex((rung, index) => index > top && rung.state !== 'held');
  const next = nextIndex >= 0 ? stepOf(rungs[nextIndex]!, byId.get(rungs[nextIndex]!.policy)) : null;
  return { rungs, current: top >= 0 ? rungs[top]!.policy : null, next };
}
