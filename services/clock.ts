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

/** The calendar date in Shanghai at an instant. */
export function shanghaiDate(at: Date): IsoDate {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock time `HH:MM` at an instant. */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant of `HH:MM` Shanghai time on a Shanghai date. */
export function shanghaiInstant(date: IsoDate, time = '00:00'): Date {
  return new Date(new Date(`${date}T${time}:00Z`).getTime() - SHANGHAI_OFFSET_MS);
}
