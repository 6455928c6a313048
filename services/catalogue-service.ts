/**
 * The catalogue in force: the newest content release, read from the database
 * once and kept in memory (it is small and read on every request). Reloaded
 * after a content load, in this process; other replicas pick it up on refresh.
 */
import { DataSource } from 'typeorm';
import { ContentRelease, FactQuestion, Incubator, Policy, PolicyVersion, Region } from '../entities';
import type { Catalogue, Policy as CataloguePolicy } from '../rules/catalogue';

export interface ReleaseInfo {
  id: number;
  hash: string;
  createdAt: Date;
}

export class CatalogueService {
  private catalogue: Catalogue = { facts: {}, policies: [], incubators: [], regions: [] };
  private release: ReleaseInfo | null = null;

  constructor(private readonly dataSource: DataSource) {}

  current(): Catalogue {
    return this.catalogue;
  }

  currentRelease(): ReleaseInfo | null {
    return this.release;
  }

  policy(id: string): CataloguePolicy | undefined {
    return this.catalogue.policies.find((policy) => policy.id === id);
  }

  /** Reads the newest release from the database. */
  async refresh(): Promise<void> {
    const manager = this.dataSource.manager;
    const [latest] = await manager.find(ContentRelease, { order: { id: 'DESC' }, take: 1 });
    const [questions, policies, versions, incubators, regions] = await Promise.all([
      manager.find(FactQuestion, { order: { fact: 'ASC' } }),
      manager.find(Policy, { order: { id: 'ASC' } }),
      manager.find(PolicyVersion, { order: { policyId: 'ASC', validFrom: 'ASC' } }),
      manager.find(Incubator, { order: { id: 'ASC' } }),
      manager.find(Region, { order: { id: 'ASC' } }),
    ]);
    this.catalogue = {
      facts: Object.fromEntries(questions.map((row) => [row.fact, row.document])),
      policies: policies.map((row) => ({
        ...row.document,
        versions: versions.filter((version) => version.policyId === row.id).map((version) => version.document),
      })),
      incubators: incubators.map((row) => row.document),
      regions: regions.map((row) => row.document),
    };
    this.release = latest ? { id: latest.id, hash: latest.hash, createdAt: latest.createdAt } : null;
  }
}
