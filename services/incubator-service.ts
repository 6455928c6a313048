/**
 * Incubators, 众创空间 and university science parks: listed by facets, or
 * ranked for a founder ("which fit me?") by the rules engine's
 * rankIncubators, each match with its reasons in Chinese.
 */
import { rankIncubators } from '../rules';
import type { Answers, Catalogue, Incubator } from '../rules/catalogue';
import type { CatalogueService } from './catalogue-service';
import { FACETS, requireFacetOption } from './criteria-facets';

export interface IncubatorFilters {
  region?: string;
  district?: string;
  industry?: string;
  stage?: string;
  level?: string;
  q?: string;
}

export interface IncubatorMatch {
  incubator: Incubator;
  /** Chinese, one short phrase each: "同在浦东新区". */
  reasons: string[];
  score?: number;
}

export class IncubatorService {
  constructor(private readonly catalogue: CatalogueService) {}

  /** Incubators that pass every filter, in catalogue order. */
  list(filters: IncubatorFilters): Incubator[] {
    const catalogue = this.catalogue.current();
    checkFacets(catalogue, filters);
    const q = filters.q?.trim().toLowerCase();
    return catalogue.incubators.filter(
      (incubator) =>
        (!filters.region || incubator.region === filters.region) &&
        (!filters.district || incubator.district === filters.district) &&
        // A generalist carrier (no industries listed) welcomes every industry, as in the engine.
        (!filters.industry || incubator.industries.length === 0 || incubator.industries.includes(filters.industry)) &&
        (!filters.stage || incubator.stages.includes(filters.stage)) &&
        (!filters.level || incubator.level === filters.level) &&
        (!q ||
          [incubator.name, incubator.summary ?? '', incubator.address, ...incubator.services].some((text) =>
            text.toLowerCase().includes(q),
          )),
    );
  }

  /** The filtered incubators ranked for a founder's answers, best first, with reasons. */
  rank(answers: Answers, filters: IncubatorFilters = {}): IncubatorMatch[] {
    const candidates = this.list(filters);
    if (candidates.length === 0) return [];
    const facts = this.catalogue.current().facts;
    return rankIncubators(answers, candidates, { facts, limit: candidates.length }).map((match) => ({
      incubator: match.incubator,
      reasons: [...match.reasons],
      score: match.score,
    }));
  }
}

function checkFacets(catalogue: Catalogue, filters: IncubatorFilters): void {
  for (const fact of FACETS) {
    const value = filters[fact];
    if (value !== undefined) requireFacetOption(catalogue, fact, value);
  }
}
