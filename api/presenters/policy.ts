import type { Source } from '../../rules/catalogue';
import type { PolicyDetail, PolicyListing } from '../../services/policy-search-service';
import type { ConcreteWindowRow } from '../../services/policy-windows';

function presentWindowRow(window: ConcreteWindowRow) {
  return {
    key: window.windowKey,
    opens: window.opensOn,
    closes: window.closesOn,
    rolling: window.rolling,
    note: window.note,
    confidence: window.confidence,
  };
}

const presentSource = (source: Source) => ({
  title: source.title,
  number: source.number ?? null,
  url: source.url ?? null,
});

export function presentPolicySummary(listing: PolicyListing) {
  const { policy } = listing;
  const next = listing.windows.find((w) => !w.rolling) ?? listing.windows[0];
  return {
    id: policy.id,
    title: policy.title,
    summary: policy.summary,
    authority: policy.authority,
    region: policy.region,
    districts: policy.districts,
    topics: policy.topics,
    benefit: {
      kind: policy.benefit.kind,
      cap_yuan: policy.benefit.cap_yuan,
      description: policy.benefit.description,
      notes: policy.benefit.notes ?? null,
      confidence: policy.benefit.confidence,
    },
    open_now: listing.openNow,
    closing_soon: listing.closingSoon,
    next_window: next ? presentWindowRow(next) : null,
    verified_at: policy.verified_at,
    confidence: policy.confidence,
  };
}

export function presentPolicyDetail(detail: PolicyDetail, asOf: string) {
  const { policy, version } = detail;
  return {
    ...presentPolicySummary(detail),
    as_of: asOf,
    in_force: detail.inForce,
    aliases: policy.aliases,
    keywords: policy.keywords,
    criteria: version.criteria,
    versions: policy.versions.map((v) => ({
      valid_from: v.valid_from,
      valid_to: v.valid_to ?? null,
      confidence: v.confidence,
    })),
    caveats: [...policy.caveats, ...version.caveats],
    windows: detail.windows.map(presentWindowRow),
    how_to_apply: {
      // 免申即享: clients show 无需申请 and the note instead of the steps.
      automatic: policy.how_to_apply.automatic === true,
      summary: policy.how_to_apply.automatic ? `无需申请（免申即享）：${policy.how_to_apply.note ?? ''}` : null,
      steps: policy.how_to_apply.steps,
      materials: policy.how_to_apply.materials,
      url: policy.how_to_apply.url ?? null,
    },
    sources: [...policy.sources, ...version.sources].map(presentSource),
  };
}
