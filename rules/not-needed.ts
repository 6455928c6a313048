/**
 * When a founder does not need a policy at all: a Shanghai hukou makes every
 * hukou route pointless, and a certificate already held needs no new
 * application. Such policies are shown apart and never drive questions.
 */
import type { FactValue, Policy } from './catalogue';
import { messages } from './messages';

export const HUKOU_FACT = 'founder_hukou_shanghai';

export function isHukouPolicy(policy: Policy): boolean {
  return policy.benefit.kind === 'hukou';
}

/** The fact whose `true` makes the policy unnecessary, if any (a certificate's is declared in content: `held_by`). */
export function settlingFact(policy: Policy): string | undefined {
  if (isHukouPolicy(policy)) return HUKOU_FACT;
  return policy.held_by;
}

export function notNeededReason(
  policy: Policy,
  values: { get(fact: string): FactValue | undefined },
): string | undefined {
  const fact = settlingFact(policy);
  if (!fact || values.get(fact) !== true) return undefined;
  return isHukouPolicy(policy) ? messages.hasHukou : messages.holdsCertificate(policy.title);
}
