/**
 * Keys seen recently (WeChat's retries of one message arrive within seconds):
 * bounded in count and in age, so a flood of distinct messages cannot grow it.
 * Per process; several replicas share nothing.
 */
export class RecentKeys {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** True when `key` was seen within the TTL; records it either way. */
  checkAndAdd(key: string): boolean {
    const at = this.now();
    const before = this.seen.get(key);
    if (before !== undefined && at - before < this.ttlMs) return true;
    this.seen.delete(key);
    this.seen.set(key, at);
    for (const [oldest, time] of this.seen) {
      if (this.seen.size <= this.capacity && at - time < this.ttlMs) break;
      this.seen.delete(oldest);
    }
    return false;
  }
}
