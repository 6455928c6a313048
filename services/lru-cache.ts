/**
 * A least-recently-used cache of bounded size, on a Map's insertion order:
 * a hit moves the entry to the end, and the first entry is the one to evict.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

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

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }
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
