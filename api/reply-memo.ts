/**
 * Replies to byte-identical request bodies, reused. The mini-program builds a
 * check's body the same way every time, so a popular answer set arrives as
 * the same bytes again and again. For those, this skips what the check cache
 * (EligibilityService) still pays on every request: the zod and fact
 * validation, the canonical cache key and the lookup: most of the app's own
 * work on a repeated check (bench:api).
 *
 * A reply is reused only within the content release and the Shanghai date it
 * was made on (a check without `as_of` is "as of today"), and only for small
 * bodies, so memory stays bounded: at most `capacity` bodies of
 * MAX_BODY_CHARS per release, and replies the check cache's presenter already
 * shares. Nothing that failed is remembered: an invalid body is validated
 * every time.
 */
import type { Context, Middleware, Next } from 'koa';
import { type LruCache, LruCachePerScope } from '../services/lru-cache';
import { sendSharedJson } from './shared-json-reply';

/** A full profile is ~1.5 KB; a larger body is unusual and not worth keeping. */
const MAX_BODY_CHARS = 4096;

export interface ReplyScope {
  /** The content release in force (its catalogue object). */
  release: object;
  /** Today in Shanghai, YYYY-MM-DD. */
  today: string;
}

/** Where a missed lookup leaves its key, for `remember` later in the same request. */
const KEY = Symbol('replyMemoKey');
type MemoState = { [KEY]?: { cache: LruCache<string, Buffer>; key: string } };

export class ReplyMemo {
  private readonly caches: LruCachePerScope<string, Buffer>;

  constructor(
    capacity: number,
    private readonly scope: () => ReplyScope,
  ) {
    this.caches = new LruCachePerScope(capacity);
  }

  /** Middleware for before validation: a known body is answered at once. */
  readonly lookup: Middleware = (ctx: Context, next: Next) => {
    const body: unknown = ctx.state.rawBody;
    if (typeof body !== 'string' || body.length > MAX_BODY_CHARS) return next();
    const { release, today } = this.scope();
    const cache = this.caches.of(release);
    if (!cache) return next(); // turned off (ELIGIBILITY_CACHE_ENTRIES=0)
    // The date is fixed here, before the handler runs: a check that crosses midnight is
    // filed under the earlier day, which no later request asks for.
    // The query (`?view=summary`) shapes the reply as much as the body does.
    const key = `${today}\n${ctx.querystring}\n${body}`;
    const reply = cache.get(key);
    if (reply) {
      sendSharedJson(ctx, reply);
      return Promise.resolve();
    }
    (ctx.state as MemoState)[KEY] = { cache, key };
    return next();
  };

  /** Keeps a successful reply for the body of this request (if `lookup` looked it up). */
  remember(ctx: Context, reply: Buffer): void {
    const pending = (ctx.state as MemoState)[KEY];
    if (pending) pending.cache.set(pending.key, reply);
  }
}
