/**
 * A least-recently-used cache of bounded size, on a Map's insertion order:
 * a hit moves the entry to the end, and the first entry is the one to evict.
 *
 * A value is kept only when its key is set the second time (a doorkeeper, as
 * in TinyLFU): most eligibility checks are asked once (every founder's full
 * profile differs), and keeping each of them for a while made the garbage
 * collector copy and then mark tens of megabytes of verdicts that were never
 * read again — about half the CPU of a check nobody had asked before
 * (issue 21 §3, bench:api). Keys asked twice are the popular ones the cache
 * is for; they are kept from their second asking on.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  /** Hashes of keys set once and not kept; cleared when full, so a key must come back soon. */
  private readonly seenOnce = new Set<number>();
  private readonly maxSeen: number;

  constructor(readonly capacity: number) {
    this.maxSeen = Math.max(64, 4 * capacity);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Keeps the value if the key was set before (recently) or is kept already; otherwise notes the key. */
  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    if (!this.entries.delete(key) && !this.admits(key)) return;
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  private admits(key: K): boolean {
    // A collision only lets a value in early.
    const hash = stringHash(typeof key === 'string' ? key : String(key));
    if (this.seenOnce.delete(hash)) return true;
    if (this.seenOnce.size >= this.maxSeen) this.seenOnce.clear();
    this.seenOnce.add(hash);
    return false;
  }
}

/** FNV-1a over a string's UTF-16 code units, kept to 30 bits (a small integer, no allocation in the Set). */
export function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/**
 * One LruCache per scope object (a content release's catalogue), made on first
 * use and dropped with its scope, so a reload starts empty. None at all when
 * the capacity is 0 (caching turned off).
 */
export class LruCachePerScope<K, V> {
  private readonly caches = new WeakMap<object, LruCache<K, V>>();

  constructor(readonly capacity: number) {}

  of(scope: object): LruCache<K, V> | undefined {
    if (this.capacity <= 0) return undefined;
    let cache = this.caches.get(scope);
    if (!cache) this.caches.set(scope, (cache = new LruCache(this.capacity)));
    return cache;
  }
}
