/**
 * What the founder could get, in yuan: the known caps of eligible and of
 * maybe policies, summed separately. Policies whose amount no source gives are
 * counted and named, never guessed; policies the founder does not need are
 * left out.
 */
import type { BenefitEstimate, BenefitTotals, Evaluation, PolicyResult } from './results';

function totals(results: readonly PolicyResult[]): BenefitTotals {
  const sum: BenefitTotals = { totalYuan: 0, counted: [], unknownAmounts: [] };
  for (const result of results) {
    const cap = result.benefit.cap_yuan;
    if (cap === 'unknown') sum.unknownAmounts.push({ policy: result.policy, title: result.title });
    else {
      sum.totalYuan += cap;
      sum.counted.push(result.policy);
    }
  }
  return sum;
}

export function estimateBenefits(evaluation: Evaluation): BenefitEstimate {
  const relevant = evaluation.results.filter((r) => !r.notNeeded);
  return {
    eligible: totals(relevant.filter((r) => r.status === 'eligible')),
    maybe: totals(relevant.filter((r) => r.status === 'maybe')),
  };
}
