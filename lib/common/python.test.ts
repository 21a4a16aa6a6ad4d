import { describe, expect, it } from 'vitest';
import { pythonBool, pythonFloat, pythonList, pythonTuple } from './python';

describe('pythonFloat()', () => {
  it("pythonFloat() gives Python's repr() (values checked in CPython 3.11)", () => {
    const cases: [number, string][] = [
      [0.5, '0.5'],
      [1, '1.0'],
      [0, '0.0'],
      [1e-5, '1e-05'],
      [0.0001, '0.0001'],
      [0.00012, '0.00012'],
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [123, '123.0'],
      [0.1 + 0.2, '0.30000000000000004'],
      [1.5e-7, '1.5e-07'],
      [1.2345678901234568e16, '1.2345678901234568e+16'],
      [-2.5, '-2.5'],
    ];
    for (const [value, repr] of cases) expect(pythonFloat(value)).toBe(repr);
  });
});

describe('pythonTuple(), pythonList(), pythonBool()', () => {
  it('pythonTuple() adds the trailing comma of a 1-tuple', () => {
    expect(pythonTuple([2, 3, 20])).toBe('(2, 3, 20)');
    expect(pythonTuple([5])).toBe('(5,)');
    expect(pythonList([1, 3, 20])).toBe('[1, 3, 20]');
    expect(pythonBool(true)).toBe('True');
  });
});
