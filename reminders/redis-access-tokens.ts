/**
 * The WeChat access tokens shared by the replicas through Redis (REDIS_URL):
 * one token per app under `<prefix>:wechat-token:<endpoint>:<appid>`, expiring
 * with it, and one fetch at a time across replicas under a lock
 * (`SET … NX PX` with a random value, released only by its holder). A replica
 * that finds the lock taken polls for the token the holder stores; if the
 * holder dies, its lock expires and the next one fetches.
 *
 * Any Redis failure is reported as SharedTokenStoreUnavailable, so the cache
 * fetches on its own (AccessTokenCache); the outage and the recovery are
 * logged once each, never per token.
 */
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { CachedToken, SharedTokenStore, SharedTokenStoreUnavailable, WechatApiError } from './wechat-access-token';

export interface RedisTokenStoreOptions {
  /** How long a fetch may hold the lock: longer than WeChat's answer takes (WECHAT_TIMEOUT_MS). */
  lockMs: number;
  /** How often a waiting replica looks for the holder's token. */
  pollMs?: number;
  /** How long a replica waits for tokens fetched by others before giving up (several lock lifetimes). */
  waitMs?: number;
}

// Deletes the lock only while it is still ours (it may have expired and gone to another replica).
const UNLOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
// Deletes the stored token only while it is the rejected one (another replica may have replaced it).
const DELETE_TOKEN = `local v = redis.call('get', KEYS[1])
if v and cjson.decode(v).token == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class RedisTokenStore implements SharedTokenStore {
  private down = false;
  private readonly pollMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly logger: Logger,
    private readonly options: RedisTokenStoreOptions,
  ) {
    this.pollMs = options.pollMs ?? 100;
    this.waitMs = options.waitMs ?? 3 * options.lockMs;
  }

  async token(key: string, fetch: () => Promise<CachedToken>): Promise<CachedToken> {
    const tokenKey = `${this.keyPrefix}:wechat-token:${key}`;
    const lockKey = `${tokenKey}:lock`;
    const giveUpAt = Date.now() + this.waitMs;
    for (;;) {
      const stored = await this.read(tokenKey);
      if (stored) return stored;
      const lock = randomUUID();
      if ((await this.command(() => this.redis.set(lockKey, lock, 'PX', this.options.lockMs, 'NX'))) === 'OK') {
        try {
          // Stored by the previous holder between our read and our lock.
          return (await this.read(tokenKey)) ?? (await this.fetchAndStore(tokenKey, fetch));
        } finally {
          await this.command(() => this.redis.eval(UNLOCK, 1, lockKey, lock)).catch(() => undefined);
        }
      }
      if (Date.now() > giveUpAt) throw new WechatApiError(null, 'no access_token: another replica holds the refresh');
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  async invalidate(key: string, token: string): Promise<void> {
    await this.command(() => this.redis.eval(DELETE_TOKEN, 1, `${this.keyPrefix}:wechat-token:${key}`, token));
  }

  private async fetchAndStore(tokenKey: string, fetch: () => Promise<CachedToken>): Promise<CachedToken> {
    const fresh = await fetch();
    const ttlMs = fresh.expiresAt - Date.now();
    if (ttlMs > 0) {
      // Fetched is fetched: a store that failed just now only means the others fetch their own.
      await this.command(() => this.redis.set(tokenKey, JSON.stringify(fresh), 'PX', ttlMs)).catch(() => undefined);
    }
    return fresh;
  }

  private async read(tokenKey: string): Promise<CachedToken | null> {
    const raw = await this.command(() => this.redis.get(tokenKey));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<CachedToken>;
    if (typeof parsed.token !== 'string' || typeof parsed.expiresAt !== 'number') return null;
    return parsed.expiresAt > Date.now() ? { token: parsed.token, expiresAt: parsed.expiresAt } : null;
  }

  /** One Redis command; a failure becomes SharedTokenStoreUnavailable, logged once until Redis answers again. */
  private async command<T>(run: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      if (!this.down) {
        this.down = true;
        this.logger.warn(
          { err: (error as Error).message },
          'redis unavailable: WeChat access tokens fall back to each process’s own cache',
        );
      }
      throw new SharedTokenStoreUnavailable((error as Error).message);
    }
    if (this.down) {
      this.down = false;
      this.logger.info('redis is back: WeChat access tokens are shared again');
    }
    return result;
  }
}

/** The store as the service and the CLI configure it: a fetch holds the lock as long as WeChat may take, plus 1 s. */
export function redisTokenStore(
  redis: Redis,
  config: Pick<Config, 'REDIS_KEY_PREFIX' | 'WECHAT_TIMEOUT_MS'>,
  logger: Logger,
): RedisTokenStore {
  return new RedisTokenStore(redis, config.REDIS_KEY_PREFIX, logger, { lockMs: config.WECHAT_TIMEOUT_MS + 1000 });
}
