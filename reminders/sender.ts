/**
 * Sends what the outbox holds: claims due rows batch by batch, bundles each
 * founder's reminders into one message per channel, and records each message's
 * outcome right after it is sent (so a killed process repeats nothing it had
 * finished). Quiet hours stop the run; the daily cap defers to tomorrow.
 */
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { Founder, FounderIdentity, Subscription } from '../entities';
import { creditsByTemplate, emptyCredits, spendCredit } from '../services/subscribe-credits';
import type { FounderContact, FounderWindow } from './bundles';
import { serviceWindowOf } from '../channels/registry';
import { ServiceWindows } from '../services/service-windows';
import type { Logger } from '../logging/logger';
import { Clock, shanghaiDate, shanghaiInstant } from '../services/clock';
import { planBundles } from './bundles';
import { isQuiet, nextSendingDay, outsideQuietHours } from './calendar';
import type { DeliveryBundle, ReminderChannel, SendResult } from './channel';
import { errorText } from './channel';
import type { PolicyLookup } from './fitting-policies';
import { ClaimedRow, Outbox } from './outbox';
import { backoff, ReminderSettings } from './settings';

export interface SendCounts {
  /** Messages sent (one per founder and channel per batch). */
  messages: number;
  /** Reminders and follow-ups delivered in those messages. */
  sent: number;
  /** Waiting for tomorrow (daily cap) or the end of quiet hours. */
  deferred: number;
  /** Cancelled: unsubscribed, founder gone, no contact, deadline passed. */
  skipped: number;
  /** The founder refused the channel (errcode 43101). */
  refused: number;
  /** Moved to another channel: the customer-service window of theirs had closed. */
  rerouted: number;
  /** Attempts that failed; `gaveUp` of them reached the maximum. */
  failed: number;
  gaveUp: number;
  /** Why the run stopped before the queue was empty, if it did. */
  stopped?: 'quiet_hours' | 'lease_lost' | 'stopping';
}

export interface SenderDependencies {
  manager: EntityManager;
  clock: Clock;
  channels: readonly ReminderChannel[];
  catalogue: PolicyLookup;
  settings: ReminderSettings;
  logger: Logger;
}

export interface SendOptions {
  /** Renews the runner's lease; false = another runner took over, stop. */
  keepAlive?: () => Promise<boolean>;
  shouldStop?: () => boolean;
  progress?: (line: string) => void;
}

export function emptyCounts(): SendCounts {
  return { messages: 0, sent: 0, deferred: 0, skipped: 0, refused: 0, rerouted: 0, failed: 0, gaveUp: 0 };
}

export async function sendDue(deps: SenderDependencies, options: SendOptions = {}): Promise<SendCounts> {
  const { clock, settings } = deps;
  const outbox = new Outbox(deps.manager);
  const channels = new Map(deps.channels.map((channel) => [channel.name as string, channel]));
  const counts = emptyCounts();
  for (let batch = 1; ; batch += 1) {
    const now = clock.now();
    if (isQuiet(now, settings.quietHours)) {
      counts.stopped = 'quiet_hours';
      break;
    }
    if (options.shouldStop?.()) {
      counts.stopped = 'stopping';
      break;
    }
    const token = randomUUID();
    const { rows, raced } = await outbox.claim(
      now,
      [...channels.keys()],
      token,
      new Date(now.getTime() + settings.claimTtlMs),
      settings.batchSize,
    );
    if (raced) continue;
    if (rows.length === 0) break;
    const stop = await sendBatch(deps, outbox, channels, rows, token, counts, options);
    options.progress?.(
      `batch ${batch}: ${counts.messages} message(s), ${counts.sent} sent, ${counts.deferred} deferred, ${counts.skipped} skipped, ${counts.failed} failed so far`,
    );
    if (stop) {
      counts.stopped = stop;
      break;
    }
  }
  return counts;
}

