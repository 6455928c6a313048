/**
 * The shipped content/ against the repository's own specs: every fact of
 * docs/facts.md, every policy id of docs/domain.md with its dated versions,
 * enough incubators, the region packs, windows for 2026 and 2027 — and it
 * passes content:check. Those docs began as copies of the team's shared
 * FACTS.md and DOMAIN.md; they are compared with them when they are there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readCatalogue } from '../../catalogue/read-content';
import type { Answers, Catalogue, Criterion, ScoreComponent, ScoreTable } from '../../rules/catalogue';
import { PERSONAS_DIR } from '../../scripts/support/personas';
import { itMatchesOriginal } from '../support/originals';
import { copyContent, edit, removeCopies, SHIPPED_CONTENT } from './support/content-dirs';

const DOCS = path.resolve(__dirname, '../../docs');
let catalogue: Catalogue;
let hash: string;

beforeAll(() => {
  ({ catalogue, hash } = readCatalogue(SHIPPED_CONTENT));
});
afterAll(removeCopies);

const policy = (id: string) => {
  const found = catalogue.policies.find((p) => p.id === id);
  if (!found) throw new Error(`no policy ${id}`);
  return found;
};

interface FactRow {
  fact: string;
  type: string;
  values: string[];
}

/** Fact table rows: | `fact` | type | meaning (enum values in backticks) |, padded or not. */
function factsTable(file = path.join(DOCS, 'facts.md')): FactRow[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\| `([a-z0-9_]+)` +\| (\w+) +\| (.*?) *\|$/gm)].map(([, fact, type, meaning]) => ({
    fact: fact!,
    type: type!,
    // `region` repeats its default in backticks: de-duplicate.
    values:
      type === 'enum' ? [...new Set([...meaning!.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1]!.split(/\s+/)))] : [],
  }));
}

