import { describe, expect, it } from 'vitest';
import { niceCeil } from './nice';

describe('niceCeil()', () => {
  it('niceCeil() rounds up to 1, 2 or 5 times a power of ten, at least 10', () => {
    expect([0, 3, 10, 11, 20, 21, 50, 51, 100, 101, 999, 1000, 1001].map(niceCeil)).toEqual([10, 10, 10, 20, 20, 50, 50, 100, 100, 200, 1000, 1000, 2000]);
  });
});
