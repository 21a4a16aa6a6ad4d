import { describe, expect, it } from 'vitest';
import { formatDecimals, formatFixed, formatScientific, formatSignificant, formatValue, powerOfTen, superscript } from './number-format';

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

describe('superscript(), powerOfTen(), formatScientific()', () => {
  it('powerOfTen() writes superscript exponents, fractional ones with a raised point', () => {
    expect(powerOfTen(-12)).toBe('10⁻¹²');
    expect(powerOfTen(3)).toBe('10³');
    expect(powerOfTen(-9.3)).toBe('10⁻⁹·³');
    expect(superscript('+07')).toBe('⁰⁷');
  });

  it('formatScientific() keeps the significant digits asked for and carries a rounded mantissa', () => {
    expect(formatScientific(4.5e-5)).toBe('4.50×10⁻⁵');
    expect(formatScientific(-9.9996e5, 3)).toBe('−1.00×10⁶');
    expect(formatScientific(NaN)).toBe('NaN');
  });
});

describe('formatSignificant()', () => {
  it('formatSignificant() keeps at most 4 significant digits and drops trailing zeros', () => {
    expect([0, -0, 1199, 0.0123456, 2.5, -5].map((v) => formatSignificant(v))).toEqual(['0', '0', '1199', '0.01235', '2.5', '−5']);
  });

  it('formatSignificant() writes a power of ten from a million up and below 10⁻⁴, after rounding', () => {
    expect([1234567, -0.00001234, 1e6, 999999.7, 0.0001].map((v) => formatSignificant(v))).toEqual(['1.235×10⁶', '−1.234×10⁻⁵', '1×10⁶', '1×10⁶', '0.0001']);
    expect(formatSignificant(88.7228391, 6)).toBe('88.7228');
  });
});

describe('formatDecimals()', () => {
  it('formatDecimals() keeps up to 4 decimals, drops trailing zeros and uses a true minus sign', () => {
    expect([0.25, -3, 1 / 9, -0.00001, 2.5e6].map((v) => formatDecimals(v))).toEqual(['0.25', '−3', '0.1111', '0', '2500000']);
    expect(formatDecimals(2 / 3, 3)).toBe('0.667');
  });
});
