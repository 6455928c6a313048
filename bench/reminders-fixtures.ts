/**
 * Benchmark fixtures for the reminders, bulk-inserted with chunked multi-row
 * INSERTs in transactions: N founders on WeChat, 20 policies with one window
 * each (6 closing 30/7/1 days after the run date, 14 not due), and per founder
 * one subscription to a due policy (or, one founder in ten, to "everything
 * that fits me" with two fitting verdicts) plus one to a policy not due.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { Policy as CataloguePolicy } from '../rules/catalogue';
import { addDays } from '../reminders/calendar';
import { chunks, dbTime, placeholders } from '../db/sql';

export const POLICIES = 20;
export const DUE_POLICIES = 6;

export interface BenchCatalogue {
  policies: Map<string, CataloguePolicy>;
}

export function policyId(n: number): string {
  return `bench.p${String(n).padStart(2, '0')}`;
}

/** Closing dates: policies 0–5 are due on `today` (two each at 30, 7 and 1 days), the others later. */
export function closingDate(n: number, today: string): string {
  const due = [30, 30, 7, 7, 1, 1];
  return n < DUE_POLICIES ? addDays(today, due[n]!) : addDays(today, 40 + n);
}

async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const list = columns.map((c) => `\`${c}\``).join(', ');
  for (const batch of chunks(rows, 500)) {
    await manager.query(
      `INSERT INTO \`${table}\` (${list}) VALUES ${batch.map(() => `(${placeholders(columns.length)})`).join(', ')}`,
      batch.flat(),
    );
  }
}

export function benchPolicy(n: number): CataloguePolicy {
  const id = policyId(n);
  return {
    id,
    title: `基准测试政策 ${n}`,
    aliases: [],
    keywords: [],
    topics: [],
    region: 'shanghai',
    districts: [],
    authority: '测试',
    summary: '基准测试',
    benefit: { kind: 'cash', cap_yuan: 'unknown', description: '—', confidence: 'C' },
    versions: [],
    caveats: [],
    windows: [],
    how_to_apply: { steps: [], materials: ['营业执照', '财务报表'], url: `https://example.gov.cn/${id}` },
    sources: [],
    verified_at: '2026-01-01',
    confidence: 'C',
  };
}

export async function loadBenchFixtures(
  dataSource: DataSource,
  founders: number,
  today: string,
): Promise<BenchCatalogue> {
  const policies = new Map(Array.from({ length: POLICIES }, (_, n) => [policyId(n), benchPolicy(n)] as const));
  const now = dbTime(new Date());
  await dataSource.transaction(async (manager) => {
    await insertRows(
      manager,
      'policy',
      ['id', 'title', 'region', 'benefitKind', 'benefitCapYuan', 'verifiedAt', 'confidence', 'document'],
      [...policies.values()].map((p) => [p.id, p.title, p.region, 'cash', null, p.verified_at, 'C', JSON.stringify(p)]),
    );
    await insertRows(
      manager,
      'application_window',
      ['policyId', 'windowKey', 'opensOn', 'closesOn', 'rolling', 'note', 'confidence'],
      Array.from({ length: POLICIES }, (_, n) => [
        policyId(n),
        `${policyId(n)}:w`,
        null,
        closingDate(n, today),
        0,
        null,
        'C',
      ]),
    );
  });
  for (let start = 0; start < founders; start += 10_000) {
    const ids = Array.from({ length: Math.min(10_000, founders - start) }, (_, k) => start + k);
    await dataSource.transaction(async (manager) => {
      const id = (i: number) => `bench-founder-${String(i).padStart(8, '0')}`;
      await insertRows(
        manager,
        'founder',
        ['id', 'createdAt', 'updatedAt'],
        ids.map((i) => [id(i), now, now]),
      );
      await insertRows(
        manager,
        'founder_identity',
        ['founderId', 'channel', 'externalId', 'createdAt'],
        ids.map((i) => [id(i), 'wechat', `wx-${i}`, now]),
      );
      await insertRows(
        manager,
        'subscription',
        ['founderId', 'scope', 'channel', 'templateIds', 'status', 'createdAt'],
        ids.flatMap((i) => [
          [id(i), i % 10 === 0 ? '*' : policyId(i % DUE_POLICIES), 'wechat', '[]', 'active', now],
          [id(i), policyId(DUE_POLICIES + (i % (POLICIES - DUE_POLICIES))), 'wechat', '[]', 'active', now],
        ]),
      );
      // "Everything that fits me": eligible for one due policy, maybe for another.
      await insertRows(
        manager,
        'fact_answer',
        ['founderId', 'fact', 'value', 'answeredAt', 'channel'],
        ids
          .filter((i) => i % 10 === 0)
          .flatMap((i) => [
            [id(i), policyId(i % DUE_POLICIES), '"eligible"', now, 'api'],
            [id(i), policyId((i + 1) % DUE_POLICIES), '"maybe"', now, 'api'],
          ]),
      );
    });
  }
  return { policies };
}
