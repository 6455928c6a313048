/**
 * Time, injected so tests and the reminders CLI can run "as of" any moment.
 * Founders live in Asia/Shanghai (UTC+8 all year, no daylight saving).
 */
import type { IsoDate } from '../rules/catalogue';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
  let current = at;
  return {
    now: () => current,
    set: (next) => (current = next),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The Shanghai day last asked about, as [from, to) in epoch ms: asked on every request, it rarely changes. */
let lastDay = { from: 0, to: 0, date: '' };

/** The calendar date in Shanghai at an instant. */
export function shanghaiDate(at: Date): IsoDate {
  const ms = at.getTime();
  if (ms >= lastDay.from && ms < lastDay.to) return lastDay.date;
  // No daylight saving in Shanghai: every day is exactly DAY_MS long.
  const from = Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  const date = new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  lastDay = { from, to: from + DAY_MS, date };
  return date;
}

/** The Shanghai wall-clock time `HH:MM` at an instant. */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant of `HH:MM` Shanghai time on a Shanghai date. */
export function shanghaiInstant(date: IsoDate, time = '00:00'): Date {
  return new Date(new Date(`${date}T${time}:00Z`).getTime() - SHANGHAI_OFFSET_MS);
}
