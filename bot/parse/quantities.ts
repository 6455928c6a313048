/**
 * Quantities in founders' words, each converted to the unit its fact uses
 * (shared/FACTS.md): money in 万元, durations in months, percentages 0–100,
 * plain counts. Every parser returns null when the text is not one clear
 * quantity (two numbers, a range, no number), so the bot asks again.
 */
import { findNumbers, FoundNumber, normalizeDigits, NUMBER_PATTERN, parseNumeral } from './chinese-number';

const NONE = /^(没有|没|无|暂无|还没有|零|0)$/;

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
  if (NONE.test(cleaned)) return 0;
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
  if (NONE.test(cleaned)) return 0;
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
    const found = single(cleaned);
    return found ? Math.round(found.value) : null;
  }
  const leftover = cleaned.replace(DURATION, '').replace(/(多|了|时间|左右)/g, '');
  if (/[0-9一二两三四五六七八九十]/.test(leftover)) return null;
  return Math.round(months);
}

/** "12%", "百分之十二", "百分之12.5", "千分之五" → 0.5, "三成" → 30, "一半" → 50, bare "12" → 12. */
export function parsePercent(text: string): number | null {
  const cleaned = clean(text);
  if (NONE.test(cleaned)) return 0;
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
  if (NONE.test(cleaned)) return 0;
  const found = ofKind(single(cleaned), 'count');
  return found && Number.isInteger(found.value) ? found.value : null;
}

/** A plain decimal number with no unit conversion. */
export function parseDecimal(text: string): number | null {
  const cleaned = clean(text);
  if (NONE.test(cleaned)) return 0;
  const found = single(cleaned);
  return found ? round(found.value) : null;
}
