/**
 * In-memory fixed-window rate limiter, per key ("ip:…", "founder:…"). Good for
 * one process; several replicas each count on their own, which only makes the
 * limit more generous: with REDIS_URL they share one count instead
 * (shared-rate-limit.ts). Counts are dropped when the minute turns. Each kind of
 * key (the part before the first colon) has its own table and its own bound:
 * a flood of new addresses evicts the oldest addresses only, never a
 * founder's count (founder keys come from signed tokens and cannot be made up).
 */
import type { Context, Next } from 'koa';
import { RateLimitError } from '../../errors';
import { messages } from '../messages';
import type { RequestLimiter } from './shared-rate-limit';

const WINDOW_MS = 60_000;
/** Keys of one kind kept in one window; past it the oldest tenth of that kind is dropped. */
export const MAX_KEYS_PER_KIND = 100_000;

export class RateLimiter {
  private windowStart = 0;
  private readonly tables = new Map<string, Map<string, number>>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key`; throws RateLimitError once the key is over the limit. */
  hit(key: string): void {
    const now = this.now();
    const start = now - (now % WINDOW_MS);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.tables.clear();
    }
    const counts = this.tableFor(key);
    const count = (counts.get(key) ?? 0) + 1;
    if (count === 1 && counts.size >= MAX_KEYS_PER_KIND) evictOldest(counts, Math.ceil(MAX_KEYS_PER_KIND / 10));
    counts.set(key, count);
    if (count > this.perMinute) {
      const error = new RateLimitError(messages.rateLimited);
      error.retryAfterSeconds = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
      throw error;
    }
  }

  /** Keys counted in this window, by kind (for tests and diagnostics). */
  size(kind: string): number {
    return this.tables.get(kind)?.size ?? 0;
  }

  private tableFor(key: string): Map<string, number> {
    const kind = key.slice(0, Math.max(0, key.indexOf(':')));
    let table = this.tables.get(kind);
    if (!table) this.tables.set(kind, (table = new Map()));
    return table;
  }
}

/** A Map iterates in insertion order: the first keys are the ones first seen this window. */
function evictOldest(counts: Map<string, number>, howMany: number): void {
  let left = howMany;
  for (const key of counts.keys()) {
    if (left-- <= 0) break;
    counts.delete(key);
  }
}

/** Per client IP, for every route except the health check (load balancers poll it). */
export function rateLimitByIp(limiter: RequestLimiter, exempt: (path: string) => boolean) {
  return async function limitByIp(ctx: Context, next: Next): Promise<void> {
    if (!exempt(ctx.path)) await limiter.hit(`ip:${ctx.ip}`);
    await next();
  };
}
