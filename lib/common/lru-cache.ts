/** A bounded cache. Pure. */

/** A map that keeps at most `max` entries: adding one more forgets the one used least recently. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  /** Creates an empty cache for up to `max` entries (a positive integer). */
  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`LruCache: expected max to be a positive integer, got ${max}`);
  }

  /** How many entries it holds. */
  get size(): number {
    return this.entries.size;
  }

  /** The value kept for `key`, now the most recently used; undefined if there is none. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Keeps `value` for `key` as the most recently used, forgetting the least recently used past `max`. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
  }
}
