/**
 * The verdict of a policy with no version in force on the as-of date: listed
 * with the status `not_in_force` instead of vanishing from the results, so a
 * founder asking about an earlier (or later) date learns that it exists and
 * why it does not apply then. Nothing is evaluated: no criteria, nothing
 * missing (so nothing is asked for it), no near miss, no window; never
 * eligible, never counted as good news.
 */
import type { DormantPolicy } from './compile-catalogue';
import type { OutlineNode } from './criteria-outline';
import type { PolicyResult } from './results';

/** Nothing to show as criteria: the reason is the first caveat. */
const NO_OUTLINE: OutlineNode = Object.freeze({
  group: true,
  mode: 'all',
  label: null,
  status: 'not_met',
  parts: Object.freeze([]) as unknown as OutlineNode[],
});

export function notInForceResult(dormant: DormantPolicy): PolicyResult {
  const { policy } = dormant;
  return {
    policy: policy.id,
    title: policy.title,
    status: 'not_in_force',
    criteria: [],
    missing: [],
    nearMiss: [],
    caveats: dormant.caveats,
    toCheck: [],
    benefit: policy.benefit,
    scores: [],
    nextWindow: null,
    sources: dormant.sources,
    verifiedAt: policy.verified_at,
    outline: NO_OUTLINE,
    failed: [],
  };
}
