import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool';

describe('BufferPool', () => {
  it('gives a buffer back only for its exact size, once, and counts reuse', () => {
    const pool = new BufferPool(1 << 20);
    const a = new ArrayBuffer(4096);
    pool.give(a);
    expect(pool.take(8192)).toBeUndefined();
    expect(pool.take(4096)).toBe(a);
    expect(pool.take(4096)).toBeUndefined();
    expect(pool.stats).toEqual({ reused: 1, fresh: 2, heldBytes: 0 });
  });

  it('keeps no more than its limit, and drops detached buffers', () => {
    const pool = new BufferPool(10_000);
    pool.give(new ArrayBuffer(4096));
    pool.give(new ArrayBuffer(4096));
    pool.give(new ArrayBuffer(4096)); // would hold 12,288 bytes
    expect(pool.stats.heldBytes).toBe(8192);
    const moved = new ArrayBuffer(4096);
    structuredClone(moved, { transfer: [moved] });
    expect(moved.byteLength).toBe(0);
    pool.take(4096);
    pool.give(moved);
    expect(pool.stats.heldBytes).toBe(4096);
  });

  it('refuses a negative limit', () => {
    expect(() => new BufferPool(-1)).toThrow(/expected a size in bytes ≥ 0, got -1/);
  });
});
