/**
 * The rate limits shared by every API replica (issue 22): counted in Redis
 * (rate-limiter-flexible), so N replicas allow the limit once, not N times.
 * While Redis does not answer, each replica counts in memory (the library's
 * insurance limiter) and the API keeps answering; the outage is logged once,
 * and the recovery once.
 */
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitError } from '../../errors';
import type { Logger } from '../../logging/logger';
import { messages } from '../messages';

/** What the API's guards need from a limiter: count one request for a key, or refuse it (RateLimitError). */
export interface RequestLimiter {
  hit(key: string): void | Promise<void>;
}

const WINDOW_SECONDS = 60;

export class RedisRateLimiter implements RequestLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(redis: Redis, perMinute: number, keyPrefix: string) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}:rate`,
      points: perMinute,
      duration: WINDOW_SECONDS,
      insuranceLimiter: new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS }),
    });
  }

  async hit(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (rejected) {
      if (!(rejected instanceof RateLimiterRes)) throw rejected;
      const error = new RateLimitError(messages.rateLimited);
      error.retryAfterSeconds = Math.max(1, Math.ceil(rejected.msBeforeNext / 1000));
      throw error;
    }
  }
}

/** Logs Redis going away and coming back, once each, never per request. */
export function watchRedis(redis: Redis, logger: Logger): void {
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: error.message }, 'redis unavailable: rate limits fall back to each process’s memory');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('redis is back: rate limits are shared again');
  });
}
