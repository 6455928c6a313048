/**
 * Criteria compiled into nodes of one shape. Content criteria come in many
 * object shapes ({fact, op, value}, {fact, op, value, label}, {all}, {any,
 * label}…), which makes every property read in a tree walk megamorphic;
 * walking uniform nodes with a numeric kind is several times faster, and
 * nextQuestion walks these trees hundreds of times per call.
 */
import type { ComparisonOp, Criterion, FactValue, ScoreTable } from './catalogue';

export const ALL = 0;
export const ANY = 1;
export const NOT = 2;
export const FACT = 3;
export const POLICY = 4;
export const SCORE = 5;

const NEVER_HOLDS = (): boolean => false;

export class CriterionNode {
  /** FACT: whether a known value satisfies the comparison (a closure over op and value). */
  readonly holds: (actual: FactValue) => boolean;

  constructor(
    readonly kind: number,
    readonly children: readonly CriterionNode[],
    /** FACT: the fact compared; POLICY: the policy id; SCORE: the score name. */
    readonly name: string,
    readonly op: ComparisonOp,
    /** FACT: the value compared with; SCORE: the threshold. */
    readonly value: FactValue | readonly FactValue[],
    /** SCORE: the table (null when the version does not declare it: a content error, fails closed). */
    readonly table: ScoreTable | null,
    /** The content criterion, for labels and explanations. */
    readonly source: Criterion,
    /** FACT: the fact's position in the vocabulary (-1 when the vocabulary lacks it). */
    readonly index = -1,
  ) {
    this.holds = kind === FACT ? comparison(op, value) : NEVER_HOLDS;
  }
}

type Scores = Readonly<Record<string, ScoreTable>>;
type FactIndex = ReadonlyMap<string, number>;

export function compileCriterion(criterion: Criterion, scores: Scores, facts: FactIndex): CriterionNode {
  if ('all' in criterion) return group(ALL, criterion.all, scores, facts, criterion);
  if ('any' in criterion) return group(ANY, criterion.any, scores, facts, criterion);
  if ('not' in criterion)
    return new CriterionNode(NOT, [compileCriterion(criterion.not, scores, facts)], '', '=', 0, null, criterion);
  if ('fact' in criterion) {
    const index = facts.get(criterion.fact) ?? -1;
    return new CriterionNode(FACT, [], criterion.fact, criterion.op, criterion.value, null, criterion, index);
  }
  if ('policy' in criterion) return new CriterionNode(POLICY, [], criterion.policy, '=', 0, null, criterion);
  return new CriterionNode(
    SCORE,
    [],
    criterion.score,
    criterion.op,
    criterion.value,
    scores[criterion.score] ?? null,
    criterion,
  );
}

function group(
  kind: number,
  children: readonly Criterion[],
  scores: Scores,
  facts: FactIndex,
  source: Criterion,
): CriterionNode {
  return new CriterionNode(
    kind,
    children.map((c) => compileCriterion(c, scores, facts)),
    '',
    '=',
    0,
    null,
    source,
  );
}

/** A FACT node's value: by position when the vocabulary has the fact. */
export function valueOf(
  node: CriterionNode,
  env: { getAt(index: number): FactValue | undefined; get(fact: string): FactValue | undefined },
) {
  return node.index >= 0 ? env.getAt(node.index) : env.get(node.name);
}

/** One comparison as a closure over its expected value; orderings hold only between numbers. */
export function comparison(
  op: ComparisonOp,
  expected: FactValue | readonly FactValue[],
): (actual: FactValue) => boolean {
  switch (op) {
    case '=':
      return (actual) => actual === expected;
    case '!=':
      return (actual) => actual !== expected;
    case 'in': {
      const allowed: readonly FactValue[] = Array.isArray(expected) ? expected : [];
      return (actual) => allowed.includes(actual);
    }
  }
  if (typeof expected !== 'number') return NEVER_HOLDS;
  switch (op) {
    case '<':
      return (actual) => typeof actual === 'number' && actual < expected;
    case '<=':
      return (actual) => typeof actual === 'number' && actual <= expected;
    case '>':
      return (actual) => typeof actual === 'number' && actual > expected;
    default:
      return (actual) => typeof actual === 'number' && actual >= expected;
  }
}

/** An ordering comparison of numbers: the only kind a near miss can fix. */
export function isNumericComparison(node: CriterionNode): boolean {
  return (
    node.kind === FACT && typeof node.value === 'number' && node.op !== '=' && node.op !== '!=' && node.op !== 'in'
  );
}
