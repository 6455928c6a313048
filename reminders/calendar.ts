/**
 * Calendar arithmetic on Asia/Shanghai dates and the quiet hours. Shanghai has
 * no daylight saving, so a date plus N days is plain UTC date arithmetic.
 */
import { shanghaiDate, shanghaiInstant, shanghaiTime } from '../services/clock';

export interface QuietHours {
  /** `HH:MM`, Shanghai time; the quiet period may wrap midnight (22:00–08:00). */
  start: string;
  end: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function isQuiet(at: Date, quiet: QuietHours): boolean {
  if (quiet.start === quiet.end) return false;
  const time = shanghaiTime(at);
  return quiet.start < quiet.end ? time >= quiet.start && time < quiet.end : time >= quiet.start || time < quiet.end;
}

/** `at` itself, or the end of the quiet period it falls in (08:00 the same or the next morning). */
export function outsideQuietHours(at: Date, quiet: QuietHours): Date {
  if (!isQuiet(at, quiet)) return at;
  const today = shanghaiDate(at);
  const endToday = shanghaiInstant(today, quiet.end);
  return endToday.getTime() > at.getTime() ? endToday : shanghaiInstant(addDays(today, 1), quiet.end);
}

/** The first moment a message may go out on the Shanghai day after `at`. */
export function nextSendingDay(at: Date, quiet: QuietHours): Date {
  return outsideQuietHours(shanghaiInstant(addDays(shanghaiDate(at), 1), '00:00'), quiet);
}

/** `2026年6月19日` */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
