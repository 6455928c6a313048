/**
 * Near misses: for a policy that fails only on one or two numbers, the values
 * that would make it pass ("研发费用占比提高到 4% 即可"). Found by trying the
 * boundary of each failing numeric condition (and each higher band of a
 * failing score) and keeping the changes that make the policy eligible.
 * Among those, the natural fix wins: one that keeps every condition the
 * founder already meets (raise R&D within the revenue band they are in, not
 * move revenue to another band), then the smallest relative change.
 */
import type { FactCriterion, FactDefinition, FactValue, ScoreBand, ScoreComponent } from './catalogue';
import { criteriaView, type Vocabulary } from './criteria-fold';
import type { CompiledCatalogue, CompiledPolicy } from './compile-catalogue';
import { conditionOf, type Condition } from './explain';
import { comparison } from './criteria-node';
import { numericDomain, numericStep } from './fact-domain';
import { flipsNeeded } from './flips-needed';
import { formatValue, labelOf } from './format-value';
import { memoPerObject } from './memo';
import { messages } from './messages';
import type { NearMiss } from './results';
import type { Session } from './session';

interface Change {
  fact: string;
  value: number;
}

/** A fact condition of the policy, as seen by the founder (under `not` it is negated). */
interface Leaf {
  fact: string;
  holds: (value: FactValue) => boolean;
  /** The value closest to the threshold that passes (ordering conditions on numeric facts in range only). */
  passing: number | undefined;
}

/** What a policy offers to fix, worked out once per compiled catalogue. */
interface FixPoints {
  leaves: Leaf[];
  /** Whether any number can be changed to pass: most policies fail on a yes/no. */
  fixable: boolean;
  /** Numeric score components: each band start above the founder's value is a candidate. */
  bands: { fact: string; bands: readonly ScoreBand[] }[];
}

const NUMERIC = new Set(['integer', 'number', 'percent']);

/** Worked out once per compiled policy (which belongs to one compiled catalogue). */
const fixPointsOf = memoPerObject((compiled: CompiledPolicy, catalogue: CompiledCatalogue): FixPoints => {
  const facts = catalogue.catalogue.facts;
  const leaves = factConditions(compiled, catalogue.vocabulary).map((condition) => {
    const definition = facts[condition.fact];
    const passing = passingValue(condition, definition);
    return {
      fact: condition.fact,
      holds: conditionTest(condition),
      passing: passing !== undefined && isNumeric(definition) && inDomain(passing, definition) ? passing : undefined,
    };
  });
  const bands = Object.values(compiled.scores)
    .flatMap((table) => table.components.flatMap((c) => componentFacts(c)))
    .filter((component) => isNumeric(facts[component.fact]))
    .map(({ fact, bands }) => ({ fact, bands }));
  return { leaves, bands, fixable: bands.length > 0 || leaves.some((leaf) => leaf.passing !== undefined) };
});

/** Collects the fact conditions under a node as the founder must meet them (under `not`, negated). */
type CollectConditions = (negated: boolean, out: Condition[]) => void;

/** The fact conditions of a criteria tree: a view of the criteria fold (criteria-fold.ts). */
const conditionsView = criteriaView<CollectConditions>({
  group: (_isAll, parts) => (negated, out) => {
    for (const part of parts) part(negated, out);
  },
  not: (inner) => (negated, out) => inner(!negated, out),
  fact: (node) => (negated, out) => {
    out.push(conditionOf(node.source as FactCriterion, negated));
  },
  policy: () => () => {},
  score: () => () => {},
});

function factConditions(compiled: CompiledPolicy, vocabulary: Vocabulary): Condition[] {
  const out: Condition[] = [];
  conditionsView(compiled.root, vocabulary)(false, out);
  return out;
}

function conditionTest(condition: Condition): (value: FactValue) => boolean {
  if (condition.op !== 'not_in') return comparison(condition.op, condition.value);
  const inside = comparison('in', condition.value);
  return (value) => !inside(value);
}

function isNumeric(definition: FactDefinition | undefined): definition is FactDefinition {
  return definition !== undefined && NUMERIC.has(definition.type);
}

/** The value closest to the threshold that satisfies an ordering condition. */
function passingValue(condition: Condition, definition: FactDefinition | undefined): number | undefined {
  if (typeof condition.value !== 'number') return undefined;
  const t = condition.value;
  switch (condition.op) {
    case '>=':
    case '<=':
      return t;
    case '>':
      return Math.round((t + numericStep(definition)) * 100) / 100;
    case '<':
      return Math.round((t - numericStep(definition)) * 100) / 100;
    default:
      return undefined;
  }
}

function inDomain(value: number, definition: FactDefinition): boolean {
  const [min, max] = numericDomain(definition);
  return value >= min && value <= max;
}

function componentFacts(component: ScoreComponent, out: Extract<ScoreComponent, { fact: string }>[] = []) {
  if ('fact' in component) out.push(component);
  else component.best_of.forEach((c) => componentFacts(c, out));
  return out;
}

/**
 * A change no one can make, as the vocabulary says (`changes`): a fixed fact
 * ("院校排名提高到 100" for a degree already earned), or a duration made
 * shorter ("成立时长降低到 36个月").
 */
function impossible(definition: FactDefinition | undefined, current: number, value: number): boolean {
  return definition?.changes === 'fixed' || (definition?.changes === 'grows' && value < current);
}

function addChange(changes: Change[], session: Session, fact: string, value: number | undefined): void {
  const current = session.get(fact);
  if (value === undefined || typeof current !== 'number' || value === current) return;
  if (impossible(session.compiled.catalogue.facts[fact], current, value)) return;
  for (const change of changes) if (change.fact === fact && change.value === value) return;
  changes.push({ fact, value });
}

