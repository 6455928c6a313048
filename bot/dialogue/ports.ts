/**
 * What the dialogue engine needs from the shared services, as one small port
 * (so the engine is testable and knows nothing of the database), and its
 * wiring to the real services.
 */
import type { AnswerChannel } from '../../entities/fact-answer';
import type { Answers, Catalogue, Incubator, IsoDate, Policy } from '../../rules/catalogue';
import type { Services } from '../../services';
import type { CheckRequest, CheckResult } from '../../services/eligibility-service';

export interface IncubatorFilters {
  district?: string;
  industry?: string;
}

export interface IncubatorMatch {
  incubator: Incubator;
  /** Chinese, one short phrase each: "同在浦东新区". */
  reasons: string[];
}

export interface DialoguePorts {
  catalogue(): Catalogue;
  today(): IsoDate;
  check(request: CheckRequest): CheckResult;
  policiesForTopic(topic: string): string[];
  /** Policies by name, alias or keyword, best first. */
  searchPolicies(query: string): Policy[];
  rankIncubators(answers: Answers, filters: IncubatorFilters): IncubatorMatch[];
  answers(founderId: string): Promise<Answers>;
  saveAnswers(founderId: string, answers: Answers, channel: AnswerChannel): Promise<void>;
  forgetAnswers(founderId: string, facts: string[]): Promise<void>;
  /** Erases the founder: profile, answers, sessions, assessments, subscriptions. */
  erase(founderId: string): Promise<void>;
  /** `scope`: a policy id, or '*' for everything that fits. */
  subscribe(founderId: string, scope: string): Promise<void>;
  /** Returns how many subscriptions were removed. */
  unsubscribe(founderId: string): Promise<number>;
}

export function dialoguePorts(services: Services): DialoguePorts {
  const { eligibility, profiles, founders } = services;
  return {
    catalogue: () => eligibility.catalogue(),
    today: () => eligibility.today(),
    check: (request) => eligibility.check(request),
    policiesForTopic: (topic) => eligibility.policiesForTopic(topic),
    searchPolicies: (query) => services.policySearch.search(query),
    rankIncubators: (answers, filters) => services.incubators.rank(answers, filters),
    answers: (founderId) => profiles.answers(founderId),
    saveAnswers: async (founderId, answers, channel) => {
      await profiles.save(founderId, answers, channel);
    },
    forgetAnswers: async (founderId, facts) => {
      await profiles.forget(founderId, facts);
    },
    erase: (founderId) => founders.erase(founderId),
    subscribe: (founderId, scope) => services.subscriptions.subscribe(founderId, scope),
    unsubscribe: (founderId) => services.subscriptions.unsubscribe(founderId),
  };
}
