/**
 * Builders for reminder tests: policies with windows, founders, subscriptions,
 * a stub eligibility (a founder's verdict for policy P is their stored answer
 * to fact P), recording channels and a runner on a fixed clock.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import {
  ApplicationWindow,
  FactAnswer,
  Founder,
  FounderIdentity,
  Policy,
  ReminderDelivery,
  SubscribeCredit,
  Subscription,
} from '../../../entities';
import { Logger, silentLogger } from '../../../logging/logger';
import type { Policy as CataloguePolicy } from '../../../rules/catalogue';
import { fixedClock } from '../../../services/clock';
import type { ChannelName, DeliveryBundle, ReminderChannel, SendResult } from '../../../reminders/channel';
import { fittingFromEligibility, PolicyLookup } from '../../../reminders/fitting-policies';
import { ReminderRunner } from '../../../reminders/runner';
import { DEFAULT_SETTINGS, ReminderSettings } from '../../../reminders/settings';
import { miniPolicy } from '../../support/mini-catalogue';

export type FixedClock = ReturnType<typeof fixedClock>;

/** `2026-05-20T09:00+08:00` style moments read better in tests than UTC. */
export function shanghai(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

export class Fixtures {
  readonly policies = new Map<string, CataloguePolicy>();

  constructor(readonly dataSource: DataSource) {}

  get catalogue(): PolicyLookup {
    return { policy: (id) => this.policies.get(id) };
  }

  /** A policy with one fixed window per closing date (window keys `<id>:<closes>`). */
  async policy(id: string, closes: string[], overrides: Partial<CataloguePolicy> = {}): Promise<CataloguePolicy> {
    const policy = miniPolicy(id, {
      title: `测试政策${id}`,
      how_to_apply: { steps: ['在线申报'], materials: ['营业执照', '财务报表'], url: `https://example.gov.cn/${id}` },
      ...overrides,
    });
    this.policies.set(id, policy);
    const { versions: _versions, ...document } = policy;
    await this.dataSource.manager.insert(Policy, {
      id,
      title: policy.title,
      region: policy.region,
      benefitKind: 'cash',
      benefitCapYuan: null,
      verifiedAt: policy.verified_at,
      confidence: 'B',
      document,
    });
    if (closes.length > 0) {
      await this.dataSource.manager.insert(
        ApplicationWindow,
        closes.map((closesOn) => ({
          policyId: id,
          windowKey: `${id}:${closesOn}`,
          opensOn: null,
          closesOn,
          rolling: false,
          note: null,
          confidence: 'B',
        })),
      );
    }
    return policy;
  }

  async founder(
    contact: { wechat?: string; openid?: string } = { wechat: `wx-${randomUUID().slice(0, 8)}` },
  ): Promise<string> {
    const id = randomUUID();
    await this.dataSource.manager.insert(Founder, { id, unionid: null });
    if (contact.wechat)
      await this.dataSource.manager.insert(FounderIdentity, {
        founderId: id,
        channel: 'wechat',
        externalId: contact.wechat,
      });
    if (contact.openid) {
      await this.dataSource.manager.insert(FounderIdentity, {
        founderId: id,
        channel: 'miniprogram',
        externalId: contact.openid,
      });
    }
    return id;
  }

  /**
   * A subscription as the API records it. A mini-program one comes with the
   * templates accepted (the configured default when none is named) and,
   * unless told otherwise, enough one-time credits for every offset.
   */
  async subscribe(
    founderId: string,
    scope: string,
    channel: ChannelName = 'wechat',
    templateIds: string[] = [],
    credits = 3,
  ): Promise<void> {
    const accepted = channel === 'miniprogram' && templateIds.length === 0 ? ['tmpl-default'] : templateIds;
    await this.dataSource.manager.insert(Subscription, {
      founderId,
      scope,
      channel,
      templateIds: accepted,
      status: 'active',
    });
    for (const templateId of accepted) await this.credits(founderId, templateId, credits);
  }

  /** Sets a founder's one-time subscribeMessage credits for a template. */
  async credits(founderId: string, templateId: string, credits: number): Promise<void> {
    await this.dataSource.manager.upsert(SubscribeCredit, { founderId, templateId, credits }, [
      'founderId',
      'templateId',
    ]);
  }

  async creditsLeft(founderId: string): Promise<Record<string, number>> {
    const rows = await this.dataSource.manager.find(SubscribeCredit, { where: { founderId } });
    return Object.fromEntries(rows.map((row) => [row.templateId, row.credits]));
  }

  /** The stub verdict: eligible / maybe / not_eligible per policy. */
  async verdict(founderId: string, policyId: string, status: 'eligible' | 'maybe' | 'not_eligible'): Promise<void> {
    await this.dataSource.manager.insert(FactAnswer, {
      founderId,
      fact: policyId,
      value: status,
      answeredAt: new Date(),
      channel: 'api',
    });
  }

  async deliveries(where: FindOptionsWhere<ReminderDelivery> = {}): Promise<ReminderDelivery[]> {
    return this.dataSource.manager.find(ReminderDelivery, {
      where,
      order: { founderId: 'ASC', closesOn: 'ASC', id: 'ASC' },
    });
  }
}

/** Verdicts read straight from the stored answers (see Fixtures.verdict). */
export const stubEligibility = {
  verdicts(request: { answers: unknown; policies: string[] }) {
    const answers = request.answers as Record<string, string>;
    return { results: request.policies.map((policy) => ({ policy, status: answers[policy] ?? 'not_eligible' })) };
  },
};

export interface RecordingChannel extends ReminderChannel {
  bundles: DeliveryBundle[];
  /** Decides each send; default: sent. */
  behave: (bundle: DeliveryBundle, call: number) => SendResult | Promise<SendResult>;
}

export function recordingChannel(name: ChannelName = 'wechat'): RecordingChannel {
  let calls = 0;
  const channel: RecordingChannel = {
    name,
    bundles: [],
    behave: () => ({ status: 'sent' }),
    async send(bundle) {
      calls += 1;
      const result = await channel.behave(bundle, calls);
      if (result.status === 'sent') channel.bundles.push(bundle);
      return result;
    },
  };
  return channel;
}

export function testSettings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return { ...DEFAULT_SETTINGS, publicBaseUrl: 'https://guide.example.cn', ...overrides };
}

export function runnerFor(
  dataSource: DataSource,
  fixtures: Fixtures,
  clock: FixedClock,
  channels: ReminderChannel[],
  settings: Partial<ReminderSettings> = {},
  logger: Logger = silentLogger(),
): ReminderRunner {
  return new ReminderRunner({
    dataSource,
    clock,
    channels,
    catalogue: fixtures.catalogue,
    verdicts: fittingFromEligibility(stubEligibility, fixtures.catalogue),
    settings: testSettings(settings),
    logger,
  });
}

/** Items delivered, as `founder|policy|window|offset|kind` keys, in delivery order. */
export function deliveredKeys(channel: RecordingChannel): string[] {
  return channel.bundles.flatMap((bundle) =>
    bundle.items.map((item) => `${bundle.founderId}|${item.policyId}|${item.closesOn}|${item.daysLeft}|${item.kind}`),
  );
}
