/**
 * The Redis client the API replicas share (REDIS_URL). Commands fail at once
 * while it is disconnected (no offline queue), so a request never waits for
 * Redis: the rate limiter then counts in memory (api/middleware/shared-rate-limit.ts).
 */
import Redis from 'ioredis';
import { watchRedis } from '../api/middleware/shared-rate-limit';
import type { Logger } from '../logging/logger';

export function openRedis(url: string, logger: Logger): Redis {
  const redis = redisClient(url);
  watchRedis(redis, logger);
  return redis;
}

/** The client alone, for a command-line run (no rate limits to log about). */
export function redisClient(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    // Keep trying in the background, at most every 5 s.
    retryStrategy: (times) => Math.min(times * 500, 5000),
  });
}

/** Resolves once connected, or after `ms` (then commands fail and callers fall back, as in an outage). */
export function redisReady(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
  });
}
