import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('keeps at most max entries, forgetting the least recently used first', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now more recent than b
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('set() on a key it holds replaces the value and makes it the most recent', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([10, undefined, 3]);
  });

  it('tells a stored empty value from a missing one', () => {
    const cache = new LruCache<number, string>(3);
    cache.set(0, '');
    expect(cache.get(0)).toBe('');
    expect(cache.get(1)).toBeUndefined();
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow('LruCache: expected max to be a positive integer, got 0');
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});
