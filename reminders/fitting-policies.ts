/**
 * "Everything that fits me" subscribers get a reminder only for policies whose
 * current verdict is eligible or maybe. Verdicts come from the shared
 * eligibility service, evaluated on the founders' stored answers, and only for
 * the candidates of a plan (founders with such a subscription) and the policies
 * whose windows are due: the cost follows the reminders due.
 */
import { EntityManager, In } from 'typeorm';
import { FactAnswer } from '../entities';
import type { Logger } from '../logging/logger';
import type { Policy as CataloguePolicy } from '../rules/catalogue';

/** The slice of EligibilityService the reminders use (structural, so tests can stub it). */
export interface EligibilityCheck {
  verdicts(request: { answers: unknown; asOf?: string; policies: string[] }): {
    results: readonly { policy: string; status: string }[];
  };
}

/** The slice of CatalogueService the reminders use. */
export interface PolicyLookup {
  policy(id: string): CataloguePolicy | undefined;
}

export interface FittingPolicies {
  /** For each founder: the policies among `policyIds` whose verdict on `asOf` is eligible or maybe. */
  fitting(
    manager: EntityManager,
    founderIds: string[],
    policyIds: string[],
    asOf: string,
  ): Promise<Map<string, Set<string>>>;
}

const FITS = new Set(['eligible', 'maybe']);

export function fittingFromEligibility(
  eligibility: EligibilityCheck,
  catalogue: PolicyLookup,
  logger?: Logger,
): FittingPolicies {
  return {
    async fitting(manager, founderIds, policyIds, asOf) {
      const known = policyIds.filter((id) => catalogue.policy(id) !== undefined);
      const result = new Map<string, Set<string>>();
      if (known.length === 0 || founderIds.length === 0) return result;
      const rows = await manager.find(FactAnswer, {
        where: { founderId: In(founderIds) },
        select: { founderId: true, fact: true, value: true },
      });
      const answers = new Map<string, Record<string, unknown>>(founderIds.map((id) => [id, {}]));
      for (const row of rows) answers.get(row.founderId)![row.fact] = row.value;
      for (const [founderId, founderAnswers] of answers) {
        try {
          const evaluation = eligibility.verdicts({ answers: founderAnswers, asOf, policies: known });
          const fits = evaluation.results
            .filter((r) => FITS.has(r.status) && known.includes(r.policy))
            .map((r) => r.policy);
          if (fits.length > 0) result.set(founderId, new Set(fits));
        } catch (error) {
          // Stored answers the current vocabulary rejects: no verdict, so no reminder.
          logger?.warn({ founderId, err: (error as Error).message }, 'reminders: could not evaluate a founder');
        }
      }
      return result;
    },
  };
}
