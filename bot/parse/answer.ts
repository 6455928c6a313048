/**
 * Turns a chat reply into a fact value of the right type and unit, using only
 * the fact's definition from content (type, unit, options with aliases).
 * Returns null when the reply is not a clear answer: the bot then asks again.
 */
import type { EnumOption, FactType, FactValue, IsoDate } from '../../rules/catalogue';
import { monthsAgo } from './calendar-months';
import { parseNumeral } from './chinese-number';
import type { UnsureValue } from './extract-facts';
import { clean, parseCount, parseDecimal, parseMoneyWan, parseMonths, parsePercent } from './quantities';

/** What the parser needs to know about a fact (a FactDefinition or a NextQuestion fits). */
export interface AnswerShape {
  fact: string;
  type: FactType;
  unit?: string;
  options?: EnumOption[];
}

// "没错" says yes although it starts with a negation character.
const YES_DESPITE_NEGATION = /^(没错|没问题|不错)/;
// 不 negates only before these: "不到10人", "不少", "不止三个" are amounts, not a "no".
const NO =
  /^(否|不(是|在|属于|符合|具备|存在|涉及|会|要|用|需要|曾|对|算|能|有|$)|没|无(?!所谓)|未|尚未|还没|还未|非|no|n$|nope|false)/;
const YES = /^(是|对|有|已|在|要|会|yes|y$|yeah|ok|true|确定|确认|当然|正确|属于|符合|拥有|嗯$|恩$)/;
/**
 * Answering with the question's own verb, done: "注册了", "入库了", "拿到过". Two
 * characters at least, so "算了" (never mind) is not a yes; any negation, or a
 * verb of forgetting, is not one either.
 */
const DONE = /^\p{Script=Han}{2,6}(了|过)[吧啊呀哦的]?$/u;
const NOT_DONE = /[不没未无非否别忘算罢]/;
/** Hedging is not an answer: asking again beats guessing. */
const HEDGE = /(想想|可能|也许|或许|大概|好像|不太|不一定|看情况|这个嘛|说不好|差不多)/;
/**
 * A yes/no reply has no amount in it: "有40人" answers how many, not "是否被列入失信名单",
 * though it starts with 有.
 */
const AMOUNT = /\d|[一二两三四五六七八九十百千万亿]+(个|人|名|位|件|项|家|年|月|岁|万|亿|元)/;
/** Declining to answer starts with 不 too, but is not a "no" ("不回答了" ≠ 否). */
const REFUSAL = /^(不想|不愿|不方便|不便|不回答|不答|不告诉|不透露|不说|保密|无可奉告|拒绝回答)/;

/**
 * Yes or no, or null when unclear. A reply that says more after a clear first
 * clause is read by that clause: "还没注册，就我们三个人" is a no, though the
 * whole would not be (it has an amount in it).
 */
export function parseBoolean(text: string): boolean | null {
  const whole = booleanOf(text);
  if (whole !== null) return whole;
  const clauses = text.split(/[，,。；;！!？?\s]+/).filter((clause) => clause.length > 0);
  return clauses.length > 1 ? booleanOf(clauses[0]!) : null;
}

function booleanOf(text: string): boolean | null {
  const cleaned = clean(text);
  if (cleaned.length === 0 || HEDGE.test(cleaned) || REFUSAL.test(cleaned) || AMOUNT.test(cleaned)) return null;
  if (YES_DESPITE_NEGATION.test(cleaned)) return true;
  if (NO.test(cleaned)) return false;
  if (YES.test(cleaned)) return true;
  if (DONE.test(cleaned) && !NOT_DONE.test(cleaned)) return true;
  return null;
}

function optionTerms(option: EnumOption): string[] {
  return [option.value, option.label, ...(option.aliases ?? [])].map((term) => clean(term)).filter(Boolean);
}

/**
 * The option with the longest term (two characters at least) that `text`
 * contains; two options tied at that length are no answer. Terms and text
 * come prepared alike (cleaned, lower case) by the caller.
 */
