/**
 * Loads content/ into the database as one ContentRelease, in one transaction:
 * a broken file aborts with every error and leaves the database untouched;
 * loading the same content twice changes nothing (same hash).
 */
import { DataSource, EntityManager, In, Like } from 'typeorm';
import {
  ApplicationWindow,
  AuditLog,
  ContentRelease,
  FactQuestion,
  Incubator,
  Policy,
  PolicyVersion,
  Region,
  Source,
} from '../entities';
import type { Catalogue, Policy as CataloguePolicy, Source as CatalogueSource } from '../rules/catalogue';
import type { CatalogueService } from './catalogue-service';
import type { Clock } from './clock';
import { windowRows } from './window-rows';
import { canonicalJson } from './canonical-json';

export type ContentKind = 'policies' | 'questions' | 'incubators' | 'regions';
export type ChangeCounts = { added: number; changed: number; removed: number };
export type ReleaseSummary = Record<ContentKind, ChangeCounts>;

export interface ReleaseDiff {
  summary: ReleaseSummary;
  /** Ids per kind and change, for the admin dry run. */
  ids: Record<ContentKind, { added: string[]; changed: string[]; removed: string[] }>;
}

export interface LoadResult {
  status: 'loaded' | 'unchanged' | 'dry_run';
  hash: string;
  releaseId: number | null;
  diff: ReleaseDiff;
}

export type ReadCatalogue = (contentDir: string) => { catalogue: Catalogue; hash: string };

interface KeyedDocuments {
  [id: string]: string;
}

export class ContentReleaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogues: CatalogueService,
    private readonly clock: Clock,
    private readonly readCatalogue: ReadCatalogue,
  ) {}

  /** On start: load the shipped content when the database has none. */
  async loadIfEmpty(contentDir: string, onProgress?: (line: string) => void): Promise<LoadResult | null> {
    const releases = await this.dataSource.manager.count(ContentRelease);
    if (releases > 0) return null;
    return this.load(contentDir, { actor: 'startup', onProgress });
  }

  async load(
    contentDir: string,
    options: { dryRun?: boolean; actor: string; onProgress?: (line: string) => void },
  ): Promise<LoadResult> {
    const progress = options.onProgress ?? (() => undefined);
    progress(`reading ${contentDir}`);
    const { catalogue, hash } = this.readCatalogue(contentDir); // throws ContentError before any write
    progress(
      `read ${catalogue.policies.length} policies, ${Object.keys(catalogue.facts).length} questions, ${catalogue.incubators.length} incubators, ${catalogue.regions.length} regions`,
    );
    const result = await this.dataSource.transaction(async (manager) => {
      const diff = diffCatalogue(await currentDocuments(manager), documentsOf(catalogue));
      const [latest] = await manager.find(ContentRelease, { order: { id: 'DESC' }, take: 1 });
      if (options.dryRun) return { status: 'dry_run' as const, hash, releaseId: null, diff };
      if (latest?.hash === hash) return { status: 'unchanged' as const, hash, releaseId: latest.id, diff };
      progress('writing policies');
      await this.writePolicies(manager, catalogue, diff);
      progress('writing questions, incubators, regions');
      await replaceSimple(manager, catalogue, diff);
      const release = await manager.save(ContentRelease, {
        hash,
        summary: diff.summary,
        loadedBy: options.actor.slice(0, 120),
      });
      await manager.insert(AuditLog, {
        actor: options.actor.slice(0, 64),
        action: 'content.loaded',
        detail: { releaseId: release.id, hash, summary: diff.summary },
      });
      return { status: 'loaded' as const, hash, releaseId: release.id, diff };
    });
    if (result.status === 'loaded') await this.catalogues.refresh();
    progress(`${result.status}: ${formatSummary(result.diff.summary)}`);
    return result;
  }

  async listReleases(limit = 20): Promise<ContentRelease[]> {
    return this.dataSource.manager.find(ContentRelease, { order: { id: 'DESC' }, take: limit });
  }

  private async writePolicies(manager: EntityManager, catalogue: Catalogue, diff: ReleaseDiff): Promise<void> {
    const ids = diff.ids.policies;
    const stale = [...ids.changed, ...ids.removed];
    if (stale.length > 0) {
      await manager.delete(
        PolicyVersion,
        stale.map((policyId) => ({ policyId })),
      );
      await manager.delete(
        ApplicationWindow,
        stale.map((policyId) => ({ policyId })),
      );
      await manager.delete(Source, { ownerType: 'policy', ownerId: In(stale) });
      await manager.delete(
        Source,
        stale.map((id) => ({ ownerType: 'policy_version' as const, ownerId: Like(`${id}@%`) })),
      );
    }
    if (ids.removed.length > 0) await manager.delete(Policy, ids.removed);
    const currentYear = Number(new Date(this.clock.now()).getUTCFullYear());
    for (const policy of catalogue.policies.filter((p) => ids.added.includes(p.id) || ids.changed.includes(p.id))) {
      const { versions, ...document } = policy;
      await manager.save(Policy, {
        id: policy.id,
        title: policy.title,
        region: policy.region,
        benefitKind: policy.benefit.kind,
        benefitCapYuan: policy.benefit.cap_yuan === 'unknown' ? null : policy.benefit.cap_yuan,
        verifiedAt: policy.verified_at,
        confidence: policy.confidence,
        document,
      });
      await manager.insert(
        PolicyVersion,
        versions.map((version) => ({
          policyId: policy.id,
          validFrom: version.valid_from,
          validTo: version.valid_to ?? null,
          document: version,
        })),
      );
      const windows = windowRows(policy, currentYear);
      if (windows.length > 0) await manager.insert(ApplicationWindow, windows);
      await insertSources(manager, 'policy', policy.id, policy.sources);
      for (const version of versions) {
        await insertSources(manager, 'policy_version', `${policy.id}@${version.valid_from}`, version.sources);
      }
    }
  }
}

