/**
 * The catalogue as it stands on one date: for each policy the version in
 * force, its criteria with the implicit conditions added (district limits, no
 * Shanghai hukou for hukou routes), and the representative values used to
 * probe facts. Compiled once per (catalogue, date) and memoised, because
 * nextQuestion re-evaluates the same criteria hundreds of times.
 */
import type { Catalogue, Criterion, FactValue, IsoDate, Policy, PolicyVersion, ScoreTable, Source } from './catalogue';
import type { ConcreteWindow } from './results';
import { nextWindow } from './windows';
import { compileCriterion, type CriterionNode } from './criteria-node';
import { leanTest, type LeanTest, type LeanVocabulary } from './lean-criterion';
import { DISTRICT_FACT, implicationsOf, SHANGHAI_FACT, whenTest, type ImplicationRule } from './answers';
import { declaredLadder, type DeclaredRung } from './ladder';
import { HUKOU_FACT, isHukouPolicy } from './not-needed';
import { memoPerObject } from './memo';
import { messages } from './messages';

export interface CompiledPolicy {
  policy: Policy;
  version: PolicyVersion;
  criteria: Criterion;
  /** The same criteria as uniform nodes, for the explained walk and the near-miss search. */
  root: CriterionNode;
  /** The lean walk of `root` (truth and missing facts), compiled into closures. */
  test: LeanTest;
  scores: Readonly<Record<string, ScoreTable>>;
  /** Facts named anywhere in the criteria or scores (not through references). */
  facts: ReadonlySet<string>;
  /** Policies referenced by the criteria. */
  references: readonly string[];
  /** What does not depend on the answers, worked out once: caveats, sources, the next window. */
  caveats: readonly string[];
  /**
   * Hard conditions the founder must check for themselves: the version's
   * `unmodelled` conditions, and for confidence C that its thresholds are
   * uncertain. Non-empty caps the verdict at `maybe` (Session.outcome).
   */
  toCheck: readonly string[];
  sources: readonly Source[];
  window: Readonly<ConcreteWindow> | null;
}

/**
 * A policy with no version in force on the date: reported as `not_in_force`
 * (see not-in-force.ts), never evaluated, never asked about. What does not
 * depend on the answers, worked out once.
 */
export interface DormantPolicy {
  policy: Policy;
  /** Why, in Chinese, with the dates: "该政策在 2025-12-01 尚未生效（收录的版本自 2026-11-23 起适用）". */
  reason: string;
  /** The reason first, then the nearest version's caveats and the policy's own (frozen). */
  caveats: readonly string[];
  sources: readonly Source[];
}

export interface CompiledCatalogue {
  catalogue: Catalogue;
  asOf: IsoDate;
  /** Policies with a version in force, in catalogue order. */
  policies: readonly CompiledPolicy[];
  /** Policies without a version in force on `asOf`, in catalogue order: listed, not evaluated. */
  dormant: readonly DormantPolicy[];
  byId: ReadonlyMap<string, CompiledPolicy>;
  /** Facts of the vocabulary by position, so evaluation reads answers from an array. */
  factIndex: ReadonlyMap<string, number>;
  /** Definitions and positions together, for compiling criteria walks. */
  vocabulary: LeanVocabulary;
  /** The vocabulary's defaults by position (holes where there is none). */
  defaults: readonly (FactValue | undefined)[];
  /** The vocabulary's implications (answers.ts) by position, for building sessions without intermediate objects. */
  implications: readonly ImplicationRule<number>[];
  /** One `false` per fact: the starting point of a session's "answered or implied" flags. */
  nothingKnown: readonly boolean[];
  /** The qualification ladder (content/ladder.yaml), first rung first, with the fact saying a rung is held. */
  ladder: readonly DeclaredRung[];
}

/** The version in force on a date (both ends inclusive); the latest start wins if versions overlap. */
export function versionOn(policy: Policy, asOf: IsoDate): PolicyVersion | undefined {
  let chosen: PolicyVersion | undefined;
  for (const version of policy.versions) {
    if (version.valid_from > asOf || (version.valid_to !== undefined && version.valid_to < asOf)) continue;
    if (!chosen || version.valid_from > chosen.valid_from) chosen = version;
  }
  return chosen;
}

