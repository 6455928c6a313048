/**
 * Dates in founders' words turned into months before today: "2023年3月" → 45
 * on 2026-12-04, "14个月前" → 14, "两年前" → 24. A year alone ("2023年注册",
 * "去年成立") is not one number of months: it is returned as `yearOnly` so the
 * bot asks for the month instead of storing a guess.
 */
import type { IsoDate } from '../../rules/catalogue';
import { parseNumeral } from './chinese-number';

export type MonthsAgo = { months: number } | { yearOnly: number } | null;

const RELATIVE_YEARS: Record<string, number> = { 今年: 0, 去年: 1, 前年: 2, 大前年: 3 };

/** Whole months from year/month to today (a month not yet over counts as begun). */
export function monthsSince(year: number, month: number, today: IsoDate): number | null {
  const [thisYear, thisMonth] = today.split('-').map(Number) as [number, number];
  const months = (thisYear - year) * 12 + (thisMonth - month);
  return months >= 0 ? months : null;
}

/**
 * A calendar date or a time ago in `text` (already simplified and NFKC).
 * Returns null when there is none, or when it lies in the future.
 */
export function monthsAgo(text: string, today: IsoDate): MonthsAgo {
  const thisYear = Number(today.slice(0, 4));
  const calendar = /((?:19|20)\d{2})\s*(?:年|[-/.])\s*(\d{1,2}|[一二三四五六七八九十]{1,2})?\s*月?/.exec(text);
  if (calendar) {
    const year = Number(calendar[1]);
    if (year > thisYear) return null;
    const month = calendar[2] ? parseNumeral(calendar[2]) : null;
    if (month !== null && month >= 1 && month <= 12) {
      const months = monthsSince(year, month, today);
      return months === null ? null : { months };
    }
    return { yearOnly: year };
  }
  const relative = /(大前年|前年|去年|今年)/.exec(text);
  if (relative) {
    const year = thisYear - RELATIVE_YEARS[relative[1]!]!;
    const month = /(?:大前年|前年|去年|今年)(\d{1,2}|[一二三四五六七八九十]{1,2})月/.exec(text);
    const value = month ? parseNumeral(month[1]!) : null;
    if (value !== null && value >= 1 && value <= 12) {
      const months = monthsSince(year, value, today);
      return months === null ? null : { months };
    }
    return { yearOnly: year };
  }
  const ago = /(\d+|[一二两三四五六七八九十半]+)\s*(个)?(年|月)(半)?前/.exec(text);
  if (ago) {
    const amount = ago[1] === '半' ? 0.5 : parseNumeral(ago[1]!);
    if (amount === null) return null;
    const total = (amount + (ago[4] ? 0.5 : 0)) * (ago[3] === '年' ? 12 : 1);
    return { months: Math.round(total) };
  }
  return null;
}
