/**
 * Reminder subscriptions: to one policy, or to `*` ("everything that fits
 * me": the reminders evaluate the founder's answers when a window is due).
 * Mini-program subscriptions record which subscribeMessage templates the
 * founder accepted; subscribing again re-activates a refused one, because a
 * fresh acceptance is exactly what WeChat asks for.
 */
import { DataSource, EntityManager } from 'typeorm';
import { dialectOf, isLockConflict, isUniqueViolation, retryWhen } from '../db/sql';
import { Subscription } from '../entities';
import { addDays, daysBetween } from '../rules/windows';
import { uncoveredOffsets } from './credit-budget';
import { upcomingWindows } from './policy-windows';
import { addCredit, founderCredits } from './subscribe-credits';
import { ALL_FITTING, ReminderChannel } from '../entities/subscription';
import { ValidationError } from '../errors';
import type { CatalogueService } from './catalogue-service';
import { errorMessages } from './error-messages';

export interface SubscriptionRequest {
  /** A policy id, or `*`. */
  scope: string;
  channel: ReminderChannel;
  /** Accepted subscribeMessage templates (mini-program only): one credit each. */
  templateIds?: string[];
  /** Templates the founder rejected or banned: never sent with again, until accepted. */
  rejectedTemplateIds?: string[];
}

/** How a one-time-subscription budget stands for one subscription (null where no budget applies). */
export interface SubscriptionCredits {
  subscription: Subscription;
  /** Messages the accepted templates can still carry; null for WeChat or long-term subscriptions. */
  creditsLeft: number | null;
  /** The day of the next reminder the credits do not cover: tap 允许 again before it. */
  tapAgainBefore: string | null;
}

export interface CreditSettings {
  /** One-time subscribeMessage (false: long-term subscriptions, no budget). */
  subscribeCredits: boolean;
  offsets: readonly number[];
  today: () => string;
}

/**
 * The most subscribeMessage templates one subscription keeps. A mini-program
 * asks for at most a few at a time, and the ids are few; a client that keeps
 * sending new ones is refused (400) rather than growing the row without end.
 */
export const MAX_TEMPLATE_IDS = 20;

export interface SubscriptionFilter {
  scope?: string;
  channel?: ReminderChannel;
}

export class SubscriptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly credits: CreditSettings = { subscribeCredits: false, offsets: [], today: () => '' },
  ) {}

  list(founderId: string): Promise<Subscription[]> {
    return this.dataSource.manager.find(Subscription, { where: { founderId }, order: { id: 'ASC' } });
  }

  /** The founder's subscriptions with what their one-time acceptances still cover. */
  async listWithCredits(founderId: string): Promise<SubscriptionCredits[]> {
    const [subscriptions, credits] = await Promise.all([
      this.list(founderId),
      founderCredits(this.dataSource.manager, founderId),
    ]);
    return subscriptions.map((subscription) => this.creditsOf(subscription, credits));
  }

  /** One subscription's budget, from the founder's credits per template. */
  private creditsOf(subscription: Subscription, credits: ReadonlyMap<string, number>): SubscriptionCredits {
    if (!this.credits.subscribeCredits || subscription.channel !== 'miniprogram') {
      return { subscription, creditsLeft: null, tapAgainBefore: null };
    }
    const creditsLeft = subscription.templateIds.reduce((sum, templateId) => sum + (credits.get(templateId) ?? 0), 0);
    return { subscription, creditsLeft, tapAgainBefore: this.tapAgainBefore(subscription.scope, creditsLeft) };
  }

  /** For a policy with a coming deadline: the day of the first reminder the credits leave uncovered. */
  private tapAgainBefore(scope: string, credits: number): string | null {
    const policy = scope === ALL_FITTING ? undefined : this.catalogue.policy(scope);
    if (!policy) return null;
    const today = this.credits.today();
    const next = upcomingWindows(policy, today).find((window) => !window.rolling && window.closesOn !== null);
    if (!next?.closesOn) return null;
    const daysLeft = daysBetween(today, next.closesOn);
    const [first] = uncoveredOffsets(this.credits.offsets, daysLeft, credits);
    return first === undefined ? null : addDays(next.closesOn, -first);
  }

  /**
   * Creates or refreshes a subscription; `created` says which. Its credits are
   * read in the same transaction as the write: the founder's erase, racing
   * this request, waits for it or refuses the write (never a subscription
   * written and then not found).
   */
  async save(founderId: string, request: SubscriptionRequest): Promise<SubscriptionCredits & { created: boolean }> {
    if (request.scope !== ALL_FITTING && !this.catalogue.policy(request.scope)) {
      throw new ValidationError(errorMessages.unknownPolicy, [
        { path: 'scope', reason: `no policy ${request.scope}; use a policy id or *` },
      ]);
    }
    const key = { founderId, scope: request.scope, channel: request.channel };
    const templates = request.templateIds ?? [];
    // Read, merge and write in one transaction with the row locked: two
    // subscribes at once each keep their templates. Two first subscribes at
    // once collide on the unique key (or deadlock on InnoDB): run again, and
    // the second finds the first's row.
    return retryWhen(
      (error) => isUniqueViolation(error) || isLockConflict(error),
      () =>
        this.dataSource.transaction(async (manager) => {
          const existing = await lockedSubscription(manager, key);
          const rejected = new Set(request.rejectedTemplateIds ?? []);
          const merged = [...new Set([...(existing?.templateIds ?? []), ...templates])].filter(
            (id) => !rejected.has(id),
          );
          if (merged.length > MAX_TEMPLATE_IDS) {
            throw new ValidationError(errorMessages.tooManyTemplates(MAX_TEMPLATE_IDS), [
              { path: 'template_ids', reason: `at most ${MAX_TEMPLATE_IDS} distinct templates per subscription` },
            ]);
          }
          const subscription = existing ?? manager.create(Subscription, key);
          subscription.templateIds = merged;
          subscription.status = 'active';
          // Each acceptance is one message (one-time subscribeMessage): counted per template.
          for (const templateId of new Set(templates)) await addCredit(manager, founderId, templateId);
          const saved = await manager.save(Subscription, subscription);
          return { ...this.creditsOf(saved, await founderCredits(manager, founderId)), created: !existing };
        }),
      5,
    );
  }

  /** A chat's "提醒我": a subscription on the channel the founder asked from. */
  async subscribe(founderId: string, scope: string, channel: ReminderChannel): Promise<void> {
    await this.save(founderId, { scope, channel });
  }

  /** Removes the matching subscriptions (all of them without a filter); returns how many. */
  async unsubscribe(founderId: string, filter: SubscriptionFilter = {}): Promise<number> {
    const result = await this.dataSource.manager.delete(Subscription, { founderId, ...filter });
    return result.affected ?? 0;
  }
}

function lockedSubscription(
  manager: EntityManager,
  key: Pick<Subscription, 'founderId' | 'scope' | 'channel'>,
): Promise<Subscription | null> {
  // SQLite runs one transaction at a time (db/sqlite-transaction-queue.ts) and has no row locks.
  const lock = dialectOf(manager) === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {};
  return manager.findOne(Subscription, { where: key, ...lock });
}
