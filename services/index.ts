/**
 * The shared use cases, built once by the composition root and handed to
 * every adapter (API, bot, reminders). Adapters call these, never the ORM.
 */
import { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { ApplicationTrackerService } from './application-tracker-service';
import { CatalogueService } from './catalogue-service';
import type { Clock } from './clock';
import { ContentReleaseService, ReadCatalogue } from './content-release-service';
import { ConversationStore } from './conversation-store';
import { EligibilityService } from './eligibility-service';
import { FounderService } from './founder-service';
import { ProfileService } from './profile-service';
import { AssessmentService } from './assessment-service';
import { AuditLogService } from './audit-log-service';
import { DeadlineService } from './deadline-service';
import { IncubatorService } from './incubator-service';
import { PolicySearchService } from './policy-search-service';
import { ProfileEditorService } from './profile-editor-service';
import { SessionTokens } from './session-tokens';
import { SubscriptionService } from './subscription-service';
import { Metrics } from '../metrics/metrics';
import { select } from '../db/sql';
import { ServiceWindows } from './service-windows';
import { InboundMessages } from './inbound-messages';
import { WecomKfCursorStore } from './wecom-kf-cursor-store';

export interface ServiceDependencies {
  dataSource: DataSource;
  config: Config;
  logger: Logger;
  clock: Clock;
  readCatalogue: ReadCatalogue;
  /** Process metrics (CPU, memory, event loop) besides the app's own; off in tests that build many apps. */
  metricsDefaults?: boolean;
}

export function createServices(deps: ServiceDependencies) {
  const { dataSource, clock } = deps;
  const catalogue = new CatalogueService(dataSource);
  const content = new ContentReleaseService(dataSource, catalogue, clock, deps.readCatalogue);
  const founders = new FounderService(dataSource);
  const profiles = new ProfileService(dataSource, clock);
  // Metrics read the outbox when scraped; the services count checks and cache hits.
  const metrics = new Metrics(
    { outboxDepth: () => pendingReminders(dataSource) },
    { defaults: deps.metricsDefaults === true },
  );
  const eligibility = new EligibilityService(catalogue, clock, deps.config.ELIGIBILITY_CACHE_ENTRIES, (hit) =>
    metrics.checks.inc({ cache: hit ? 'hit' : 'miss' }),
  );
  const conversations = new ConversationStore(dataSource);
  const applications = new ApplicationTrackerService(dataSource, clock);
  // Search, assessments, subscriptions, deadlines, sessions: shared by the API and the bot.
  const policySearch = new PolicySearchService(catalogue);
  const incubators = new IncubatorService(catalogue);
  const profileEditor = new ProfileEditorService(catalogue, profiles);
  const assessments = new AssessmentService(dataSource, eligibility, profiles, clock);
  const subscriptions = new SubscriptionService(dataSource, catalogue, {
    subscribeCredits: !deps.config.MINIPROGRAM_LONG_TERM_SUBSCRIPTIONS,
    offsets: deps.config.REMINDER_OFFSETS,
    today: () => eligibility.today(),
  });
  const deadlines = new DeadlineService(eligibility, profileEditor, subscriptions);
  const audit = new AuditLogService(dataSource);
  const sessions = new SessionTokens(deps.config.SESSION_SECRET, clock);
  const wecomKfCursors = new WecomKfCursorStore(dataSource);
  const serviceWindows = new ServiceWindows(dataSource.manager);
  const inboundMessages = new InboundMessages(dataSource.manager, () => clock.now());
  return {
    metrics,
    clock,
    catalogue,
    content,
    founders,
    profiles,
    eligibility,
    conversations,
    applications,
    policySearch,
    incubators,
    profileEditor,
    assessments,
    subscriptions,
    deadlines,
    audit,
    sessions,
    wecomKfCursors,
    serviceWindows,
    inboundMessages,
  };
}

export type Services = ReturnType<typeof createServices>;

async function pendingReminders(dataSource: DataSource): Promise<number> {
  const [row] = await select<{ n: unknown }>(
    dataSource.manager,
    "SELECT COUNT(*) AS `n` FROM `reminder_delivery` WHERE `status` = 'pending'",
    [],
  );
  return Number(row?.n ?? 0);
}
