/**
 * Decides, for one claimed batch, what each row becomes: part of a founder's
 * bundle (one message per founder and channel), deferred to tomorrow (daily
 * cap), moved to another channel (a customer-service window closed), or
 * cancelled (founder gone, unsubscribed, no contact, policy gone, deadline
 * passed, no channel left). Pure: the sender does the I/O around it.
 */
import type { Policy as CataloguePolicy } from '../rules/catalogue';
import { ALL_FITTING } from '../entities/subscription';
import type { ChannelName, DeliveryBundle } from './channel';
import { CHANNELS, type ChannelTraits } from '../channels/registry';
import { windowClosedReason, type WindowUse } from '../services/service-windows';
import { daysBetween } from './calendar';
import type { ClaimedRow } from './outbox';

export interface FounderContact {
  id: string;
  /** Channel → the channel's id for the founder (founder_identity). */
  addresses: ReadonlyMap<string, string>;
  /** Channel → its customer-service window, for channels that have one. */
  windows: ReadonlyMap<string, FounderWindow>;
}

export interface FounderWindow extends WindowUse {
  /** Where the founder wrote to (WeCom's open_kfid): replies go from there. */
  windowVia: string | null;
}

export interface SubscriptionView {
  founderId: string;
  scope: string;
  channel: string;
  status: string;
  templateIds: string[];
}

