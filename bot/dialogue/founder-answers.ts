/**
 * The founder's own data in chat: "我的资料", "删除我的数据" (confirmed first,
 * then erased through FounderService), "订阅提醒" / "退订".
 */
import type { Policy } from '../../rules/catalogue';
import { text } from '../messages';
import type { DialogueContext, Turn } from './context';
import { formatValue } from '../../rules/format-value';
import { initialState, type DialogueState } from './state';
import { isRollingOnly } from './policy-answers';

export async function showProfile(ctx: DialogueContext): Promise<string[]> {
  const answers = await ctx.ports.answers(ctx.founderId);
  const facts = ctx.ports.catalogue().facts;
  // In questionnaire order, as the founder met the questions.
  const order = Object.keys(facts);
  const rank = (fact: string) => (order.includes(fact) ? order.indexOf(fact) : order.length);
  const entries = Object.entries(answers).sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0) return [text.profileEmpty];
  const lines = entries.map(([fact, value]) =>
    text.bullet(text.labelled(facts[fact]?.label ?? fact, formatValue(facts[fact], value))),
  );
  return [[text.profileTitle(entries.length), ...lines].join('\n'), text.profileHint];
}

export function askToErase(state: DialogueState): Turn {
  return { replies: [text.eraseConfirm], state: { ...state, mode: 'confirming_erase' } };
}

export async function erase(ctx: DialogueContext): Promise<Turn> {
  await ctx.ports.erase(ctx.founderId);
  return { replies: [text.erased], state: initialState(), erased: true };
}

export function cancelErase(state: DialogueState): Turn {
  return { replies: [text.eraseCancelled], state: { ...state, mode: 'idle' } };
}

/** "订阅提醒" alone: everything that fits; with a policy name: that policy. */
export async function subscribe(ctx: DialogueContext, policy: Policy | null): Promise<string[]> {
  await ctx.ports.subscribe(ctx.founderId, policy ? policy.id : '*');
  const replies = [text.subscribed(policy ? text.quotedTitle(policy.title) : text.subscribedAll)];
  // Reminders come before a deadline: say so when this policy has none (yet).
  if (policy && policy.windows.length === 0) replies.push(text.subscribedNoWindowYet);
  else if (policy && isRollingOnly(policy)) replies.push(text.subscribedRolling);
  return replies;
}

export async function unsubscribe(ctx: DialogueContext): Promise<string[]> {
  return [text.unsubscribed(await ctx.ports.unsubscribe(ctx.founderId))];
}
