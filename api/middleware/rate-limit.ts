/**
 * In-memory fixed-window rate limiter, per key ("ip:…", "founder:…"). Good for
 * one process; several replicas each count on their own, which only makes the
 * limit more generous. The whole table is dropped when the minute turns, so
 * memory is bounded by the keys seen in one minute (and capped beyond that).
 */
import type { Context, Next } from 'koa';
import { RateLimitError } from '../../errors';
import { messages } from '../messages';

const WINDOW_MS = 60_000;
/** Beyond this many keys in one window (a flood of spoofed sources), start over. */
const MAX_KEYS = 100_000;

export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`; throws RateLimitError once the key is over the limit. */
  hit(key: string): void {
    const now = this.now();
    const start = now - (now % WINDOW_MS);
    if (start !== this.windowStart || this.counts.size >= MAX_KEYS) {
      this.windowStart = start;
      this.counts = new Map();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count > this.perMinute) {
      const error = new RateLimitError(messages.rateLimited);
      error.retryAfterSeconds = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
      throw error;
    }
  }
}

/** Per client IP, for every route except the health check (load balancers poll it). */
export function rateLimitByIp(limiter: RateLimiter, exempt: (path: string) => boolean) {
  return async function limitByIp(ctx: Context, next: Next): Promise<void> {
    if (!exempt(ctx.path)) limiter.hit(`ip:${ctx.ip}`);
    await next();
  };
}
