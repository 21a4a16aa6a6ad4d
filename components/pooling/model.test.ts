import { describe, expect, it } from 'vitest';
import { poolForwardBackward } from '../../lib/course/pooling/forward-backward';
import { parseState, writeState, defaultsOf } from '../../lib/common/url-state';
import { EXAMPLE_MAP, poolSchema, shiftMap, upstreamGradient } from './model';

describe('EXAMPLE_MAP', () => {
  it('EXAMPLE_MAP pools to the numbers its comment states, with the tie going to the first 4', () => {
    const r = poolForwardBackward({
      mode: 'max',
      map: Float64Array.from(EXAMPLE_MAP.flat()),
      height: 6,
      width: 6,
      spec: { kernel: 2, stride: 2, padding: 0 },
      upstream: new Float64Array(9).fill(1),
    });
    expect([...r.output]).toEqual([4, 2, 6, 5, 7, 4, 6, 8, 3]);
    // The window at output (1, 2) covers (2..3, 4..5): 1 0 / 4 4; the gradient goes to (3, 4), not (3, 5).
    expect(r.inputGrad[3 * 6 + 4]).toBe(1);
    expect(r.inputGrad[3 * 6 + 5]).toBe(0);
  });
});

describe('upstreamGradient()', () => {
  it('upstreamGradient() gives all ones, a one-hot cell, or the reader’s matrix', () => {
    expect([...upstreamGradient('ones', [], 2, 2, { row: 0, col: 0 }).values]).toEqual([1, 1, 1, 1]);
    expect([...upstreamGradient('cell', [], 2, 3, { row: 1, col: 2 }).values]).toEqual([0, 0, 0, 0, 0, 1]);
    expect(upstreamGradient('custom', [[1, 2], [3, 4]], 2, 2, { row: 0, col: 0 })).toEqual({ values: Float64Array.from([1, 2, 3, 4]), problem: undefined });
  });

  it('upstreamGradient() falls back to ones and says why when the matrix does not fit the output', () => {
    const u = upstreamGradient('custom', [[1, 2, 3]], 2, 2, { row: 0, col: 0 });
    expect([...u.values]).toEqual([1, 1, 1, 1]);
    expect(u.problem).toBe('dL/dy must have the output’s size, 2 × 2; yours is 1 × 3. Using all ones until it fits.');
  });
});

describe('shiftMap()', () => {
  it('shiftMap() moves the map and lets zeros in', () => {
    expect(shiftMap([[1, 2], [3, 4]], 0, 1)).toEqual([[0, 1], [0, 3]]);
    expect(shiftMap([[1, 2], [3, 4]], -1, 0)).toEqual([[3, 4], [0, 0]]);
  });
});

describe('poolSchema', () => {
  it('poolSchema round-trips a map and a custom gradient through the URL, and refuses a ragged one', () => {
    const values = { ...defaultsOf(poolSchema), map: [[1, -2.5], [0, 3]], grad: 'custom' as const, g: [[0.5]] };
    const params = new URLSearchParams();
    writeState(poolSchema, values, params);
    expect(params.get('map')).toBe('1,-2.5;0,3');
    expect(parseState(poolSchema, params).values).toEqual(values);
    const bad = parseState(poolSchema, new URLSearchParams('map=1,2;3'));
    expect(bad.values.map).toBe(EXAMPLE_MAP);
    expect(bad.notices[0]?.message).toMatch(/^Ignored “map=1,2;3” from the link: expected rows of numbers/);
  });
});
