import type { Incubator } from '../../rules/catalogue';
import type { Services } from '../../services';
import { founderOf } from '../middleware/founder-auth';
import type { ApiRouter } from '../route';
import type { IncubatorFilters } from '../../services/incubator-service';
import { incubatorListQuery, incubatorListResponse, incubatorMatchBody } from '../schemas/incubators';

function presentIncubator(incubator: Incubator) {
  return {
    id: incubator.id,
    name: incubator.name,
    region: incubator.region,
    district: incubator.district ?? null,
    level: incubator.level,
    industries: incubator.industries,
    stages: incubator.stages,
    services: incubator.services,
    address: incubator.address,
    summary: incubator.summary ?? null,
    sources: incubator.sources.map((s) => ({ title: s.title, number: s.number ?? null, url: s.url ?? null })),
    verified_at: incubator.verified_at,
    confidence: incubator.confidence,
  };
}

/**
 * GET /api/v1/incubators: public list; `?match=me` ranks by the caller's profile, `?answers=` by the
 * answers given; POST ranks by answers in the body.
 */
export function incubatorRoutes(api: ApiRouter, services: Services): void {
  api.route(
    {
      method: 'get',
      path: '/api/v1/incubators',
      tag: 'incubators',
      summary: 'Incubators by facets, or ranked with reasons for me (?match=me) or for the given answers (?answers=)',
      auth: 'optional-founder',
      query: incubatorListQuery,
      response: incubatorListResponse,
      errors: [401],
    },
    async (ctx, { query }) => {
      const { match, answers: given, ...filters } = query;
      if (given) {
        ctx.body = rankedFor(given, filters);
        return;
      }
      if (match === 'me') {
        ctx.body = ranked(
          services.incubators.rank(await services.profileEditor.usableAnswers(founderOf(ctx)), filters),
        );
        return;
      }
      const incubators = services.incubators.list(filters);
      ctx.body = { count: incubators.length, matched: false, incubators: incubators.map(presentIncubator) };
    },
  );
  api.route(
    {
      method: 'post',
      path: '/api/v1/incubators',
      tag: 'incubators',
      summary: 'Incubators ranked with reasons for the answers in the body (the GET with ?answers=, kept out of URLs)',
      body: incubatorMatchBody,
      response: incubatorListResponse,
    },
    (ctx, { body }) => {
      const { answers, ...filters } = body;
      ctx.body = rankedFor(answers, filters);
    },
  );

  /** Given answers are held to the fact vocabulary as a check holds them (400 naming each bad fact). */
  function rankedFor(given: unknown, filters: IncubatorFilters) {
    return ranked(services.incubators.rank(services.eligibility.check({ answers: given }).answers, filters));
  }
}

function ranked(matches: ReturnType<Services['incubators']['rank']>) {
  return {
    count: matches.length,
    matched: true,
    incubators: matches.map((m) => ({ ...presentIncubator(m.incubator), reasons: m.reasons, score: m.score ?? null })),
  };
}
