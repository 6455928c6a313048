/**
 * What the dialogue engine needs from the shared services, as one small port
 * (so the engine is testable and knows nothing of the database), and its
 * wiring to the real services.
 */
import type { ReminderChannelName } from '../../channels/registry';
import type { Answers, Catalogue, IsoDate, Policy } from '../../rules/catalogue';
import type { Services } from '../../services';
import type { ApplicationTrackerService } from '../../services/application-tracker-service';
import type { AssessmentService } from '../../services/assessment-service';
import type { CheckRequest, CheckResult } from '../../services/eligibility-service';
import type { IncubatorFilters, IncubatorMatch } from '../../services/incubator-service';
import { usableAnswers } from '../../services/usable-answers';

export type { IncubatorFilters, IncubatorMatch };

export interface DialoguePorts {
  catalogue(): Catalogue;
  /** Today in Shanghai: dates in founders' words ("2023年3月") are counted to it. */
  today(): IsoDate;
  check(request: CheckRequest): CheckResult;
  assessments: Pick<AssessmentService, 'start' | 'get' | 'answer' | 'answerMany' | 'skip' | 'back' | 'revisit'>;
  policiesForTopic(topic: string): string[];
  /** Policies by name, alias or keyword, best first. */
  searchPolicies(query: string): Policy[];
  rankIncubators(answers: Answers, filters: IncubatorFilters): IncubatorMatch[];
  /** The founder's stored answers that the catalogue in force still accepts. */
  answers(founderId: string): Promise<Answers>;
  forgetAnswers(founderId: string, facts: string[]): Promise<void>;
  /** Erases the founder: profile, answers, sessions, assessments, subscriptions. */
  erase(founderId: string): Promise<void>;
  /** `scope`: a policy id, or '*' for everything that fits; on the channel the founder asked from. */
  subscribe(founderId: string, scope: string, channel: ReminderChannelName): Promise<void>;
  /** Returns how many subscriptions were removed: all, or those of one scope (a policy id or '*'). */
  unsubscribe(founderId: string, scope?: string): Promise<number>;
  /** The founder's reminder subscriptions: scope ('*' or a policy id) and channel. */
  subscriptions(founderId: string): Promise<{ scope: string; channel: string }[]>;
  /** Follow-up questions still waiting for an answer, newest first. */
  askedApplications: ApplicationTrackerService['askedApplications'];
  recordApplication: ApplicationTrackerService['recordApplication'];
  /** Every application record, newest deadline first. */
  applications: ApplicationTrackerService['listApplications'];
}

export function dialoguePorts(services: Services): DialoguePorts {
  const { eligibility, profiles, founders } = services;
  return {
    catalogue: () => eligibility.catalogue(),
    today: () => eligibility.today(),
    check: (request) => eligibility.check(request),
    assessments: services.assessments,
    policiesForTopic: (topic) => eligibility.policiesForTopic(topic),
    searchPolicies: (query) => services.policySearch.search(query),
    rankIncubators: (answers, filters) => services.incubators.rank(answers, filters),
    answers: async (founderId) => usableAnswers(eligibility.catalogue(), await profiles.answers(founderId)),
    forgetAnswers: async (founderId, facts) => {
      await profiles.forget(founderId, facts);
    },
    erase: (founderId) => founders.erase(founderId),
    subscribe: (founderId, scope, channel) => services.subscriptions.subscribe(founderId, scope, channel),
    unsubscribe: (founderId, scope) =>
      services.subscriptions.unsubscribe(founderId, scope === undefined ? {} : { scope }),
    subscriptions: async (founderId) =>
      (await services.subscriptions.list(founderId)).map(({ scope, channel }) => ({ scope, channel })),
    askedApplications: (founderId) => services.applications.askedApplications(founderId),
    recordApplication: (founderId, policyId, windowKey, applied) =>
      services.applications.recordApplication(founderId, policyId, windowKey, applied),
    applications: (founderId) => services.applications.listApplications(founderId),
  };
}