function candidates(session: Session, points: FixPoints): Change[] {
  const changes: Change[] = [];
  for (const leaf of points.leaves) {
    if (leaf.passing === undefined) continue;
    const current = session.get(leaf.fact);
    if (current !== undefined && !leaf.holds(current)) addChange(changes, session, leaf.fact, leaf.passing);
  }
  // A failing score: each higher band of each component is a candidate (more points is the only way up).
  for (const { fact, bands } of points.bands) {
    const current = session.get(fact);
    if (typeof current !== 'number') continue;
    for (const band of bands) if (band.min > current) addChange(changes, session, fact, band.min);
  }
  return changes;
}

function apply(session: Session, changes: readonly Change[]): Session {
  let changed = session;
  for (const change of changes) changed = changed.with(change.fact, change.value);
  return changed;
}

/** Met on every encoded condition: "what would make you eligible" also for a policy capped at maybe. */
function passes(session: Session, id: string, changes: readonly Change[]): boolean {
  const outcome = apply(session, changes).outcome(id);
  return outcome.truth === 'met' || outcome.capped === true;
}

/** Whether the change turns a condition the founder meets today into one they fail. */
function breaksMetCondition(points: FixPoints, session: Session, changes: readonly Change[]): boolean {
  return points.leaves.some((leaf) => {
    const change = changes.find((c) => c.fact === leaf.fact);
    if (!change) return false;
    const current = session.get(leaf.fact);
    return current !== undefined && leaf.holds(current) && !leaf.holds(change.value);
  });
}

function relativeChange(session: Session, changes: readonly Change[]): number {
  return changes.reduce((sum, c) => {
    const current = session.get(c.fact) as number;
    return sum + Math.abs(c.value - current) / Math.max(Math.abs(current), Math.abs(c.value), 1e-9);
  }, 0);
}

function describe(session: Session, change: Change): NearMiss {
  const definition = session.compiled.catalogue.facts[change.fact];
  const current = session.get(change.fact) as number;
  const label = labelOf(definition, change.fact);
  const needed = formatValue(definition, change.value);
  const explanation =
    change.value < current
      ? messages.lowerTo(label, needed)
      : definition?.changes === 'grows'
        ? messages.reachIn(label, needed, formatValue(definition, change.value - current))
        : messages.raiseTo(label, needed);
  return { fact: change.fact, needed: change.value, current, explanation };
}

/** Pairs are tried only among this many candidate changes (at most 66 trials). */
const PAIR_LIMIT = 12;

export function nearMisses(session: Session, compiled: CompiledPolicy): NearMiss[] {
  const id = compiled.policy.id;
  const points = fixPointsOf(compiled, session.compiled);
  // Cheap refusals first: most "no"s fail on a yes/no, with no number to change (no candidate at all).
  const options = candidates(session, points);
  if (options.length === 0) return [];
  if (flipsNeeded(compiled.root, session.compiled.vocabulary)(session, true, 2) > 2) return [];
  let fixes: Change[][] = [];
  for (const option of options) if (passes(session, id, [option])) fixes.push([option]);
  if (fixes.length === 0 && options.length <= PAIR_LIMIT) {
    for (let i = 0; i < options.length; i += 1) {
      for (let j = i + 1; j < options.length; j += 1) {
        const pair = [options[i]!, options[j]!];
        if (pair[0]!.fact !== pair[1]!.fact && passes(session, id, pair)) fixes.push(pair);
      }
    }
  }
  if (fixes.length === 0) return [];
  const rank = (fix: Change[]) => [breaksMetCondition(points, session, fix) ? 1 : 0, relativeChange(session, fix)];
  fixes = fixes
    .map((fix) => ({ fix, key: rank(fix) }))
    .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]!)
    .map((ranked) => ranked.fix);
  return fixes[0]!.map((change) => describe(session, change));
}

/** A change to one number, and the facts still unknown once it is made. */
export interface OpenNearMiss {
  fix: { fact: string; value: number };
  missing: readonly string[];
}

/**
 * A policy that fails today on a number ("研发费用占比 4%, 需 ≥ 5%") while some
 * of its other conditions are still unknown: with the number fixed it would be
 * open again, missing these facts. nextQuestion asks them, so that the founder
 * learns the near miss ("研发费用占比提高到 5% 即可申请") instead of a bare "no".
 * Null when no single change to a failing number leaves the policy open.
 */
export function openNearMiss(session: Session, compiled: CompiledPolicy): OpenNearMiss | null {
  const id = compiled.policy.id;
  if (session.outcome(id).truth !== 'not_met') return null;
  const points = fixPointsOf(compiled, session.compiled);
  // Cheap refusals first: no number to fix, or nothing left to ask once it is fixed.
  if (!points.fixable) return null;
  let unknown = false;
  for (const fact of compiled.facts) if (!session.isKnown(fact)) unknown = true;
  if (!unknown) return null;
  // The same changes the near miss itself tries: each failing number at its threshold, each higher band.
  for (const option of candidates(session, points)) {
    const open = stillOpen(session, id, option.fact, option.value);
    if (open) return open;
  }
  return null;
}

function stillOpen(session: Session, id: string, fact: string, value: number): OpenNearMiss | null {
  const outcome = session.with(fact, value).outcome(id);
  if (outcome.truth !== 'unknown' || outcome.capped === true || outcome.missing.length === 0) return null;
  return { fix: { fact, value }, missing: outcome.missing };
}
