/**
 * Numbers as founders type them in chat: Arabic or Chinese numerals, mixed
 * with magnitude words ("1.5亿", "3千万", "一千五百万", "三万五"), full-width
 * digits and thousands separators. Pure; no knowledge of facts or units here.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  俩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters that can be part of a number written in words or digits. */
const NUMBER_CHARS = `0-9.${Object.keys(DIGITS).join('')}${Object.keys(SMALL_UNITS).join('')}${Object.keys(LARGE_UNITS).join('')}`;
export const NUMBER_PATTERN = new RegExp(`[${NUMBER_CHARS}]+`, 'g');

/** Full-width digits and punctuation → ASCII; drops thousands separators ("1,200"). */
export function normalizeDigits(text: string): string {
  return text.normalize('NFKC').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/**
 * Value of one run of numerals and magnitude words, e.g. "3千万" → 30000000,
 * "十二" → 12, "两百五" → 250 (colloquial: the trailing digit takes the next
 * smaller unit). Returns null for anything that is not a well-formed number.
 */
export function parseNumeral(run: string): number | null {
  if (run.length === 0) return null;
  if (/^\d+(\.\d+)?$/.test(run)) return Number(run);
  let total = 0;
  let section = 0;
  let pending: number | null = null; // the digit(s) waiting for a unit
  let lastUnit = 0;
  let zeroSeen = false;
  let index = 0;
  while (index < run.length) {
    const arabic = /^\d+(\.\d+)?/.exec(run.slice(index));
    if (arabic) {
      if (pending !== null) return null; // "3 4" glued together is not a number
      pending = Number(arabic[0]);
      index += arabic[0].length;
      continue;
    }
    const char = run[index]!;
    index += 1;
    if (char in DIGITS) {
      const digit = DIGITS[char]!;
      if (digit === 0) {
        zeroSeen = true;
        continue;
      }
      if (pending !== null) return null; // "三四" is a range, not a number
      pending = digit;
    } else if (char in SMALL_UNITS) {
      const unit = SMALL_UNITS[char]!;
      // "十二": a leading 十 means one ten.
      section += (pending ?? (unit === 10 ? 1 : NaN)) * unit;
      if (Number.isNaN(section)) return null;
      pending = null;
      lastUnit = unit;
      zeroSeen = false;
    } else if (char in LARGE_UNITS) {
      const unit = LARGE_UNITS[char]!;
      const value = section + (pending ?? 0);
      if (value === 0 && total === 0) return null; // "万" alone
      if (unit === 1e8) total = (total + value) * unit;
      else total += value * unit;
      section = 0;
      pending = null;
      lastUnit = unit;
      zeroSeen = false;
    } else {
      return null;
    }
  }
  if (pending !== null) {
    // "一千五" = 1500, "三万五" = 35000, but "一百零五" = 105.
    const colloquial = lastUnit >= 100 && !zeroSeen && Number.isInteger(pending) && pending < 10;
    section += colloquial ? (pending * lastUnit) / 10 : pending;
  }
  return total + section;
}

export interface FoundNumber {
  value: number;
  /** The characters right after the number, for unit words ("万元", "个月", "%"). */
  after: string;
  /** The characters right before it ("百分之"). */
  before: string;
  text: string;
}

/** Every number in a text, in order, with its neighbourhood. */
export function findNumbers(text: string): FoundNumber[] {
  const normalized = normalizeDigits(text);
  const found: FoundNumber[] = [];
  for (const match of normalized.matchAll(NUMBER_PATTERN)) {
    const raw = match[0].replace(/^\.+|\.+$/g, '');
    if (!/[0-9零〇一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟]/.test(raw)) continue;
    const value = parseNumeral(raw);
    if (value === null || !Number.isFinite(value)) continue;
    const start = match.index ?? 0;
    found.push({
      value,
      text: raw,
      before: normalized.slice(Math.max(0, start - 4), start),
      after: normalized.slice(start + match[0].length, start + match[0].length + 4),
    });
  }
  return found;
}
