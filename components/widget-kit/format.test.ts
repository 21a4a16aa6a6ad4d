import { describe, expect, it } from 'vitest';
import { formatFixed, formatValue } from './format';

describe('formatValue()', () => {
  it('formatValue() uses fixed decimals and a true minus sign', () => {
    expect(formatValue(0.5)).toBe('0.500');
    expect(formatValue(-1.23456, 2)).toBe('−1.23');
  });

  it('formatValue() switches to powers of ten for tiny and huge values', () => {
    expect(formatValue(4.5e-5)).toBe('4.50×10⁻⁵');
    expect(formatValue(-2e7)).toBe('−2.00×10⁷');
    expect(formatValue(1.5e-12)).toBe('1.50×10⁻¹²');
  });

  it('formatValue() shows −0 as 0 and keeps the sign of tiny negatives', () => {
    expect(formatValue(-0)).toBe('0.000');
    expect(formatValue(-0.0004, 3)).toBe('−4.00×10⁻⁴');
  });

  it('formatValue() names NaN and infinities', () => {
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(Infinity)).toBe('∞');
    expect(formatValue(-Infinity)).toBe('−∞');
  });
});

describe('formatFixed()', () => {
  it('formatFixed() rounds to fixed decimals and never shows −0', () => {
    expect(formatFixed(4.5e-10)).toBe('0.00');
    expect(formatFixed(-4.5e-10)).toBe('0.00');
    expect(formatFixed(-4.587, 2)).toBe('−4.59');
    expect(formatFixed(Infinity)).toBe('∞');
  });
});
