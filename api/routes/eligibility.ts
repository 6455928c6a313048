import { z } from 'zod';
import type { Services } from '../../services';
import { checkJson, checkSummaryJson } from '../presenters/check-json';
import { ReplyMemo } from '../reply-memo';
import type { ApiRouter } from '../route';
import { sendSharedJson } from '../shared-json-reply';
import { plainEligibilityBody } from '../schemas/eligibility-body-fast-path';
import { eligibilityRequest, eligibilityResponse, eligibilitySummaryResponse, viewQuery } from '../schemas/eligibility';

/** POST /api/v1/eligibility: the stateless check of docs/api-contract.md. */
export function eligibilityRoutes(api: ApiRouter, services: Services, memoEntries: number): void {
  const replies = new ReplyMemo(memoEntries, () => ({
    release: services.eligibility.catalogue(),
    today: services.eligibility.today(),
  }));
  api.route(
    {
      method: 'post',
      path: '/api/v1/eligibility',
      tag: 'eligibility',
      summary: 'Check every policy (or the given ones) against these answers',
      description:
        'Stateless. Unknown facts, wrong types and out-of-range values answer 400 validation_error. ' +
        '`skipped` facts stay unknown and are never the next question. ' +
        '`?view=summary` answers with a list a phone can afford (see EligibilitySummary).',
      body: eligibilityRequest,
      plainBody: plainEligibilityBody,
      query: viewQuery,
      // Full by default; the summary with ?view=summary.
      response: z.union([eligibilityResponse, eligibilitySummaryResponse]),
    },
    (ctx, { body, query }) => {
      const check = services.eligibility.check({
        answers: body.answers,
        asOf: body.as_of,
        policies: body.policies,
        skipped: body.skipped,
      });
      // A repeated check (see EligibilityService) reuses its serialised, and compressed, reply.
      const json =
        query.view === 'summary' ? checkSummaryJson(check, services.eligibility.catalogue().facts) : checkJson(check);
      replies.remember(ctx, json);
      sendSharedJson(ctx, json);
    },
    replies.lookup,
  );
}
