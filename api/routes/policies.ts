import type { Services } from '../../services';
import { presentResult } from '../presenters/eligibility';
import { presentPolicyDetail, presentPolicySummary } from '../presenters/policy';
import type { ApiRouter } from '../route';
import {
  policyDetailQuery,
  policyDetailResponse,
  policyListQuery,
  policyListResponse,
  policyParams,
} from '../schemas/policies';

/** GET /api/v1/policies (facets, free text) and GET /api/v1/policies/:id. Public. */
export function policyRoutes(api: ApiRouter, services: Services): void {
  api.route(
    {
      method: 'get',
      path: '/api/v1/policies',
      tag: 'policies',
      summary: 'Policies in force, filtered by region, district, industry, stage, open / closing soon, free text',
      query: policyListQuery,
      response: policyListResponse,
    },
    (ctx, { query }) => {
      const asOf = query.as_of ?? services.eligibility.today();
      const listings = services.policySearch.list(
        {
          region: query.region,
          district: query.district,
          industry: query.industry,
          stage: query.stage,
          open: query.open,
          closingSoon: query.closing_soon,
          q: query.q,
        },
        asOf,
      );
      ctx.body = { as_of: asOf, count: listings.length, policies: listings.map(presentPolicySummary) };
    },
  );
  api.route(
    {
      method: 'get',
      path: '/api/v1/policies/:id',
      tag: 'policies',
      summary:
        'One policy: criteria, windows, how to apply, sources, verified_at, confidence; with ?answers=, its verdict',
      params: policyParams,
      query: policyDetailQuery,
      response: policyDetailResponse,
      errors: [404],
    },
    (ctx, { params, query }) => {
      const asOf = query.as_of ?? services.eligibility.today();
      const detail = presentPolicyDetail(services.policySearch.detail(params.id, asOf), asOf);
      if (!query.answers) {
        ctx.body = detail;
        return;
      }
      // One policy's full explanation for the founder's answers: a list in the summary view opens to this.
      const check = services.eligibility.check({ answers: query.answers, asOf, policies: [params.id] });
      const [result] = check.evaluation.results;
      // With the tree: the flat criteria read 高企's three revenue bands as contradictory requirements.
      ctx.body = { ...detail, ...(result ? { result: { ...presentResult(result), outline: result.outline } } : {}) };
    },
  );
}