export interface BundleInput {
  rows: readonly ClaimedRow[];
  founders: ReadonlyMap<string, FounderContact>;
  subscriptions: readonly SubscriptionView[];
  /** Rows sent today per `founderId|channel`. */
  sentToday: ReadonlyMap<string, number>;
  /** Shanghai date of the run. */
  today: string;
  maxPerDay: number;
  /** The run's moment: customer-service windows are open or closed at it. */
  now: Date;
  /** Channels this process sends on: a closed window's reminders may move to one of them. */
  channels: readonly string[];
  policy: (id: string) => CataloguePolicy | undefined;
  publicBaseUrl: string;
  /**
   * One-time subscribeMessage credits, founder → template → unspent (absent:
   * long-term subscriptions, no budget). A mini-program message goes with a
   * template that has one, or not at all.
   */
  credits?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface BundlePlan {
  bundles: { bundle: DeliveryBundle; rows: ClaimedRow[] }[];
  deferred: ClaimedRow[];
  cancelled: { rows: ClaimedRow[]; reason: string }[];
  /** Reminders whose channel's window closed, to be queued on `to` (the reason is kept on the old row). */
  rerouted: { rows: ClaimedRow[]; to: ChannelName; reason: string }[];
}

/** Why a mini-program reminder was not sent under one-time subscriptions. */
export const NO_CREDIT = 'no subscribeMessage credit left: the founder must accept the template again';

export function planBundles(input: BundleInput): BundlePlan {
  const plan: BundlePlan = { bundles: [], deferred: [], cancelled: [], rerouted: [] };
  const cancel = (row: ClaimedRow, reason: string) => {
    const group = plan.cancelled.find((g) => g.reason === reason);
    if (group) group.rows.push(row);
    else plan.cancelled.push({ rows: [row], reason });
  };
  const active = groupBy(
    input.subscriptions.filter((s) => s.status === 'active'),
    (s) => `${s.founderId}|${s.channel}`,
  );
  for (const [key, rows] of groupBy(input.rows, (row) => `${row.founderId}|${row.channel}`)) {
    const [founderId, channel] = key.split('|') as [string, ChannelName];
    const founder = input.founders.get(founderId);
    if (!founder) {
      rows.forEach((row) => cancel(row, 'founder deleted their data'));
      continue;
    }
    const recipient = founder.addresses.get(channel);
    if (!recipient) {
      rows.forEach((row) => cancel(row, `founder has no ${channel} contact`));
      continue;
    }
    const subscriptions = active.get(key) ?? [];
    const sendable: ClaimedRow[] = [];
    for (const row of rows) {
      // A moved reminder still needs the subscription it was planned for.
      const wanted = row.fallbackFrom ? (active.get(`${founderId}|${row.fallbackFrom}`) ?? []) : subscriptions;
      if (!wanted.some((s) => s.scope === row.policyId || s.scope === ALL_FITTING))
        cancel(row, 'no active subscription');
      else if (!input.policy(row.policyId)) cancel(row, 'policy no longer in the catalogue');
      else if (row.kind === 'reminder' && row.closesOn < input.today) cancel(row, 'deadline passed before delivery');
      else sendable.push(row);
    }
    if (sendable.length === 0) continue;
    const closed = windowClosedReason(channel, founder.windows.get(channel), input.now);
    if (closed) {
      const to = fallbackChannel(founder, channel, sendable, active, input);
      if (to) plan.rerouted.push({ rows: sendable, to, reason: `${closed}; sent by ${to} instead` });
      else sendable.forEach((row) => cancel(row, `${closed}; no other channel reaches the founder`));
      continue;
    }
    // Most urgent first; follow-ups after reminders. The rest wait for tomorrow.
    sendable.sort(byUrgency);
    const room = Math.max(0, input.maxPerDay - (input.sentToday.get(key) ?? 0));
    const chosen = sendable.slice(0, room);
    plan.deferred.push(...sendable.slice(room));
    if (chosen.length === 0) continue;
    const templateId = templateFor(subscriptions, channel === 'miniprogram' ? input.credits : undefined, founderId);
    if (channel === 'miniprogram' && input.credits && !templateId) {
      // Every acceptance is used: nothing can be sent until the founder taps 允许 again.
      chosen.forEach((row) => cancel(row, NO_CREDIT));
      continue;
    }
    plan.bundles.push({
      rows: chosen,
      bundle: {
        founderId,
        channel,
        recipient,
        ...(templateId ? { templateId } : {}),
        ...(founder.windows.get(channel)?.windowVia ? { via: founder.windows.get(channel)!.windowVia! } : {}),
        items: chosen.map((row) => {
          const policy = input.policy(row.policyId)!;
          return {
            deliveryId: row.id,
            kind: row.kind,
            policyId: row.policyId,
            policyTitle: policy.title,
            windowKey: row.windowKey,
            closesOn: row.closesOn,
            daysLeft: daysBetween(input.today, row.closesOn),
            materials: policy.how_to_apply?.materials ?? [],
            link:
              policy.how_to_apply?.url ??
              `${input.publicBaseUrl.replace(/\/$/, '')}/policies/${encodeURIComponent(policy.id)}`,
          };
        }),
      },
    });
  }
  return plan;
}

/**
 * Where reminders go when `from`'s window has closed: the founder's other
 * channel this process sends on, by follow-up rank (a chat that can take an
 * answer first), that reaches them now. The mini-program only with an
 * acceptance the founder gave there (a subscription, and a credit when
 * acceptances are counted). Never back to a channel the reminders came from.
 */
function fallbackChannel(
  founder: FounderContact,
  from: ChannelName,
  rows: readonly ClaimedRow[],
  active: ReadonlyMap<string, SubscriptionView[]>,
  input: BundleInput,
): ChannelName | null {
  const came = new Set<string>([from, ...rows.map((row) => row.fallbackFrom ?? from)]);
  const ranked = input.channels
    .filter((name): name is ChannelName => name in CHANNELS && !came.has(name))
    .sort((a, b) => rankOf(b) - rankOf(a));
  for (const name of ranked) {
    if (!founder.addresses.has(name)) continue;
    if (windowClosedReason(name, founder.windows.get(name), input.now)) continue;
    if (
      name === 'miniprogram' &&
      !templateFor(active.get(`${founder.id}|miniprogram`) ?? [], input.credits, founder.id)
    )
      continue;
    return name;
  }
  return null;
}

/**
 * The template a message goes with: those accepted for the policy itself
 * first, then those of "everything that fits me"; with one-time credits
 * counted, the first that still has one (undefined: none can carry it).
 */
function templateFor(
  subscriptions: readonly SubscriptionView[],
  credits: BundleInput['credits'],
  founderId: string,
): string | undefined {
  const accepted = [...subscriptions]
    .sort((a, b) => Number(a.scope === ALL_FITTING) - Number(b.scope === ALL_FITTING))
    .flatMap((s) => s.templateIds);
  if (!credits) return accepted[0];
  const left = credits.get(founderId);
  return accepted.find((id) => (left?.get(id) ?? 0) > 0);
}

function rankOf(name: ChannelName): number {
  return (CHANNELS[name] as ChannelTraits).followUpRank;
}

function byUrgency(a: ClaimedRow, b: ClaimedRow): number {
  if (a.kind !== b.kind) return a.kind === 'reminder' ? -1 : 1;
  return a.closesOn.localeCompare(b.closesOn) || a.policyId.localeCompare(b.policyId) || a.id - b.id;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
