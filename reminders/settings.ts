/**
 * The reminder settings, from the validated config plus the few knobs that
 * are not worth an environment variable (they matter to tests and the bench).
 */
import type { Config } from '../config/config';
import type { QuietHours } from './calendar';

export interface ReminderSettings {
  offsets: readonly number[];
  quietHours: QuietHours;
  maxPerDay: number;
  maxAttempts: number;
  publicBaseUrl: string;
  /** Ask "did you apply?" this many days after a deadline. */
  followUpDays: number;
  /** Founders' rows claimed per batch (the claim query takes this many due rows). */
  batchSize: number;
  /** A claimed row comes due again after this, if its runner died. Longer than any batch. */
  claimTtlMs: number;
  /** The database lease of a runner; renewed while it works. */
  leaseTtlMs: number;
  /** First retry delay; doubled on each failed attempt, capped at maxBackoffMs. */
  backoffBaseMs: number;
  maxBackoffMs: number;
  /**
   * Messages in flight at once. 1 means a killed process repeats nothing; N
   * means it may repeat up to N-1 messages whose send finished but whose
   * "sent" mark had not been written yet.
   */
  concurrency: number;
  /**
   * One-time subscribeMessage: each acceptance is one mini-program message
   * (services/credit-budget.ts). False for long-term subscriptions.
   */
  subscribeCredits: boolean;
}

const MINUTE = 60_000;

export const DEFAULT_SETTINGS: ReminderSettings = {
  offsets: [30, 7, 1],
  quietHours: { start: '22:00', end: '08:00' },
  maxPerDay: 3,
  maxAttempts: 5,
  publicBaseUrl: 'http://localhost:3000',
  followUpDays: 7,
  batchSize: 200,
  claimTtlMs: 15 * MINUTE,
  leaseTtlMs: 2 * MINUTE,
  backoffBaseMs: 5 * MINUTE,
  maxBackoffMs: 6 * 60 * MINUTE,
  concurrency: 1,
  subscribeCredits: true,
};

export function reminderSettings(config: Config, overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return {
    ...DEFAULT_SETTINGS,
    offsets: config.REMINDER_OFFSETS,
    quietHours: config.REMINDER_QUIET_HOURS,
    maxPerDay: config.REMINDER_MAX_PER_DAY,
    maxAttempts: config.REMINDER_MAX_ATTEMPTS,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    concurrency: config.REMINDER_SEND_CONCURRENCY,
    leaseTtlMs: config.REMINDER_LEASE_TTL_MS,
    subscribeCredits: !config.MINIPROGRAM_LONG_TERM_SUBSCRIPTIONS,
    ...overrides,
  };
}

export function backoff(settings: ReminderSettings, attempt: number): number {
  return Math.min(settings.maxBackoffMs, settings.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
}
