/**
 * Builds the reminder runner from the config and the shared services: the
 * channels that are configured, the verdicts for "everything that fits me",
 * the settings. Used by the composition root (scheduler) and the CLI.
 */
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Clock } from '../services/clock';
import type { ReminderChannel } from './channel';
import type { Metrics } from '../metrics/metrics';
import { EligibilityCheck, fittingFromEligibility, PolicyLookup } from './fitting-policies';
import { miniprogramChannel } from './miniprogram-channel';
import { ReminderRunner } from './runner';
import { ReminderScheduler, startReminderScheduler } from './scheduler';
import { ReminderSettings, reminderSettings } from './settings';
import { officialAccountChannel, wecomKfChannel } from './customer-service-channel';
import { platformClients, type PlatformClients } from '../channels/platform-clients';
import type { SharedTokenStore } from './wechat-access-token';
import { ContactSender, wechatChannel } from './wechat-channel';

export type { ReminderChannel } from './channel';
export type { ContactSender } from './wechat-channel';
export { ReminderRunner } from './runner';
export type { RunSummary } from './runner';

export interface ReminderDependencies {
  dataSource: DataSource;
  config: Config;
  logger: Logger;
  clock: Clock;
  services: { catalogue: PolicyLookup; eligibility: EligibilityCheck; metrics?: Metrics };
  /** The bot's throttled sender (bot/throttled-sender.ts), when the bot runs in this process. */
  contacts?: ContactSender;
  /** WeChat/WeCom API clients shared with the chat adapters (built from the config when absent). */
  clients?: PlatformClients;
  leaseClock?: Clock;
  settings?: Partial<ReminderSettings>;
  /** With REDIS_URL, when `clients` is not given: access tokens are shared with the other replicas. */
  tokenStore?: SharedTokenStore;
}

export interface Reminders {
  runner: ReminderRunner;
  channels: ReminderChannel[];
  /** Channels that cannot send, and why (rows for them wait in the outbox). */
  unavailable: { channel: string; reason: string }[];
  startScheduler(): ReminderScheduler;
}

export function configuredChannels(
  config: Config,
  contacts?: ContactSender,
  clients: PlatformClients = platformClients(config),
): Pick<Reminders, 'channels' | 'unavailable'> {
  const channels: ReminderChannel[] = [];
  const unavailable: Reminders['unavailable'] = [];
  if (contacts) channels.push(wechatChannel(contacts));
  else
    unavailable.push({
      channel: 'wechat',
      reason: 'the WeChat bot is not running in this process (set WECHATY_PUPPET and start the service)',
    });
  if (clients.miniprogramTokens) {
    channels.push(
      miniprogramChannel({
        tokens: clients.miniprogramTokens,
        apiBase: config.WECHAT_API_BASE,
        timeoutMs: config.WECHAT_TIMEOUT_MS,
        page: config.MINIPROGRAM_PAGE,
        ...(config.WECHAT_TEMPLATE_ID ? { defaultTemplateId: config.WECHAT_TEMPLATE_ID } : {}),
      }),
    );
  } else {
    unavailable.push({ channel: 'miniprogram', reason: 'WECHAT_APPID and WECHAT_SECRET are not set' });
  }
  // Customer-service messages: only within 48 hours of the founder's last message (the sender checks).
  if (clients.officialAccount) channels.push(officialAccountChannel(clients.officialAccount));
  else unavailable.push({ channel: 'official_account', reason: 'WECHAT_OA_APPID and WECHAT_OA_SECRET are not set' });
  if (clients.wecomKf) channels.push(wecomKfChannel(clients.wecomKf));
  else unavailable.push({ channel: 'wecom_kf', reason: 'WECOM_CORP_ID and WECOM_KF_SECRET are not set' });
  return { channels, unavailable };
}

export function createReminders(deps: ReminderDependencies): Reminders {
  const configured = configuredChannels(
    deps.config,
    deps.contacts,
    deps.clients ?? platformClients(deps.config, deps.tokenStore),
  );
  const { unavailable } = configured;
  // Every send counted by channel and outcome (GET /metrics).
  const metrics = deps.services.metrics;
  const channels = metrics
    ? configured.channels.map((channel) => measuredChannel(channel, metrics))
    : configured.channels;
  const runner = new ReminderRunner({
    dataSource: deps.dataSource,
    clock: deps.clock,
    ...(deps.leaseClock ? { leaseClock: deps.leaseClock } : {}),
    channels,
    catalogue: deps.services.catalogue,
    verdicts: fittingFromEligibility(deps.services.eligibility, deps.services.catalogue, deps.logger),
    settings: reminderSettings(deps.config, deps.settings),
    logger: deps.logger,
  });
  return {
    runner,
    channels,
    unavailable,
    startScheduler: () => startReminderScheduler(runner, deps.logger, { planCron: deps.config.REMINDER_CRON }),
  };
}

/** The same channel, each send's outcome counted. */
function measuredChannel(channel: ReminderChannel, metrics: Metrics): ReminderChannel {
  return {
    name: channel.name,
    async send(bundle) {
      const result = await channel.send(bundle);
      metrics.reminderSends.inc({ channel: channel.name, outcome: result.status });
      return result;
    },
  };
}
