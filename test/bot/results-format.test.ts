/** Verdicts as chat lines: a policy with no version on the date is listed with why, not counted as 暂不符合. */
import type { DialogueContext } from '../../bot/dialogue/context';
import type { DialoguePorts } from '../../bot/dialogue/ports';
import { formatResults } from '../../bot/dialogue/results-format';
import { text } from '../../bot/messages';
import { estimateBenefits, evaluate, ladder } from '../../rules';
import type { CheckResult } from '../../services/eligibility-service';
import { catalogue, policy, version } from '../rules/support/fixtures';

const registered = { fact: 'company_registered', op: '=', value: true } as const;
const cat = catalogue([
  policy('now', registered),
  policy('later', [version(registered, { valid_from: '2026-11-23' })], { title: '以后才有的政策' }),
  policy('failed', { fact: 'in_incubator', op: '=', value: true }, { title: '孵化器政策' }),
]);
const ctx = { founderId: 'f', channel: 'terminal', ports: { catalogue: () => cat } as unknown as DialoguePorts };

function check(answers: Record<string, boolean | number>, asOf: string): CheckResult {
  const evaluation = evaluate(cat, answers, asOf);
  return {
    answers,
    evaluation,
    nextQuestion: null,
    ladder: ladder(evaluation, answers),
    benefits: estimateBenefits(evaluation),
  };
}

describe('formatResults', () => {
  it('lists a policy not in force on the date with the reason, apart from those not met', () => {
    const replies = formatResults(
      ctx as DialogueContext,
      check({ company_registered: true, in_incubator: false }, '2025-12-01'),
      { final: true, answered: 2, detailed: true },
    );
    const notInForce = replies.find((reply) => reply.startsWith(text.notInForceHeader));
    expect(notInForce).toContain('以后才有的政策：该政策在 2025-12-01 尚未生效（收录的版本自 2026-11-23 起适用）');
    // The policy not met is listed apart, with the condition it failed.
    expect(replies.find((reply) => reply.startsWith(text.notEligibleHeader))).toMatch(/原因：/);
    expect(replies.join('\n')).not.toMatch(/可以申请】[^【]*以后才有的政策/);
  });

  it('has no such block when every policy is in force', () => {
    const replies = formatResults(ctx as DialogueContext, check({ company_registered: true }, '2026-11-23'), {
      final: true,
      answered: 1,
      detailed: true,
    });
    expect(replies.some((reply) => reply.startsWith(text.notInForceHeader))).toBe(false);
  });
});