/**
 * Why no version of `policy` is in force on `asOf`, naming the nearest
 * versions: the next to start, the last to have ended, or both (a gap).
 */
export function whyNotInForce(policy: Policy, asOf: IsoDate): { reason: string; nearest?: PolicyVersion } {
  let next: PolicyVersion | undefined;
  let last: PolicyVersion | undefined;
  for (const version of policy.versions) {
    if (version.valid_from > asOf) {
      if (!next || version.valid_from < next.valid_from) next = version;
    } else if (version.valid_to !== undefined && version.valid_to < asOf) {
      if (!last || version.valid_to > last.valid_to!) last = version;
    }
  }
  if (next && last) return { reason: messages.betweenVersions(asOf, last.valid_to!, next.valid_from), nearest: next };
  if (next) return { reason: messages.notYetInForce(asOf, next.valid_from), nearest: next };
  if (last) return { reason: messages.noLongerInForce(asOf, last.valid_to!), nearest: last };
  return { reason: messages.noVersion(asOf) };
}

function dormantPolicy(policy: Policy, asOf: IsoDate): DormantPolicy {
  const { reason, nearest } = whyNotInForce(policy, asOf);
  return Object.freeze({
    policy,
    reason,
    caveats: Object.freeze([...new Set([reason, ...(nearest?.caveats ?? []), ...policy.caveats])]),
    sources: Object.freeze(uniqueSources([...(nearest?.sources ?? []), ...policy.sources])),
  });
}

/** National policies apply everywhere, regional ones to founders of their region. */
export function appliesToRegion(policy: Policy, region: FactValue | undefined): boolean {
  return policy.region === 'national' || policy.region === region;
}

export function walkCriterion(criterion: Criterion, visit: (leaf: Criterion) => void): void {
  if ('all' in criterion) criterion.all.forEach((c) => walkCriterion(c, visit));
  else if ('any' in criterion) criterion.any.forEach((c) => walkCriterion(c, visit));
  else if ('not' in criterion) walkCriterion(criterion.not, visit);
  else visit(criterion);
}

function factsOf(criterion: Criterion, scores: Readonly<Record<string, ScoreTable>>): Set<string> {
  const facts = new Set<string>();
  walkCriterion(criterion, (leaf) => {
    if ('fact' in leaf) facts.add(leaf.fact);
  });
  const addComponent = (component: ScoreTable['components'][number]): void => {
    if ('fact' in component) facts.add(component.fact);
    else component.best_of.forEach(addComponent);
  };
  for (const table of Object.values(scores)) table.components.forEach(addComponent);
  return facts;
}

/** Conditions every policy of a kind carries, whether or not its content spells them out. */
function implicitCriteria(catalogue: Catalogue, policy: Policy, criteria: Criterion, named: Set<string>): Criterion[] {
  const extra: Criterion[] = [];
  if (policy.districts.length > 0 && !named.has(DISTRICT_FACT)) {
    extra.push({ fact: DISTRICT_FACT, op: 'in', value: [...policy.districts] });
  }
  // Founders who already have a Shanghai hukou do not need a hukou route (see not-needed.ts).
  if (isHukouPolicy(policy) && HUKOU_FACT in catalogue.facts && !named.has(HUKOU_FACT)) {
    extra.push({ fact: HUKOU_FACT, op: '=', value: false });
  }
  // A Shanghai policy holds on every route only for a founder who says they are in
  // Shanghai: the region's default is an assumption, and a route that forgot the
  // condition (创新券's team route) told a Zhejiang team it qualified. District
  // policies too: a founder registered elsewhere has no district to give, and
  // without this their district rewards stayed "maybe, tell us your district".
  if (policy.region === 'shanghai' && SHANGHAI_FACT in catalogue.facts && !requiredAtTop(criteria, SHANGHAI_FACT)) {
    extra.push({ ...SHANGHAI_REQUIRED });
  }
  return extra;
}

