import type { Services } from '../../services';
import { presentResult } from '../presenters/eligibility';
import { presentPolicyDetail, presentPolicySummary } from '../presenters/policy';
import type { ApiRouter } from '../route';
import {
  policyDetailBody,
  policyDetailQuery,
  policyDetailResponse,
  policyListQuery,
  policyListResponse,
  policyParams,
} from '../schemas/policies';

/** GET /api/v1/policies (facets, free text) and GET / POST /api/v1/policies/:id. Public. */
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
  /** The policy, and with answers its verdict for them (GET with ?answers=, or POST with a body). */
  const detailFor = (id: string, answers: unknown, asOfGiven: string | undefined) => {
    const asOf = asOfGiven ?? services.eligibility.today();
    const detail = presentPolicyDetail(services.policySearch.detail(id, asOf), asOf);
    if (answers === undefined) return detail;
    // One policy's full explanation for the founder's answers: a list in the summary view opens to this.
    const check = services.eligibility.check({ answers, asOf, policies: [id] });
    const [result] = check.evaluation.results;
    // With the tree: the flat criteria read 高企's three revenue bands as contradictory requirements.
    return { ...detail, ...(result ? { result: { ...presentResult(result), outline: result.outline } } : {}) };
  };
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
      ctx.body = detailFor(params.id, query.answers, query.as_of);
    },
  );
  api.route(
    {
      method: 'post',
      path: '/api/v1/policies/:id',
      tag: 'policies',
      summary: 'One policy with its verdict for the answers in the body (the GET with ?answers=, kept out of URLs)',
      description:
        'For clients that must not put a founder’s answers in a URL, which proxies and browser histories keep (the web page).',
      params: policyParams,
      body: policyDetailBody,
      response: policyDetailResponse,
      errors: [404],
    },
    (ctx, { params, body }) => {
      ctx.body = detailFor(params.id, body.answers, body.as_of);
    },
  );
}