describe('the shipped content', () => {
  it('passes content:check', () => {
    expect(catalogue.policies.length).toBeGreaterThan(0);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('asks a question for every fact of docs/facts.md, with its type and enum options', () => {
    const table = factsTable();
    expect(table.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(catalogue.facts).sort()).toEqual(table.map((row) => row.fact).sort());
    for (const row of table) {
      const fact = catalogue.facts[row.fact];
      expect({ fact: row.fact, type: fact?.type }).toEqual({ fact: row.fact, type: row.type });
      expect(fact!.question).toMatch(/例如/);
      if (row.type === 'enum') expect(fact!.options!.map((o) => o.value).sort()).toEqual([...row.values].sort());
      if (row.type === 'percent') expect([fact!.min, fact!.max]).toEqual([0, 100]);
    }
    expect(catalogue.facts.region!.default).toBe('shanghai');
  });

  itMatchesOriginal('FACTS.md', 'docs/facts.md keeps every fact of the original vocabulary as it is', (original) => {
    // The repository may add facts; it never changes or drops one of the original's.
    expect(factsTable()).toEqual(expect.arrayContaining(factsTable(original)));
  });

  it('has every policy id of docs/domain.md', () => {
    const ids = policyIds(path.join(DOCS, 'domain.md'));
    expect(ids).toHaveLength(23);
    expect(catalogue.policies.map((p) => p.id)).toEqual(expect.arrayContaining(ids));
  });

  itMatchesOriginal('DOMAIN.md', 'docs/domain.md lists every policy id of the original brief', (original) => {
    expect(policyIds(path.join(DOCS, 'domain.md'))).toEqual(expect.arrayContaining(policyIds(original)));
  });

  it('dates both 专精特新 rule sets: 2022 rules until 2026-03-31, 2026 rules from 2026-04-01', () => {
    for (const id of ['cn.specialized-sme', 'cn.little-giant']) {
      const versions = policy(id).versions;
      expect(versions.map((v) => [v.valid_from, v.valid_to ?? null])).toEqual([
        ['2022-08-01', '2026-03-31'],
        ['2026-04-01', null],
      ]);
      expect(versions[1]!.confidence).toBe('C');
    }
  });

  it('scores the personas of docs/domain.md with the 科技型中小企业 table: 100 and 40 points', () => {
    const table = policy('cn.tech-sme').versions[0]!.scores!.tech_sme_score!;
    const persona = (name: string) => personaAnswers(name);
    expect(score(table, persona('hardtech-growth'))).toBe(100);
    expect(score(table, persona('rd-too-low'))).toBe(40);
    expect(
      score(table, {
        tech_staff_ratio: 30,
        rd_expense_ratio: 5,
        rd_cost_ratio: 0,
        class1_ip_count: 0,
        class2_ip_count: 1,
      }),
    ).toBe(20 + 40 + 6);
  });

  it('asks whether the founder already has a Shanghai hukou in every hukou policy', () => {
    const hukou = catalogue.policies.filter((p) => p.topics.includes('落户'));
    expect(hukou.map((p) => p.id).sort()).toEqual(['sh.hukou-entrepreneur', 'sh.hukou-graduate', 'sh.hukou-returnee']);
    for (const p of hukou) {
      const criteria = p.versions.at(-1)!.criteria as { all: Criterion[] };
      expect(criteria.all).toContainEqual({
        not: { fact: 'founder_hukou_shanghai', op: '=', value: true },
        label: expect.stringContaining('已有上海户籍无需办理'),
      });
    }
  });

  it('lets the innovation voucher lean on cn.tech-sme for its enterprise route; its cap is unknown until the rules are read', () => {
    const voucher = policy('sh.innovation-voucher');
    expect(JSON.stringify(voucher.versions[0]!.criteria)).toContain('{"policy":"cn.tech-sme"');
    // Secondary sources disagree (50万 or 30万): no number until the 管理办法 itself is read.
    expect(voucher.benefit.cap_yuan).toBe('unknown');
  });

  it('grades 科技型中小企业技术创新资金 C: nothing public confirmed its thresholds or dates', () => {
    const fund = policy('sh.tech-sme-innovation-fund');
    expect([fund.confidence, ...fund.versions.map((v) => v.confidence)]).toEqual(['C', 'C']);
  });

  it('tags every policy with a topic and gives application windows only as far as they are known', () => {
    for (const p of catalogue.policies) expect(p.topics.length).toBeGreaterThan(0);
    // The national 小巨人 window (about 04-25 to 05-25).
    expect(policy('cn.little-giant').windows.find((w) => w.kind === 'yearly')).toMatchObject({
      opens: '04-25',
      closes: '05-25',
      from_year: 2026,
      to_year: 2027,
    });
    // Shanghai's 专精特新: district batches on 上海市企业服务云 whose dates each notice sets,
    // not the 小巨人 window and not "常年受理" either.
    expect(policy('cn.specialized-sme').windows).toEqual([]);
    expect(policy('cn.specialized-sme').caveats).toContainEqual(expect.stringContaining('分多批'));
    // 科小: each year's notice sets the dates; the next ones are not known, so no guessed window.
    expect(policy('cn.tech-sme').windows).toEqual([]);
    expect(policy('cn.tech-sme').caveats).toContainEqual(expect.stringContaining('以当年通知为准'));
  });

  it('lists at least 25 incubators in at least 6 Shanghai districts, plus the county pack tagged by cluster', () => {
    const shanghai = catalogue.incubators.filter((i) => i.region === 'shanghai');
    expect(shanghai.length).toBeGreaterThanOrEqual(25);
    expect(new Set(shanghai.map((i) => i.district)).size).toBeGreaterThanOrEqual(6);
    // Issue #17 item 9: the central and southern districts that had none.
    for (const district of ['huangpu', 'jingan', 'changning', 'hongkou', 'jinshan', 'fengxian'])
      expect({ district, found: shanghai.some((i) => i.district === district) }).toEqual({ district, found: true });
    const county = catalogue.incubators.filter((i) => i.region === 'zj-county');
    expect(county.length).toBeGreaterThan(0);
    expect(new Set(county.flatMap((i) => i.clusters ?? []))).toEqual(
      new Set(['智能电气', '智能电子信息', '数字经济', '物联网传感', '临港经济']),
    );
  });

  it('has the region packs, each with a source', () => {
    expect(catalogue.regions.map((r) => r.id).sort()).toEqual([
      'lingang',
      'minhang',
      'pudong',
      'xuhui',
      'yangpu',
      'zj-county',
    ]);
    const seeded = catalogue.regions.filter((r) => r.sources.some((s) => s.seed)).map((r) => r.id);
    expect(seeded.sort()).toEqual(['minhang', 'pudong', 'xuhui', 'yangpu', 'zj-county']);
  });

  it('says so in a caveat wherever a version starts on the day we verified it rather than on a sourced date', () => {
    // content/README.md: no invented earlier dates; an earlier as_of gets not_in_force with this caveat.
    const undated = catalogue.policies.flatMap((p) =>
      p.versions.filter((v) => v.valid_from === p.verified_at).map((v) => ({ policy: p.id, caveats: v.caveats })),
    );
    expect(undated.map((u) => u.policy).sort()).toEqual([
      'sh.angel-fund',
      'sh.first-startup-subsidy',
      'sh.hukou-graduate',
      'sh.incubation-space-subsidy',
      'sh.startup-competition-grant',
      'sh.startup-social-insurance-subsidy',
      'sh.tech-little-giant',
    ]);
    for (const { policy: id, caveats } of undated)
      expect({ policy: id, says: caveats.some((c) => c.includes('是我们核实') && c.includes('不是')) }).toEqual({
        policy: id,
        says: true,
      });
  });

  it('cites a source, a verification date and a confidence for everything', () => {
    const cited = [
      ...catalogue.policies,
      ...catalogue.policies.flatMap((p) => p.versions),
      ...catalogue.incubators,
      ...catalogue.regions,
    ];
    for (const item of cited) {
      expect(item.sources.length).toBeGreaterThan(0);
      expect(['A', 'B', 'C']).toContain(item.confidence);
    }
  });

  it('hashes the content, not its location, and changes with a single byte', () => {
    const copy = copyContent(SHIPPED_CONTENT);
    expect(readCatalogue(copy).hash).toBe(hash);
    edit(copy, 'policies/cn.tech-sme.yaml', 'title: 科技型中小企业评价入库', 'title: 科技型中小企业评价入库 ');
    expect(readCatalogue(copy).hash).not.toBe(hash);
  });
});

/** Policy id rows of a domain brief: | `id` | title | region | */
function policyIds(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/^\| `([a-z0-9.-]+)` +\|/gm)].map((m) => m[1]!);
}

function personaAnswers(name: string): Answers {
  return parse(fs.readFileSync(path.join(PERSONAS_DIR, `${name}.yaml`), 'utf8')).answers;
}

/** Reference scorer for the test: highest band whose min ≤ value; best_of takes the best. */
function score(table: ScoreTable, answers: Answers): number {
  const points = (component: ScoreComponent): number => {
    if ('best_of' in component) return Math.max(...component.best_of.map(points));
    const value = Number(answers[component.fact] ?? 0);
    return Math.max(0, ...component.bands.filter((b) => b.min <= value).map((b) => b.points));
  };
  return table.components.reduce((sum, c) => sum + points(c), 0);
}
