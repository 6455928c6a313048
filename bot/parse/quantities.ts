/**
 * Quantities in founders' words, each converted to the unit its fact uses
 * (docs/facts.md): money in 万元, durations in months, percentages 0–100,
 * plain counts. Every parser returns null when the text is not one clear
 * quantity (two numbers, a range, no number), so the bot asks again.
 */
import { findNumbers, FoundNumber, normalizeDigits, NUMBER_PATTERN, parseNumeral } from './chinese-number';

// "0万元", "0人": zero with its unit ("0万" is not a well-formed numeral on its own).
const NONE = /^(没有|没|无|暂无|还没有|零|0)(万元|万|元|块|个|人|名|件|项|%|个月|月|年)?$/;
/** "没有融资", "暂无专利", "无研发人员": none of the thing asked about. */
const NONE_OF = /^(还?没有|暂无|无)(\p{Script=Han}{1,4})$/u;
/** …but "没有达到100人", "没满一年", "没有一个" are amounts or comparisons, not zero. */
const NOT_JUST_A_NOUN = /[到过超满足达够上以少多几数限一二两三四五六七八九十百千万亿]/;

/**
 * "不到一年", "低于5%", "超过100人", "3000万以上": a bound, not an amount. Stored as
 * the number, it would pass the very threshold it is below ("不到一年" as 12
 * months meets "满一年"), so the question is asked again for a number.
 */
export const BOUND =
  /不到|不足|不够|没满|未满|不满|没有到|没有(?=[\d一二两三四五六七八九十半])|少于|低于|小于|以下|以内|超过|多于|高于|大于|以上|至少|不少于|不低于|不高于|起码|最多|至多|不超过/;

/** 0 for "none", null for a bound; undefined: go on and read the number. */
function noneOrBound(cleaned: string): 0 | null | undefined {
  if (isNone(cleaned)) return 0;
  if (BOUND.test(cleaned)) return null;
  return undefined;
}

/** An answer that says "none": 0 in any unit. */
function isNone(cleaned: string): boolean {
  if (NONE.test(cleaned)) return true;
  const noneOf = NONE_OF.exec(cleaned);
  return noneOf !== null && !NOT_JUST_A_NOUN.test(noneOf[2]!);
}

/** Strips spaces, punctuation and filler words around an answer. */
export function clean(text: string): string {
  return normalizeDigits(text)
    .toLowerCase()
    .replace(/[\s，。！？!?,;；：:、“”"'‘’（）()~～…]+/g, '')
    .replace(/^(大约|大概|约|差不多|应该是|我们|我)+/, '')
    .replace(/(左右|上下|多一点|吧|啊|呀|呢|哦|啦)+$/, '');
}

function single(text: string): FoundNumber | null {
  if (/-\s*\d/.test(text)) return null; // negatives are never valid answers here
  const numbers = findNumbers(text);
  return numbers.length === 1 ? numbers[0]! : null;
}

/**
 * The kind of quantity a unit next to the number says it is. Another kind
 * than the question's means the reply answered some other question: "50人" is
 * not 50 万元 nor 50 %, and "30%" is not 30 employees. Asking again beats
 * storing it.
 */
type UnitKind = 'money' | 'share' | 'duration' | 'count';

function unitKind(found: FoundNumber): UnitKind | null {
  if (/[万萬亿億]/.test(found.text) || /^(来|多|余)?(元|块)/.test(found.after)) return 'money';
  if (/^(%|％|成)/.test(found.after)) return 'share';
  if (/^(来|多|余)?(个月|年|月)/.test(found.after)) return 'duration';
  if (/^(来|多|余)?(个|人|名|位|件|项|家|次|岁|天)/.test(found.after)) return 'count';
  return null;
}

/** The number, unless its unit says it is another kind of quantity than `expected`. */
function ofKind(found: FoundNumber | null, expected: UnitKind): FoundNumber | null {
  if (!found) return null;
  const kind = unitKind(found);
  return kind === null || kind === expected ? found : null;
}

function round(value: number, places = 4): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** "1.5亿" → 15000, "3000万" → 3000, "50000元" → 5, bare "3000" → 3000 (the question asks in 万元). */
export function parseMoneyWan(text: string): number | null {
  // "1.5个亿": the measure word sits between the number and its magnitude.
  const cleaned = clean(text).replace(/个(?=[万萬亿億])/g, '');
  const early = noneOrBound(cleaned);
  if (early !== undefined) return early;
  const found = ofKind(single(cleaned), 'money');
  if (!found) return null;
  if (/[万萬亿億]/.test(found.text)) return round(found.value / 1e4);
  if (/^(元|块)/.test(found.after)) return round(found.value / 1e4);
  // "3000w" is common shorthand for 3000万.
  return round(found.value);
}

const DURATION = new RegExp(`(${NUMBER_PATTERN.source})?(个)?(半)?(年|月)(半)?`, 'g');

/** "两年半" → 30, "2年3个月" → 27, "一年零三个月" → 15, "半年" → 6, "18个月" / bare "18" → 18. */
export function parseMonths(text: string): number | null {
  const cleaned = clean(text).replace(/零(?=[一二两三四五六七八九十\d])/g, '');
  const early = noneOrBound(cleaned);
  if (early !== undefined) return early;
  let months = 0;
  let parts = 0;
  for (const match of cleaned.matchAll(DURATION)) {
    const [, numeral, , halfBefore, unit, halfAfter] = match;
    let amount = numeral ? parseNumeral(normalizeDigits(numeral)) : halfBefore ? 0 : null;
    if (amount === null) return null;
    if (halfBefore || halfAfter) amount += 0.5; // "半年", "两年半", "一个半月"
    months += unit === '年' ? amount * 12 : amount;
    parts += 1;
  }
  if (parts === 0) {
    // A bare number is months; "50人" or "3000万" answered another question.
    const found = ofKind(single(cleaned), 'duration');
    return found ? Math.round(found.value) : null;
  }
  const leftover = cleaned.replace(DURATION, '').replace(/(多|了|时间|左右)/g, '');
  if (/[0-9一二两三四五六七八九十]/.test(leftover)) return null;
  return Math.round(months);
}

/** "12%", "百分之十二", "百分之12.5", "千分之五" → 0.5, "三成" → 30, "一半" → 50, bare "12" → 12. */
export function parsePercent(text: string): number | null {
  const cleaned = clean(text);
  const early = noneOrBound(cleaned);
  if (early !== undefined) return early;
  if (/^(一半|过半)$/.test(cleaned)) return 50;
  const found = ofKind(single(cleaned.replace(/^百分之/, '%').replace(/^千分之/, '‰')), 'share');
  if (!found) return null;
  if (found.before.endsWith('‰')) return round(found.value / 10);
  if (/^成/.test(found.after)) return round(found.value * 10);
  return round(found.value);
}

/** "40人", "四十个", "两项", "第35名", "没有" → 0. Whole numbers only. */
export function parseCount(text: string): number | null {
  const cleaned = clean(text);
  const early = noneOrBound(cleaned);
  if (early !== undefined) return early;
  const found = ofKind(single(cleaned), 'count');
  return found && Number.isInteger(found.value) ? found.value : null;
}

/** A plain decimal number with no unit conversion. */
export function parseDecimal(text: string): number | null {
  const cleaned = clean(text);
  const early = noneOrBound(cleaned);
  if (early !== undefined) return early;
  const found = single(cleaned);
  return found ? round(found.value) : null;
}
