/**
 * The Redis client the API replicas share (REDIS_URL). Commands fail at once
 * while it is disconnected (no offline queue), so a request never waits for
 * Redis: the rate limiter then counts in memory (api/middleware/shared-rate-limit.ts).
 */
import Redis from 'ioredis';
import { watchRedis } from '../api/middleware/shared-rate-limit';
import type { Logger } from '../logging/logger';

export function openRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    // Keep trying in the background, at most every 5 s.
    retryStrategy: (times) => Math.min(times * 500, 5000),
  });
  watchRedis(redis, logger);
  return redis;
}
