import { describe, expect, it } from 'vitest';
import { formatShape, parseNumber, parseShape } from './parse-answer';

const value = (text: string, units?: string): number => {
  const parsed = parseNumber(text, units);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};
const refusal = (parsed: { ok: boolean; message?: string }): string => (parsed.ok ? 'accepted' : (parsed.message ?? ''));

describe('parseNumber()', () => {
  it.each([
    ['42', 42],
    ['  -0.5 ', -0.5],
    ['\u22120.5', -0.5],
    ['+3', 3],
    ['.25', 0.25],
    ['1,234', 1234],
    ['1,234,567.5', 1234567.5],
    ['1 234', 1234],
    ['1\u202F234\u202F567', 1234567],
    ['1e-3', 0.001],
    ['2.5E4', 25000],
    ['1.5 × 10^-3', 0.0015],
    ['1.5x10^-3', 0.0015],
    ['3 * 10**2', 300],
    ['1.5 × 10⁻³', 0.0015],
    ['3/4', 0.75],
    ['≈ 0.5', 0.5],
  ])('reads %j as %d', (text, expected) => {
    expect(value(text)).toBeCloseTo(expected, 12);
  });

  it('accepts the spec\'s units, singular or plural, in any case', () => {
    expect(value('61,706 parameters', 'parameters')).toBe(61706);
    expect(value('1 parameter', 'parameters')).toBe(1);
    expect(value('12PX', 'px')).toBe(12);
    expect(value('1e3 parameters', 'parameters')).toBe(1000);
  });

  it('refuses other units, saying which it expected and which it got', () => {
    expect(refusal(parseNumber('12 px', 'parameters'))).toBe('Expected a number, optionally followed by "parameters"; got "12 px", which ends in "px".');
    expect(refusal(parseNumber('12 px'))).toContain('Expected a number without units');
  });

  it('refuses a comma used as a decimal point, two numbers, and text', () => {
    expect(refusal(parseNumber('1,5'))).toContain('"." as the decimal point');
    expect(refusal(parseNumber('1,5'))).toContain('got "1,5"');
    expect(refusal(parseNumber('1 2'))).toContain('got "1 2"');
    expect(refusal(parseNumber('twelve'))).toContain('got "twelve"');
    expect(refusal(parseNumber(''))).toBe('Expected a number; got an empty answer.');
    expect(refusal(parseNumber('1/0'))).toContain('finite');
  });
});

describe('parseShape()', () => {
  it.each([
    ['(5,3,40)', [5, 3, 40]],
    ['(5, 3, 40)', [5, 3, 40]],
    ['[5, 3, 40]', [5, 3, 40]],
    ['torch.Size([5, 3, 40])', [5, 3, 40]],
    ['Size([5, 3, 40])', [5, 3, 40]],
    ['5 x 3 x 40', [5, 3, 40]],
    ['5×3×40', [5, 3, 40]],
    ['5 3 40', [5, 3, 40]],
    ['(7,)', [7]],
    ['7', [7]],
    ['()', []],
    ['torch.Size([])', []],
  ])('reads %j', (text, expected) => {
    expect(parseShape(text)).toEqual({ ok: true, value: expected });
  });

  it('refuses what is not a shape, naming the bad size and the text', () => {
    expect(refusal(parseShape('(5, -3, 40)'))).toBe('Expected each size to be a whole number ≥ 0; got "-3" as size 2 of "(5, -3, 40)".');
    expect(refusal(parseShape('(5, 3.5)'))).toContain('got "3.5" as size 2');
    expect(refusal(parseShape('(5,,3)'))).toContain('got nothing as size 2');
    expect(refusal(parseShape('(5, 3]'))).toContain('opens with ( and closes with ]');
    expect(refusal(parseShape('(5, 3'))).toContain('brackets do not match');
    expect(refusal(parseShape(''))).toContain('got an empty answer');
  });

  it('formatShape() writes tuples as Python does', () => {
    expect([formatShape([5, 3, 40]), formatShape([7]), formatShape([])]).toEqual(['(5, 3, 40)', '(7,)', '()']);
  });
});
