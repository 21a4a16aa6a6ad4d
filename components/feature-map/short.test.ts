import { describe, expect, it } from 'vitest';
import { short } from './short';

describe('short()', () => {
  it('short() keeps up to 4 decimals, drops trailing zeros and uses a true minus sign', () => {
    expect(short(0.25)).toBe('0.25');
    expect(short(-3)).toBe('−3');
    expect(short(1 / 9)).toBe('0.1111');
    expect(short(-0.00001)).toBe('0');
    expect(short(2.5e6)).toBe('2500000');
    expect(short(2 / 3, 3)).toBe('0.667');
  });
});
