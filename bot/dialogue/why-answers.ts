/**
 * "为什么" / "为什么不符合" right after a verdict: the policy last mentioned,
 * with the conditions it failed (the founder's value against the threshold)
 * and the fix when there is one; for a "maybe", what is still missing or
 * must be checked.
 */
import { text } from '../messages';
import type { DialogueContext } from './context';
import { failedReasons } from './results-format';

export async function explainWhy(ctx: DialogueContext, policyId: string | null | undefined): Promise<string[]> {
  const policy = policyId ? ctx.ports.catalogue().policies.find((p) => p.id === policyId) : undefined;
  if (!policy) return [text.whyNothing];
  const answers = await ctx.ports.answers(ctx.founderId);
  const result = ctx.ports.check({ answers, policies: [policy.id] }).evaluation.results[0];
  if (!result) return [text.whyNothing];
  const facts = ctx.ports.catalogue().facts;
  switch (result.status) {
    case 'eligible':
      return [text.whyEligible(result.title)];
    case 'not_in_force':
      return [text.whyNotInForce(result.title, result.caveats[0] ?? text.statusWords.not_in_force!)];
    case 'not_eligible': {
      const fixes = result.nearMiss.map((miss) => miss.explanation).join(text.nearMissJoin);
      return [
        [
          text.whyNotEligible(result.title),
          ...failedReasons(result, Infinity).map((reason) => text.bullet(reason)),
          ...(fixes ? [text.nearMiss(fixes, result.title)] : []),
        ].join('\n'),
      ];
    }
    case 'maybe': {
      const missing = result.missing.map((fact) => facts[fact]?.label ?? fact);
      return [
        [
          text.whyMaybe(result.title),
          ...(missing.length > 0 ? [text.bullet(text.stillNeeded(missing))] : []),
          ...result.toCheck.map((item) => text.bullet(`还需自行核实：${item}`)),
        ].join('\n'),
      ];
    }
  }
}
