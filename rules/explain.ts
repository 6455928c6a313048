/**
 * Chinese explanations of fact leaves, with the threshold and the founder's
 * value: "研发费用占比 4.2% < 要求 5%", "在上海注册：否（要求：是）",
 * "尚未回答：研发费用占比（要求 ≥ 5%）". A leaf under `not` is explained as the
 * requirement it really is (its operator negated), so the wording and the
 * status always agree.
 */
import type { ComparisonOp, FactCriterion, FactDefinition, FactValue, ScoreCriterion } from './catalogue';
import { formatList, formatNumber, formatValue, labelOf, unitOf } from './format-value';
import { memoPerObject } from './memo';
import { messages, relation } from './messages';
import type { Truth } from './results';

/** A leaf's condition after pushing negations down; `not_in` exists only here. */
export interface Condition {
  fact: string;
  op: ComparisonOp | 'not_in';
  value: FactValue | FactValue[];
  label?: string;
}

const NEGATED: Record<Condition['op'], Condition['op']> = {
  '=': '!=',
  '!=': '=',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
  in: 'not_in',
  not_in: 'in',
};

function makeCondition(leaf: FactCriterion, negated: boolean): Condition {
  // A label words the original condition; under `not` it would say the opposite, so drop it.
  const op = negated ? NEGATED[leaf.op] : leaf.op;
  return { fact: leaf.fact, op, value: leaf.value, ...(leaf.label && !negated ? { label: leaf.label } : {}) };
}

const asWritten = memoPerObject((leaf: FactCriterion) => makeCondition(leaf, false));
const negatedCondition = memoPerObject((leaf: FactCriterion) => makeCondition(leaf, true));

/** A leaf's condition as the founder must meet it; worked out once per leaf of the catalogue. */
export function conditionOf(leaf: FactCriterion, negated: boolean): Condition {
  return negated ? negatedCondition(leaf) : asWritten(leaf);
}

const ORDERING = new Set<Condition['op']>(['<', '<=', '>', '>=']);

function threshold(definition: FactDefinition | undefined, value: FactValue | FactValue[]): string {
  return Array.isArray(value) ? formatList(definition, value) : formatValue(definition, value);
}

/** What the condition asks for, e.g. "要求 ≥ 5%", "要求：是", "要求：浦东新区、闵行区". */
export function requirementText(condition: Condition, definition: FactDefinition | undefined): string {
  if (condition.label) return condition.label;
  const { op, value } = condition;
  if (ORDERING.has(op)) {
    return messages.requirementAtLeast(relation[op as keyof typeof relation], threshold(definition, value));
  }
  return `${messages.requirementWord}：${wanted(condition, definition)}`;
}

function wanted(condition: Condition, definition: FactDefinition | undefined): string {
  const { op, value } = condition;
  if (typeof value === 'boolean') return formatValue(definition, op === '=' ? value : !value);
  if (op === 'in' || op === '=') return threshold(definition, value);
  return messages.notOneOf(threshold(definition, value));
}

/**
 * The threshold with its unit ("5%", "20000万元"): formatted once per condition,
 * numbers are slow to print. A condition belongs to one fact, hence to one definition.
 */
const limitText = memoPerObject(
  (condition: Condition, definition: FactDefinition | undefined): string =>
    `${formatNumber(condition.value as number)}${unitOf(definition)}`,
);

function ordering(condition: Condition, status: Truth, definition: FactDefinition | undefined, value: number): string {
  const op = condition.op as '<' | '<=' | '>' | '>=';
  const label = labelOf(definition, condition.fact);
  const shownValue = formatValue(definition, value);
  const limit = limitText(condition, definition);
  // A strict bound (> 5000万) read as "8000万 ≤ 要求 5000万" would confuse: state the requirement instead.
  if (op === '>' || op === '<') return messages.againstRequirement(label, shownValue, relation[op], limit);
  const shown = status === 'met' ? op : (NEGATED[op] as typeof op);
  const word = op === '<=' ? messages.limitWord : messages.requirementWord;
  return messages.compare(label, shownValue, relation[shown], word, limit);
}

/** The explanation of one leaf given its status and the founder's value (undefined = unanswered). */
export function explainCondition(
  condition: Condition,
  status: Truth,
  value: FactValue | undefined,
  definition: FactDefinition | undefined,
): string {
  const label = labelOf(definition, condition.fact);
  if (value === undefined || status === 'unknown')
    return messages.unanswered(label, requirementText(condition, definition));
  const shown = formatValue(definition, value);
  if (condition.label)
    return messages.labelled(condition.label, status === 'met' ? 'met' : 'not_met', `${label} ${shown}`);
  if (ORDERING.has(condition.op) && typeof value === 'number') return ordering(condition, status, definition, value);
  if (status === 'met') return messages.stated(label, shown);
  return messages.statedAgainst(label, shown, wanted(condition, definition));
}

/** A reference to another policy: "符合「…」", "不符合「…」", "尚待确定是否符合「…」". */
export function explainPolicy(title: string, status: Truth, note?: 'not_in_force' | 'cycle', label?: string): string {
  if (note === 'not_in_force') return messages.policyNotInForce(title);
  if (note === 'cycle') return messages.policyCycle(title);
  const text =
    status === 'met'
      ? messages.policyMet(title)
      : status === 'not_met'
        ? messages.policyNotMet(title)
        : messages.policyOpen(title);
  return label && status !== 'unknown' ? messages.labelled(label, status, text) : text;
}

/** A score compared with its threshold: exact points, the open range, or the range that already settles it. */
export function explainScore(
  label: string,
  bounds: { min: number; max: number },
  leaf: ScoreCriterion,
  truth: Truth,
): string {
  const below = leaf.op === '>=' ? relation['<'] : relation['<='];
  if (bounds.min === bounds.max)
    return messages.scoreKnown(label, bounds.min, truth === 'met' ? relation[leaf.op] : below, leaf.value);
  if (truth === 'unknown') return messages.scoreRange(label, bounds.min, bounds.max, relation[leaf.op], leaf.value);
  const symbol = truth === 'met' ? relation[leaf.op] : below;
  return messages.compare(
    label,
    messages.pointsRange(bounds.min, bounds.max),
    symbol,
    messages.requirementWord,
    messages.points(leaf.value),
  );
}
