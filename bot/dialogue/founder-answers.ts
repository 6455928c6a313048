/**
 * The founder's own data in chat: "我的资料", "删除我的数据" (confirmed first,
 * then erased through FounderService), "订阅提醒" / "退订".
 */
import type { Policy } from '../../rules/catalogue';
import { text } from '../messages';
import type { DialogueContext, Turn } from './context';
import { formatValue } from '../../rules/format-value';
import { initialState, type DialogueState } from './state';
import { carriesReminders, channelLabel, serviceWindowOf } from '../../channels/registry';
import { isRollingOnly } from './policy-answers';
import { formatWindow } from './format';
import { nextWindow } from '../../rules/windows';

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
  // A policy open all year has no deadline to remind of: say so, and subscribe to nothing.
  if (policy && policy.windows.length > 0 && isRollingOnly(policy)) return [text.noDeadlineToRemind(policy.title)];
  // The terminal cannot carry a reminder (channels/registry.ts): promising one would be false.
  if (!carriesReminders(ctx.channel)) return [text.noRemindersOnChannel(channelLabel(ctx.channel))];
  await ctx.ports.subscribe(ctx.founderId, policy ? policy.id : '*', ctx.channel);
  const replies = [text.subscribed(policy ? text.quotedTitle(policy.title) : text.subscribedAll)];
  // Reminders come before a deadline: say so when this policy's dates are not published yet.
  if (policy && policy.windows.length === 0) replies.push(text.subscribedNoWindowYet);
  // A customer-service channel may write only soon after the founder did: promise no more than that.
  const window = serviceWindowOf(ctx.channel);
  if (window) replies.push(text.subscribedWindowRule(channelLabel(ctx.channel), window.hours));
  return replies;
}

export async function unsubscribe(ctx: DialogueContext): Promise<string[]> {
  return [text.unsubscribed(await ctx.ports.unsubscribe(ctx.founderId))];
}

/** "退订 高企": that policy's reminders end, the others stay. */
export async function unsubscribeFrom(ctx: DialogueContext, policy: Policy): Promise<string[]> {
  return [text.unsubscribedOne(policy.title, await ctx.ports.unsubscribe(ctx.founderId, policy.id))];
}

/** "我的提醒": each subscription with its next deadline and the channel it reaches the founder on. */
export async function listReminders(ctx: DialogueContext): Promise<string[]> {
  const subscriptions = await ctx.ports.subscriptions(ctx.founderId);
  if (subscriptions.length === 0) return [text.remindersNone];
  const today = ctx.ports.today();
  const lines = subscriptions.map(({ scope, channel }) => {
    const policy = ctx.ports.catalogue().policies.find((p) => p.id === scope);
    const what = policy ? text.quotedTitle(policy.title) : text.reminderAll;
    const next = policy ? formatWindow(nextWindow(policy.windows, today)) : text.reminderAllNext;
    return text.reminderLine(what, next, channelLabel(channel));
  });
  return [[text.remindersTitle(subscriptions.length), ...lines].join('\n'), text.remindersHint];
}