export function longestOptionIn(
  options: readonly EnumOption[],
  text: string,
  termsOf: (option: EnumOption) => string[],
): string | null {
  let best: { value: string; length: number } | null = null;
  let tie = false;
  for (const option of options) {
    for (const term of termsOf(option)) {
      if (term.length < 2 || !text.includes(term)) continue;
      if (!best || term.length > best.length) {
        best = { value: option.value, length: term.length };
        tie = false;
      } else if (term.length === best.length && best.value !== option.value) {
        tie = true;
      }
    }
  }
  return best && !tie ? best.value : null;
}

/** By number ("2", "第二个"), by label, alias or value, exactly or contained in a longer reply. */
export function parseEnum(options: readonly EnumOption[], text: string): string | null {
  const cleaned = clean(text);
  if (cleaned.length === 0) return null;
  const index = /^第?([0-9]+|[一二两三四五六七八九十]+)(个|项|种|号|类|\.)?$/.exec(cleaned);
  if (index) {
    const position = parseNumeral(index[1]!);
    const option = position !== null ? options[position - 1] : undefined;
    return option ? option.value : null;
  }
  const exact = options.filter((option) => optionTerms(option).includes(cleaned));
  if (exact.length === 1) return exact[0]!.value;

  // The longest term found inside the reply wins ("我们在浦东张江" → 浦东).
  const contained = longestOptionIn(options, cleaned, optionTerms);
  if (contained) return contained;

  // A shortened label ("浦东" for 浦东新区) when the content lists no alias.
  if (cleaned.length >= 2) {
    const partial = options.filter((option) => clean(option.label).includes(cleaned));
    if (partial.length === 1) return partial[0]!.value;
  }
  return null;
}

function isMoney(shape: AnswerShape): boolean {
  return shape.fact.endsWith('_wan') || /万/.test(shape.unit ?? '');
}

function isMonths(shape: AnswerShape): boolean {
  return shape.fact.endsWith('_months') || /月/.test(shape.unit ?? '');
}

/**
 * An answer that says something, but not one value to store: a decimal where a
 * percentage is asked ("0.045": 4.5 %?), a range ("50-60人"), a year without
 * its month ("2023年"), an upper bound on a rank ("前50"). The bot confirms or
 * asks again; it never stores a guess.
 */
export function doubtfulAnswer(shape: AnswerShape, text: string, today: IsoDate): UnsureValue | null {
  const cleaned = clean(text);
  if (shape.type === 'boolean' || shape.type === 'enum') return null;
  if (shape.type === 'percent' && /^0?\.\d+$/.test(cleaned)) {
    return {
      fact: shape.fact,
      reason: 'decimal_percent',
      said: cleaned,
      value: Math.round(Number(cleaned) * 1e6) / 1e4,
    };
  }
  if (/\d\s*(-|–|—|~|到|至)\s*\d/.test(cleaned)) return { fact: shape.fact, reason: 'range', said: cleaned };
  if (isMonths(shape)) {
    const ago = monthsAgo(cleaned, today);
    if (ago && 'yearOnly' in ago) return { fact: shape.fact, reason: 'year_only', said: `${ago.yearOnly}年` };
  }
  const bound = /^(世界|全球|qs)?(排名)?(前|top)(\d+)(名)?(以内)?$/.exec(cleaned);
  if (bound && shape.type === 'integer') {
    return { fact: shape.fact, reason: 'upper_bound', said: cleaned, value: Number(bound[4]) };
  }
  return null;
}

/** `today` lets a months question take a date: "2023年3月" is months since then, not 2023 years. */
export function parseAnswer(shape: AnswerShape, text: string, today?: IsoDate): FactValue | null {
  if (today !== undefined && isMonths(shape)) {
    const ago = monthsAgo(clean(text), today);
    if (ago) return 'months' in ago ? ago.months : null;
  }
  switch (shape.type) {
    case 'boolean':
      return parseBoolean(text);
    case 'enum':
      return parseEnum(shape.options ?? [], text);
    case 'percent':
      return parsePercent(text);
    case 'integer': {
      const value = isMoney(shape) ? parseMoneyWan(text) : isMonths(shape) ? parseMonths(text) : parseCount(text);
      return value !== null && Number.isInteger(value) ? value : null;
    }
    case 'number':
      return isMoney(shape) ? parseMoneyWan(text) : isMonths(shape) ? parseMonths(text) : parseDecimal(text);
  }
}
