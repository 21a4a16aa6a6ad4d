import { describe, expect, it } from 'vitest';
import { formatMatrix, formatMatrixForUrl, parseMatrix, unflatten } from './matrix-text';

const limits = { maxRows: 4, maxCols: 4, maxAbs: 1000 };

describe('parseMatrix()', () => {
  it('parseMatrix() reads rows separated by lines or semicolons, numbers by spaces or commas', () => {
    expect(parseMatrix('1 2 3\n4,5,6', limits)).toEqual({ ok: true, rows: [[1, 2, 3], [4, 5, 6]] });
    expect(parseMatrix('1,2;3,4', limits)).toEqual({ ok: true, rows: [[1, 2], [3, 4]] });
    expect(parseMatrix('\n  -1.5  2e2 \n\n 0 .5\n', limits)).toEqual({ ok: true, rows: [[-1.5, 200], [0, 0.5]] });
  });

  it('parseMatrix() points at the line that is not a number', () => {
    expect(parseMatrix('1 2\n3 x4', limits)).toEqual({ ok: false, line: 2, message: 'line 2: “x4” is not a number' });
  });

  it('parseMatrix() points at a row of the wrong length', () => {
    expect(parseMatrix('1 2 3\n\n4 5', limits)).toEqual({
      ok: false,
      line: 3,
      message: 'line 3 has 2 numbers, but line 1 has 3: every row needs the same length',
    });
  });

  it('parseMatrix() enforces the size and value limits', () => {
    expect(parseMatrix('1 2 3 4 5', limits)).toMatchObject({ ok: false, message: 'line 1 has 5 numbers; at most 4 fit' });
    expect(parseMatrix('1\n2\n3\n4\n5', limits)).toMatchObject({ ok: false, line: 5 });
    expect(parseMatrix('1 2000', limits)).toMatchObject({ ok: false, message: 'line 1: 2000 is too large; use numbers from −1000 to 1000' });
    expect(parseMatrix('  \n ', limits)).toEqual({ ok: false, line: undefined, message: 'there are no numbers: type one row per line' });
  });
});

describe('formatMatrix()', () => {
  it('formatMatrix() and formatMatrixForUrl() round-trip through parseMatrix()', () => {
    const rows = [[1, -2.5], [0.125, 7]];
    expect(parseMatrix(formatMatrix(rows), limits)).toEqual({ ok: true, rows });
    expect(formatMatrixForUrl(rows)).toBe('1,-2.5;0.125,7');
    expect(parseMatrix(formatMatrixForUrl(rows), limits)).toEqual({ ok: true, rows });
  });

  it('unflatten() cuts row-major values into rows', () => {
    expect(unflatten([1, 2, 3, 4, 5, 6], 2, 3)).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
});