const SHANGHAI_REQUIRED: Criterion = {
  fact: SHANGHAI_FACT,
  op: '=',
  value: true,
  label: messages.inShanghai,
};

/** Whether `criteria` (or its top-level all) already requires `fact` to be true. */
function requiredAtTop(criteria: Criterion, fact: string): boolean {
  const parts = 'all' in criteria ? criteria.all : [criteria];
  return parts.some((part) => 'fact' in part && part.fact === fact && part.op === '=' && part.value === true);
}

function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.title}|${s.number ?? ''}|${s.url ?? ''}|${s.seed ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compilePolicy(
  catalogue: Catalogue,
  policy: Policy,
  version: PolicyVersion,
  asOf: IsoDate,
  vocabulary: LeanVocabulary,
): CompiledPolicy {
  const { factIndex } = vocabulary;
  const scores = version.scores ?? {};
  const named = factsOf(version.criteria, scores);
  const extra = implicitCriteria(catalogue, policy, version.criteria, named);
  const criteria: Criterion = extra.length > 0 ? { all: [...extra, version.criteria] } : version.criteria;
  const references: string[] = [];
  walkCriterion(criteria, (leaf) => {
    if ('policy' in leaf && !references.includes(leaf.policy)) references.push(leaf.policy);
  });
  const root = compileCriterion(criteria, scores, factIndex);
  return {
    policy,
    version,
    criteria,
    root,
    test: leanTest(root, vocabulary),
    scores,
    facts: factsOf(criteria, scores),
    references,
    // Frozen: every verdict of this policy shares them (see PolicyVerdict).
    caveats: Object.freeze([...new Set([...version.caveats, ...policy.caveats])]),
    toCheck: Object.freeze([
      ...(version.unmodelled ?? []),
      ...(version.confidence === 'C' ? [messages.uncertainRules] : []),
    ]),
    sources: Object.freeze(uniqueSources([...version.sources, ...policy.sources])),
    window: freezeWindow(nextWindow(policy.windows, asOf)),
  };
}

function freezeWindow(window: ConcreteWindow | null): Readonly<ConcreteWindow> | null {
  return window && Object.freeze(window);
}

/** Each catalogue's compilations by date. */
const compilations = memoPerObject((_catalogue: Catalogue) => new Map<IsoDate, CompiledCatalogue>());

export function compileCatalogue(catalogue: Catalogue, asOf: IsoDate): CompiledCatalogue {
  const byDate = compilations(catalogue);
  const hit = byDate.get(asOf);
  if (hit) return hit;
  const names = Object.keys(catalogue.facts);
  const factIndex = new Map(names.map((fact, index) => [fact, index]));
  const defaults = names.map((fact) => catalogue.facts[fact]!.default);
  const vocabulary: LeanVocabulary = { facts: catalogue.facts, factIndex };
  const policies: CompiledPolicy[] = [];
  const dormant: DormantPolicy[] = [];
  for (const policy of catalogue.policies) {
    const version = versionOn(policy, asOf);
    if (version) policies.push(compilePolicy(catalogue, policy, version, asOf, vocabulary));
    else dormant.push(dormantPolicy(policy, asOf));
  }
  const implications = implicationsOf(catalogue).map((i) => ({
    when: factIndex.get(i.when.fact)!,
    whenHolds: whenTest(i.when),
    then: factIndex.get(i.then.fact)!,
    thenValue: i.then.value,
  }));
  const compiled: CompiledCatalogue = {
    catalogue,
    asOf,
    policies,
    dormant,
    byId: new Map(policies.map((p) => [p.policy.id, p])),
    factIndex,
    vocabulary,
    defaults,
    nothingKnown: names.map(() => false),
    implications,
    ladder: declaredLadder(catalogue),
  };
  // A long-running service sees few dates; keep the cache small anyway.
  if (byDate.size > 8) byDate.clear();
  byDate.set(asOf, compiled);
  return compiled;
}
