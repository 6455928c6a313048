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
import { ALL_FITTING, ReminderChannel } from '../entities/subscription';
import { ValidationError } from '../errors';
import type { CatalogueService } from './catalogue-service';
import { errorMessages } from './error-messages';

export interface SubscriptionRequest {
  /** A policy id, or `*`. */
  scope: string;
  channel: ReminderChannel;
  /** Accepted subscribeMessage templates (mini-program only). */
  templateIds?: string[];
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
  ) {}

  list(founderId: string): Promise<Subscription[]> {
    return this.dataSource.manager.find(Subscription, { where: { founderId }, order: { id: 'ASC' } });
  }

  /** Creates or refreshes a subscription; `created` says which. */
  async save(
    founderId: string,
    request: SubscriptionRequest,
  ): Promise<{ subscription: Subscription; created: boolean }> {
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
          const merged = [...new Set([...(existing?.templateIds ?? []), ...templates])];
          if (merged.length > MAX_TEMPLATE_IDS) {
            throw new ValidationError(errorMessages.tooManyTemplates(MAX_TEMPLATE_IDS), [
              { path: 'template_ids', reason: `at most ${MAX_TEMPLATE_IDS} distinct templates per subscription` },
            ]);
          }
          const subscription = existing ?? manager.create(Subscription, key);
          subscription.templateIds = merged;
          subscription.status = 'active';
          return { subscription: await manager.save(Subscription, subscription), created: !existing };
        }),
      5,
    );
  }

  /** The bot's "提醒我": a WeChat subscription. */
  async subscribe(founderId: string, scope: string): Promise<void> {
    await this.save(founderId, { scope, channel: 'wechat' });
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
