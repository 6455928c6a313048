/**
 * Chinese explanations of fact leaves, with the threshold and the founder's
 * value: "研发费用占比 4.2% < 要求 5%", "在上海注册：否（要求：是）",
 * "尚未回答：研发费用占比（要求 ≥ 5%）" (FactExplainer). A leaf under `not` is explained as the
 * requirement it really is (its operator negated), so the wording and the
 * status always agree.
 */
import type { ComparisonOp, FactCriterion, FactDefinition, FactValue, ScoreCriterion } from './catalogue';
import { formatList, formatNumber, formatValue, labelOf, unitOf } from './format-value';
import { memoPerObject } from './memo';
import { messages, relation } from './messages';
import type { CriterionResult, Truth } from './results';

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

/** The threshold with its unit ("5%", "20000万元"). */
function limitText(condition: Condition, definition: FactDefinition | undefined): string {
  return `${formatNumber(condition.value as number)}${unitOf(definition)}`;
}

/** A sentence about the founder's value, already formatted ("4.2%", "是", "浦东新区"). */
type Sentence = (shown: string) => string;

/** An ordering met or failed by a number: "研发费用占比 4.2% < 要求 5%". */
function orderingSentence(condition: Condition, status: Decided, label: string, limit: string): Sentence {
  const op = condition.op as '<' | '<=' | '>' | '>=';
  // A strict bound (> 5000万) read as "8000万 ≤ 要求 5000万" would confuse: state the requirement instead.
  if (op === '>' || op === '<') return (shown) => messages.againstRequirement(label, shown, relation[op], limit);
  const symbol = relation[status === 'met' ? op : (NEGATED[op] as typeof op)];
  const word = op === '<=' ? messages.limitWord : messages.requirementWord;
  return (shown) => messages.compare(label, shown, symbol, word, limit);
}

/** Any other value met or failed: "在上海注册：是", "在上海注册：否（要求：是）", or the content's label. */
function statedSentence(condition: Condition, status: Decided, label: string, wantedText: string): Sentence {
  if (condition.label) {
    const labelled = condition.label;
    return (shown) => messages.labelled(labelled, status, `${label} ${shown}`);
  }
  return status === 'met'
    ? (shown) => messages.stated(label, shown)
    : (shown) => messages.statedAgainst(label, shown, wantedText);
}

type Decided = Exclude<Truth, 'unknown'>;

/** Distinct non-numeric values remembered per leaf: options and yes/no, so a handful; a bound for odd callers. */
const MAX_REMEMBERED_VALUES = 64;

/**
 * A fact leaf's explanations, worked out once per leaf and polarity (the
 * criteria fold compiles a node once): everything but the founder's value
 * (label, requirement, threshold, relation) is fixed, so a check formats at
 * most one number per leaf. Yes/no and option values have a handful of
 * sentences each, made once and shared (frozen), as is the unanswered one.
 */
export class FactExplainer {
  /** "尚未回答：研发费用占比（要求 ≥ 5%）". */
  readonly unanswered: CriterionResult;
  private readonly numberSentence: Record<Decided, Sentence> | null;
  private readonly otherSentence: Record<Decided, Sentence>;
  private readonly remembered: Record<Decided, Map<FactValue, CriterionResult>> = {
    met: new Map(),
    not_met: new Map(),
  };

  constructor(
    private readonly condition: Condition,
    private readonly definition: FactDefinition | undefined,
  ) {
    const label = labelOf(definition, condition.fact);
    this.unanswered = shared({
      fact: condition.fact,
      status: 'unknown',
      explanation: messages.unanswered(label, requirementText(condition, definition)),
    });
    const orders = !condition.label && ORDERING.has(condition.op);
    const limit = orders ? limitText(condition, definition) : '';
    this.numberSentence = orders
      ? {
          met: orderingSentence(condition, 'met', label, limit),
          not_met: orderingSentence(condition, 'not_met', label, limit),
        }
      : null;
    const wantedText = wanted(condition, definition);
    this.otherSentence = {
      met: statedSentence(condition, 'met', label, wantedText),
      not_met: statedSentence(condition, 'not_met', label, wantedText),
    };
  }

  /** The leaf met or failed by the founder's value. */
  explain(status: Decided, value: FactValue): CriterionResult {
    if (typeof value === 'number') {
      // Made for this check alone: numbers are as many as founders.
      const sentence = this.numberSentence ?? this.otherSentence;
      return { fact: this.condition.fact, status, explanation: sentence[status](formatValue(this.definition, value)) };
    }
    const known = this.remembered[status];
    let explained = known.get(value);
    if (explained === undefined) {
      const shown = formatValue(this.definition, value);
      const made = { fact: this.condition.fact, status, explanation: this.otherSentence[status](shown) };
      if (known.size >= MAX_REMEMBERED_VALUES) return made;
      known.set(value, (explained = shared(made)));
    }
    return explained;
  }
}

/** A result every check may return: frozen, which also tells readers it is shared (and worth a memo). */
function shared(result: CriterionResult): CriterionResult {
  return Object.freeze(result);
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
