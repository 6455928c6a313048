/**
 * Finding policies: by name, alias or keyword (the bot's "创新券怎么申请",
 * the API's `q`), and by facets (region, district, industry, stage, open now,
 * closing soon) for the mini-program's list. Reads the catalogue in force.
 */
import { NotFoundError } from '../errors';
import type { Catalogue, FactValue, Policy, PolicyVersion } from '../rules/catalogue';
import type { CatalogueService } from './catalogue-service';
import { couldApply, versionOn } from '../rules';
import { FACETS, requireFacetOption } from './criteria-facets';
import { ConcreteWindowRow, isClosingSoon, isOpenOn, upcomingWindows } from './policy-windows';
import { errorMessages } from './error-messages';

export const CLOSING_SOON_DAYS = 30;

export interface PolicyFilters {
  region?: string;
  district?: string;
  industry?: string;
  stage?: string;
  open?: boolean;
  closingSoon?: boolean;
  q?: string;
}

export interface PolicyListing {
  policy: Policy;
  version: PolicyVersion;
  windows: ConcreteWindowRow[];
  openNow: boolean;
  closingSoon: boolean;
}

export interface PolicyDetail extends PolicyListing {
  /** False when no version is in force on the date asked (listed for reference only). */
  inForce: boolean;
}

const normalise = (text: string) => text.trim().toLowerCase();

/** How well a policy matches free text; 0 = not at all. Either side may contain the other. */
export function matchScore(policy: Policy, query: string): number {
  const q = normalise(query);
  if (!q) return 0;
  const scoreOf = (value: string, exact: number, partial: number) => {
    const v = normalise(value);
    if (!v) return 0;
    if (v === q) return exact;
    return v.includes(q) || q.includes(v) ? partial : 0;
  };
  return Math.max(
    scoreOf(policy.id, 10, 3),
    scoreOf(policy.title, 10, 6),
    ...policy.aliases.map((alias) => scoreOf(alias, 9, 5)),
    ...policy.keywords.map((keyword) => scoreOf(keyword, 6, 4)),
    normalise(policy.summary).includes(q) ? 1 : 0,
  );
}

export class PolicySearchService {
  constructor(private readonly catalogue: CatalogueService) {}

  /** Policies by name, alias or keyword, best first. */
  search(query: string): Policy[] {
    return this.catalogue
      .current()
      .policies.map((policy) => ({ policy, score: matchScore(policy, query) }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || a.policy.id.localeCompare(b.policy.id))
      .map((hit) => hit.policy);
  }

  /** Policies in force on `asOf` that the filters do not rule out; best text match first when `q` is given. */
  list(filters: PolicyFilters, asOf: string): PolicyListing[] {
    const catalogue = this.catalogue.current();
    const facets = this.facets(catalogue, filters);
    const listings: (PolicyListing & { score: number })[] = [];
    for (const policy of catalogue.policies) {
      const version = versionOn(policy, asOf);
      if (!version || !inRegion(policy, filters) || !couldApply(catalogue, version, facets)) continue;
      const score = filters.q ? matchScore(policy, filters.q) : 1;
      if (score === 0) continue;
      const listing = { ...this.listing(policy, version, asOf), score };
      if (filters.open && !listing.openNow) continue;
      if (filters.closingSoon && !listing.closingSoon) continue;
      listings.push(listing);
    }
    return listings
      .sort((a, b) => b.score - a.score || a.policy.id.localeCompare(b.policy.id))
      .map(({ score: _score, ...listing }) => listing);
  }

  detail(id: string, asOf: string): PolicyDetail {
    const policy = this.catalogue.policy(id);
    if (!policy)
      throw new NotFoundError(errorMessages.policyNotFound(id), [{ path: 'id', reason: 'unknown policy id' }]);
    const inForce = versionOn(policy, asOf);
    const version = inForce ?? policy.versions[policy.versions.length - 1]!;
    return { ...this.listing(policy, version, asOf), inForce: inForce !== undefined };
  }

  private listing(policy: Policy, version: PolicyVersion, asOf: string): PolicyListing {
    const windows = upcomingWindows(policy, asOf);
    return {
      policy,
      version,
      windows,
      openNow: windows.some((w) => isOpenOn(w, asOf)),
      closingSoon: windows.some((w) => isClosingSoon(w, asOf, CLOSING_SOON_DAYS)),
    };
  }

  /** The facet values as known facts, each checked against the vocabulary's options. */
  private facets(catalogue: Catalogue, filters: PolicyFilters): Record<string, FactValue> {
    const known: Record<string, FactValue> = {};
    for (const fact of FACETS) {
      const value = filters[fact];
      if (value === undefined) continue;
      requireFacetOption(catalogue, fact, value);
      known[fact] = value;
    }
    return known;
  }
}

/** National policies apply everywhere; a district narrows to Shanghai policies of that district. */
function inRegion(policy: Policy, filters: PolicyFilters): boolean {
  if (filters.region && policy.region !== 'national' && policy.region !== filters.region) return false;
  if (filters.district) {
    if (policy.region === 'zj-county') return false;
    if (policy.districts.length > 0 && !policy.districts.includes(filters.district)) return false;
  }
  return true;
}