async function sendBatch(
  deps: SenderDependencies,
  outbox: Outbox,
  channels: Map<string, ReminderChannel>,
  rows: ClaimedRow[],
  token: string,
  counts: SendCounts,
  options: SendOptions,
): Promise<SendCounts['stopped'] | undefined> {
  const { clock, settings, manager } = deps;
  const now = clock.now();
  const founderIds = [...new Set(rows.map((row) => row.founderId))];
  const [founders, identities, subscriptions, sentToday, credits] = await Promise.all([
    manager.find(Founder, { where: { id: In(founderIds) }, select: { id: true } }),
    manager.find(FounderIdentity, { where: { founderId: In(founderIds) } }),
    manager.find(Subscription, { where: { founderId: In(founderIds) } }),
    outbox.sentSince(founderIds, shanghaiInstant(shanghaiDate(now))),
    settings.subscribeCredits ? creditsByTemplate(manager, founderIds) : undefined,
  ]);
  const plan = planBundles({
    rows,
    founders: contacts(founders, identities),
    subscriptions,
    sentToday,
    today: shanghaiDate(now),
    maxPerDay: settings.maxPerDay,
    now,
    channels: [...channels.keys()],
    policy: (id) => deps.catalogue.policy(id),
    publicBaseUrl: settings.publicBaseUrl,
    ...(credits ? { credits } : {}),
  });
  for (const group of plan.cancelled) {
    await outbox.cancel(group.rows, token, group.reason);
    counts.skipped += group.rows.length;
  }
  for (const group of plan.rerouted) {
    await outbox.reroute(group.rows, token, group.to, group.reason, now);
    counts.rerouted += group.rows.length;
  }
  await outbox.release(plan.deferred, token, nextSendingDay(now, settings.quietHours));
  counts.deferred += plan.deferred.length;

  let stop: SendCounts['stopped'] | undefined;
  const queue = [...plan.bundles];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (!stop && options.shouldStop?.()) stop = 'stopping';
      if (!stop && isQuiet(clock.now(), settings.quietHours)) stop = 'quiet_hours';
      if (!stop && options.keepAlive && !(await options.keepAlive())) stop = 'lease_lost';
      if (stop) {
        // Not sent: back to the queue for whoever runs next (quiet hours: the morning).
        await outbox.release(next.rows, token, outsideQuietHours(clock.now(), settings.quietHours));
        continue;
      }
      await deliver(deps, outbox, channels.get(next.bundle.channel)!, next.bundle, next.rows, token, counts);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, settings.concurrency) }, worker));
  return stop;
}

async function deliver(
  deps: SenderDependencies,
  outbox: Outbox,
  channel: ReminderChannel,
  bundle: DeliveryBundle,
  rows: ClaimedRow[],
  token: string,
  counts: SendCounts,
): Promise<void> {
  let result: SendResult;
  try {
    result = await channel.send(bundle);
  } catch (error) {
    // Channels report failures as results; a throw is a bug or an outage: retry later.
    result = { status: 'retry', error: errorText(error) };
  }
  const now = deps.clock.now();
  const credited = deps.settings.subscribeCredits && bundle.channel === 'miniprogram' && bundle.templateId;
  const window = { channel: bundle.channel, externalId: bundle.recipient };
  if (result.status === 'sent') {
    await outbox.markSent(rows, token, now);
    if (credited) await spendCredit(deps.manager, bundle.founderId, bundle.templateId!);
    if (serviceWindowOf(bundle.channel)) await new ServiceWindows(deps.manager).spent(window, result.messages ?? 1);
    counts.messages += 1;
    counts.sent += rows.length;
  } else if (result.status === 'window_closed') {
    // Our count missed something (replies sent elsewhere, a platform rule): believe the platform,
    // and let the next batch move these reminders to another channel.
    await new ServiceWindows(deps.manager).closed(window);
    await outbox.release(rows, token, now);
    deps.logger.info(
      { founderId: bundle.founderId, channel: bundle.channel },
      'reminders: customer-service window closed; the reminder goes by another channel',
    );
  } else if (result.status === 'refused' && credited) {
    // 43101 under one-time subscriptions: the acceptances are used up, not refused for good.
    await emptyCredits(deps.manager, bundle.founderId, bundle.templateId!);
    await outbox.cancel(rows, token, `${result.error}: subscribeMessage credits used up`);
    counts.refused += rows.length;
    deps.logger.info(
      { founderId: bundle.founderId, channel: bundle.channel },
      'reminders: subscribeMessage acceptance used up (43101); the founder must accept again',
    );
  } else if (result.status === 'refused') {
    await outbox.markRefused(rows, token, result.error);
    counts.refused += rows.length;
    deps.logger.info(
      { founderId: bundle.founderId, channel: bundle.channel },
      'reminders: founder refused the channel; subscription marked refused',
    );
  } else {
    const retryAt = (attempt: number) =>
      outsideQuietHours(new Date(now.getTime() + backoff(deps.settings, attempt)), deps.settings.quietHours);
    const outcome = await outbox.markFailed(rows, token, result.error, deps.settings.maxAttempts, retryAt);
    counts.failed += rows.length;
    if (outcome === 'failed')
      counts.gaveUp += rows.filter((row) => row.attempts + 1 >= deps.settings.maxAttempts).length;
    deps.logger.warn(
      { founderId: bundle.founderId, channel: bundle.channel, err: result.error, outcome },
      'reminders: send failed',
    );
  }
}

/** Each founder with where every channel reaches them, and its window (founder_identity). */
function contacts(founders: readonly Founder[], identities: readonly FounderIdentity[]): Map<string, FounderContact> {
  const known = new Map(
    founders.map((founder) => [
      founder.id,
      { id: founder.id, addresses: new Map<string, string>(), windows: new Map<string, FounderWindow>() },
    ]),
  );
  for (const identity of identities) {
    const contact = known.get(identity.founderId);
    contact?.addresses.set(identity.channel, identity.externalId);
    contact?.windows.set(identity.channel, identity);
  }
  return known;
}