async function replaceSimple(manager: EntityManager, catalogue: Catalogue, diff: ReleaseDiff): Promise<void> {
  const q = diff.ids.questions;
  if (q.removed.length > 0) await manager.delete(FactQuestion, q.removed);
  const touched = new Set([...q.added, ...q.changed]);
  const questions = Object.values(catalogue.facts).filter((fact) => touched.has(fact.fact));
  for (const fact of questions) await manager.save(FactQuestion, { fact: fact.fact, type: fact.type, document: fact });

  await replaceCited(manager, Incubator, 'incubator', diff.ids.incubators, catalogue.incubators, (incubator) => ({
    id: incubator.id,
    name: incubator.name,
    region: incubator.region,
    district: incubator.district ?? null,
    level: incubator.level,
    verifiedAt: incubator.verified_at,
    document: incubator,
  }));
  await replaceCited(manager, Region, 'region', diff.ids.regions, catalogue.regions, (region) => ({
    id: region.id,
    name: region.name,
    scope: region.scope,
    verifiedAt: region.verified_at,
    document: region,
  }));
}

/** Incubators and regions: drop removed rows, rewrite added and changed ones with their sources. */
async function replaceCited<T extends { id: string; sources: readonly CatalogueSource[] }>(
  manager: EntityManager,
  entity: typeof Incubator | typeof Region,
  ownerType: 'incubator' | 'region',
  ids: { added: string[]; changed: string[]; removed: string[] },
  items: readonly T[],
  toRow: (item: T) => object,
): Promise<void> {
  const stale = [...ids.changed, ...ids.removed];
  if (stale.length > 0) await manager.delete(Source, { ownerType, ownerId: In(stale) });
  if (ids.removed.length > 0) await manager.delete(entity, ids.removed);
  const touched = new Set([...ids.added, ...ids.changed]);
  for (const item of items.filter((candidate) => touched.has(candidate.id))) {
    await manager.save(entity, toRow(item));
    await insertSources(manager, ownerType, item.id, item.sources);
  }
}

async function insertSources(
  manager: EntityManager,
  ownerType: Source['ownerType'],
  ownerId: string,
  sources: readonly CatalogueSource[],
): Promise<void> {
  if (sources.length === 0) return;
  await manager.insert(
    Source,
    sources.map((source) => ({
      ownerType,
      ownerId,
      title: source.title,
      number: source.number ?? null,
      url: source.url ?? null,
      seed: source.seed ?? null,
    })),
  );
}

function documentsOf(catalogue: Catalogue): Record<ContentKind, KeyedDocuments> {
  const keyed = <T>(items: readonly T[], id: (item: T) => string) =>
    Object.fromEntries(items.map((item) => [id(item), JSON.stringify(item)]));
  return {
    policies: keyed(catalogue.policies, (p: CataloguePolicy) => p.id),
    questions: keyed(Object.values(catalogue.facts), (f) => f.fact),
    incubators: keyed(catalogue.incubators, (i) => i.id),
    regions: keyed(catalogue.regions, (r) => r.id),
  };
}

async function currentDocuments(manager: EntityManager): Promise<Record<ContentKind, KeyedDocuments>> {
  const [policies, versions, questions, incubators, regions] = await Promise.all([
    manager.find(Policy),
    manager.find(PolicyVersion, { order: { validFrom: 'ASC' } }),
    manager.find(FactQuestion),
    manager.find(Incubator),
    manager.find(Region),
  ]);
  return documentsOf({
    policies: policies.map((row) => ({
      ...row.document,
      versions: versions.filter((v) => v.policyId === row.id).map((v) => v.document),
    })),
    facts: Object.fromEntries(questions.map((row) => [row.fact, row.document])),
    incubators: incubators.map((row) => row.document),
    regions: regions.map((row) => row.document),
  });
}

export function diffCatalogue(
  before: Record<ContentKind, KeyedDocuments>,
  after: Record<ContentKind, KeyedDocuments>,
): ReleaseDiff {
  const kinds: ContentKind[] = ['policies', 'questions', 'incubators', 'regions'];
  const ids = {} as ReleaseDiff['ids'];
  const summary = {} as ReleaseSummary;
  for (const kind of kinds) {
    const old = before[kind];
    const next = after[kind];
    const added = Object.keys(next)
      .filter((id) => !(id in old))
      .sort();
    const removed = Object.keys(old)
      .filter((id) => !(id in next))
      .sort();
    const changed = Object.keys(next)
      .filter((id) => id in old && !sameJson(old[id]!, next[id]!))
      .sort();
    ids[kind] = { added, changed, removed };
    summary[kind] = { added: added.length, changed: changed.length, removed: removed.length };
  }
  return { summary, ids };
}

/** Key order may differ between YAML and the database copy: compare canonically. */
function sameJson(a: string, b: string): boolean {
  return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
}

export function formatSummary(summary: ReleaseSummary): string {
  return (Object.entries(summary) as [ContentKind, ChangeCounts][])
    .map(([kind, c]) => `${kind} +${c.added} ~${c.changed} -${c.removed}`)
    .join(', ');
}
