/**
 * A bounded map that forgets the least recently used entry first, and, with `ttlMs`, entries older than that.
 * (Map iteration order is insertion order, so re-inserting on use keeps the oldest first.)
 */
export class RecentlyUsed<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly options: { maxEntries: number; ttlMs?: number }) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= Date.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: Date.now() + (this.options.ttlMs ?? Number.POSITIVE_INFINITY) });
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
