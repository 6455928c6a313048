import type { Services } from '../../services';
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
      summary: 'One policy: criteria, windows, how to apply, sources, verified_at, confidence',
      params: policyParams,
      query: policyDetailQuery,
      response: policyDetailResponse,
      errors: [404],
    },
    (ctx, { params, query }) => {
      const asOf = query.as_of ?? services.eligibility.today();
      ctx.body = presentPolicyDetail(services.policySearch.detail(params.id, asOf), asOf);
    },
  );
}
