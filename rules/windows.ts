/**
 * Application windows as concrete dates. Pure calendar arithmetic on
 * `YYYY-MM-DD` strings: a date here is a day in Asia/Shanghai, so no clock
 * and no time zone is involved (the caller passes "today").
 */
import type { ApplicationWindow, IsoDate } from './catalogue';
import type { ConcreteWindow } from './results';

const DAY_MS = 86_400_000;

function toUtcDay(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

function fromUtcDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toUtcDay(to) - toUtcDay(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcDay(toUtcDay(date) + days);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * A yearly `MM-DD` in a given year. 02-29 in a common year becomes 02-28, so a
 * window never silently disappears.
 */
function dayInYear(monthDay: string, year: number): IsoDate {
  const date = `${year}-${monthDay}`;
  if (monthDay === '02-29' && fromUtcDay(toUtcDay(date)) !== date) return `${year}-02-28`;
  return date;
}

/** One yearly window in the year it opens; a window whose close is before its open runs into the next year. */
function yearlyOccurrence(window: Extract<ApplicationWindow, { kind: 'yearly' }>, year: number): ConcreteWindow {
  const closesYear = window.closes < window.opens ? year + 1 : year;
  return {
    key: `${window.id}:${year}`,
    opens: dayInYear(window.opens, year),
    closes: dayInYear(window.closes, closesYear),
    rolling: false,
    ...(window.note ? { note: window.note } : {}),
  };
}

/**
 * Every occurrence that overlaps [from, to] (inclusive), dated ones by opening
 * date, then rolling ones (they are always open).
 */
export function expandWindows(windows: readonly ApplicationWindow[], from: IsoDate, to: IsoDate): ConcreteWindow[] {
  const dated: ConcreteWindow[] = [];
  const rolling: ConcreteWindow[] = [];
  for (const window of windows) {
    if (window.kind === 'rolling') {
      rolling.push({ key: window.id, rolling: true, ...(window.note ? { note: window.note } : {}) });
    } else if (window.kind === 'fixed') {
      dated.push({
        key: window.id,
        opens: window.opens,
        closes: window.closes,
        rolling: false,
        ...(window.note ? { note: window.note } : {}),
      });
    } else {
      // From the year before `from`: a window opened last December may still be open.
      const first = Math.max(window.from_year, yearOf(from) - 1);
      const last = Math.min(window.to_year ?? Number.POSITIVE_INFINITY, yearOf(to));
      for (let year = first; year <= last; year += 1) dated.push(yearlyOccurrence(window, year));
    }
  }
  const overlapping = dated.filter((w) => w.closes! >= from && w.opens! <= to);
  overlapping.sort((a, b) => (a.opens! < b.opens! ? -1 : a.opens! > b.opens! ? 1 : a.key < b.key ? -1 : 1));
  return [...overlapping, ...rolling];
}

/**
 * The window to act on as of a date: the dated window that closes first among
 * those not yet closed (open now or upcoming), else a rolling window, else null.
 * A deadline beats "any time" because it is what a founder can miss.
 */
export function nextWindow(windows: readonly ApplicationWindow[], asOf: IsoDate): ConcreteWindow | null {
  // A yearly window of this or next year is always found within two years.
  const candidates = expandWindows(windows, asOf, addDays(asOf, 2 * 366));
  const dated = candidates.filter((w) => !w.rolling);
  if (dated.length > 0) {
    return dated.reduce((best, w) => (w.closes! < best.closes! ? w : best));
  }
  return candidates.find((w) => w.rolling) ?? null;
}

/** Whether a window occurrence accepts applications on a date. */
export function isOpenOn(window: ConcreteWindow, date: IsoDate): boolean {
  if (window.rolling) return true;
  return window.opens! <= date && date <= window.closes!;
}
