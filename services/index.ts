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

export interface ServiceDependencies {
  dataSource: DataSource;
  config: Config;
  logger: Logger;
  clock: Clock;
  readCatalogue: ReadCatalogue;
}

export function createServices(deps: ServiceDependencies) {
  const { dataSource, clock } = deps;
  const catalogue = new CatalogueService(dataSource);
  const content = new ContentReleaseService(dataSource, catalogue, clock, deps.readCatalogue);
  const founders = new FounderService(dataSource);
  const profiles = new ProfileService(dataSource, clock);
  const eligibility = new EligibilityService(catalogue, clock);
  const conversations = new ConversationStore(dataSource);
  const applications = new ApplicationTrackerService(dataSource, clock);
  return { clock, catalogue, content, founders, profiles, eligibility, conversations, applications };
}

export type Services = ReturnType<typeof createServices>;
