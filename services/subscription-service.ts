/**
 * Reminder subscriptions: to one policy, or to `*` ("everything that fits
 * me": the reminders evaluate the founder's answers when a window is due).
 * Mini-program subscriptions record which subscribeMessage templates the
 * founder accepted; subscribing again re-activates a refused one, because a
 * fresh acceptance is exactly what WeChat asks for.
 */
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../db/sql';
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
    const manager = this.dataSource.manager;
    const key = { founderId, scope: request.scope, channel: request.channel };
    const templates = request.templateIds ?? [];
    const existing = await manager.findOneBy(Subscription, key);
    if (existing) return { subscription: await this.refresh(existing, templates), created: false };
    try {
      const subscription = await manager.save(
        Subscription,
        manager.create(Subscription, { ...key, templateIds: [...new Set(templates)], status: 'active' }),
      );
      return { subscription, created: true };
    } catch (error) {
      // The same subscription arrived twice at once: the other request created it.
      if (!isUniqueViolation(error)) throw error;
      return {
        subscription: await this.refresh(await manager.findOneByOrFail(Subscription, key), templates),
        created: false,
      };
    }
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

  private async refresh(subscription: Subscription, templates: string[]): Promise<Subscription> {
    subscription.templateIds = [...new Set([...subscription.templateIds, ...templates])];
    subscription.status = 'active';
    return this.dataSource.manager.save(Subscription, subscription);
  }
}
