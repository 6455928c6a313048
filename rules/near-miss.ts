/**
 * Near misses: for a policy that fails only on one or two numbers, the values
 * that would make it pass ("研发费用占比提高到 4% 即可"). Found by trying the
 * boundary of each failing numeric condition (and each higher band of a
 * failing score) and keeping the changes that make the policy eligible.
 * Among those, the natural fix wins: one that keeps every condition the
 * founder already meets (raise R&D within the revenue band they are in, not
 * move revenue to another band), then the smallest relative change.
 */
import type { Criterion, FactDefinition, FactValue, ScoreComponent } from './catalogue';
import type { CompiledPolicy } from './compile-catalogue';
import { conditionOf, type Condition } from './explain';
import { compareFact } from './evaluate-criterion';
import { flipsNeeded } from './flips-needed';
import { formatValue, labelOf } from './format-value';
import { messages } from './messages';
import type { NearMiss } from './results';
import type { Session } from './session';

interface Change {
  fact: string;
  value: number;
}

interface Leaf {
  condition: Condition;
  negated: boolean;
}

const NUMERIC = new Set(['integer', 'number', 'percent']);

const leavesCache = new WeakMap<Criterion, Leaf[]>();

/** The fact leaves of a policy's criteria with their negation, computed once per catalogue. */
function leavesOf(criterion: Criterion): Leaf[] {
  let leaves = leavesCache.get(criterion);
  if (!leaves) leavesCache.set(criterion, (leaves = factLeaves(criterion)));
  return leaves;
}

function factLeaves(criterion: Criterion, negated = false, out: Leaf[] = []): Leaf[] {
  if ('all' in criterion) criterion.all.forEach((c) => factLeaves(c, negated, out));
  else if ('any' in criterion) criterion.any.forEach((c) => factLeaves(c, negated, out));
  else if ('not' in criterion) factLeaves(criterion.not, !negated, out);
  else if ('fact' in criterion) out.push({ condition: conditionOf(criterion, negated), negated });
  return out;
}

function holds(condition: Condition, value: FactValue | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (condition.op === 'not_in') return !compareFact({ ...condition, op: 'in' }, value);
  return compareFact({ ...condition, op: condition.op }, value);
}

function step(definition: FactDefinition | undefined): number {
  return definition?.type === 'integer' ? 1 : 0.01;
}

/** The value closest to the threshold that satisfies an ordering condition. */
function passingValue(condition: Condition, definition: FactDefinition | undefined): number | undefined {
  const t = condition.value as number;
  switch (condition.op) {
    case '>=':
    case '<=':
      return t;
    case '>':
      return Math.round((t + step(definition)) * 100) / 100;
    case '<':
      return Math.round((t - step(definition)) * 100) / 100;
    default:
      return undefined;
  }
}

function inDomain(value: number, definition: FactDefinition | undefined): boolean {
  const min = definition?.min ?? (definition?.type === 'percent' || definition?.type === 'integer' ? 0 : -Infinity);
  const max = definition?.max ?? (definition?.type === 'percent' ? 100 : Infinity);
  return value >= min && value <= max;
}

function componentFacts(component: ScoreComponent, out: Extract<ScoreComponent, { fact: string }>[] = []) {
  if ('fact' in component) out.push(component);
  else component.best_of.forEach((c) => componentFacts(c, out));
  return out;
}

function candidates(session: Session, compiled: CompiledPolicy): Change[] {
  const facts = session.compiled.catalogue.facts;
  const changes: Change[] = [];
  const add = (fact: string, value: number | undefined) => {
    const current = session.get(fact);
    const definition = facts[fact];
    if (value === undefined || typeof current !== 'number' || value === current) return;
    if (!definition || !NUMERIC.has(definition.type) || !inDomain(value, definition)) return;
    if (!changes.some((c) => c.fact === fact && c.value === value)) changes.push({ fact, value });
  };
  for (const { condition } of leavesOf(compiled.criteria)) {
    if (holds(condition, session.get(condition.fact)) === false)
      add(condition.fact, passingValue(condition, facts[condition.fact]));
  }
  // A failing score: each higher band of each component is a candidate (more points is the only way up).
  for (const table of Object.values(compiled.scores)) {
    for (const component of table.components.flatMap((c) => componentFacts(c))) {
      const current = session.get(component.fact);
      if (typeof current !== 'number') continue;
      for (const band of component.bands) if (band.min > current) add(component.fact, band.min);
    }
  }
  return changes;
}

function apply(session: Session, changes: readonly Change[]): Session {
  return changes.reduce((s, c) => s.with(c.fact, c.value), session);
}

/** Whether the change turns a condition the founder meets today into one they fail. */
function breaksMetCondition(compiled: CompiledPolicy, session: Session, changes: readonly Change[]): boolean {
  const changed = new Map(changes.map((c) => [c.fact, c.value]));
  return leavesOf(compiled.criteria).some(({ condition }) => {
    if (!changed.has(condition.fact)) return false;
    return (
      holds(condition, session.get(condition.fact)) === true && holds(condition, changed.get(condition.fact)) === false
    );
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
  const explanation = change.value > current ? messages.raiseTo(label, needed) : messages.lowerTo(label, needed);
  return { fact: change.fact, needed: change.value, current, explanation };
}

/** Pairs are tried only among this many candidate changes (at most 66 trials). */
const PAIR_LIMIT = 12;

export function nearMisses(session: Session, compiled: CompiledPolicy): NearMiss[] {
  const id = compiled.policy.id;
  if (flipsNeeded(compiled.root, session.compiled.vocabulary)(session, true, 2) > 2) return [];
  const options = candidates(session, compiled);
  const passes = (changes: Change[]) => apply(session, changes).outcome(id).truth === 'met';
  let fixes: Change[][] = options.filter((c) => passes([c])).map((c) => [c]);
  if (fixes.length === 0 && options.length <= PAIR_LIMIT) {
    for (let i = 0; i < options.length; i += 1) {
      for (let j = i + 1; j < options.length; j += 1) {
        const pair = [options[i]!, options[j]!];
        if (pair[0]!.fact !== pair[1]!.fact && passes(pair)) fixes.push(pair);
      }
    }
  }
  if (fixes.length === 0) return [];
  const rank = (fix: Change[]) => [breaksMetCondition(compiled, session, fix) ? 1 : 0, relativeChange(session, fix)];
  fixes = fixes
    .map((fix) => ({ fix, key: rank(fix) }))
    .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]!)
    .map((ranked) => ranked.fix);
  return fixes[0]!.map((change) => describe(session, change));
}
