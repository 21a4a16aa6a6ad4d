import { describe, expect, it } from 'vitest';
import { drawStroke, hasInk, togglePixel } from './pad-ink';

const blank = (): Float32Array => new Float32Array(28 * 28);

describe('drawStroke()', () => {
  it('draws a dot for a stroke of one point: full ink within the radius, none beyond it', () => {
    const ink = drawStroke(blank(), 28, { row: 10.5, col: 10.5 }, { row: 10.5, col: 10.5 }, 1.4);
    expect(ink[10 * 28 + 10]).toBe(1);
    // The next pixel's centre is 1 away: coverage 1.4 + 0.5 − 1; two pixels across, 2 away: none.
    expect(ink[10 * 28 + 11]).toBeCloseTo(0.9, 6);
    expect(ink[10 * 28 + 12]).toBe(0);
    // The diagonal neighbour at distance √2 ≈ 1.414 is partly covered.
    expect(ink[11 * 28 + 11]).toBeCloseTo(1.9 - Math.SQRT2, 6);
  });

  it('draws a line between two points and leaves its input untouched', () => {
    const before = blank();
    const ink = drawStroke(before, 28, { row: 5.5, col: 2.5 }, { row: 5.5, col: 20.5 });
    for (let c = 2; c <= 20; c++) expect(ink[5 * 28 + c]).toBe(1);
    expect(ink[5 * 28 + 24]).toBe(0);
    expect(hasInk(before)).toBe(false);
    expect(hasInk(ink)).toBe(true);
  });

  it('keeps the darker ink where strokes cross, and clips at the pad\'s edge', () => {
    const a = drawStroke(blank(), 28, { row: 0, col: 0 }, { row: 0, col: 0 }, 3);
    const b = drawStroke(a, 28, { row: 27.9, col: 27.9 }, { row: 27.9, col: 27.9 }, 0.2);
    expect(b[0]).toBe(1);
    expect(b[27 * 28 + 27]).toBeGreaterThan(0);
  });
});

describe('togglePixel()', () => {
  it('turns paper to full ink and ink (more than half) to paper', () => {
    const on = togglePixel(blank(), 28, 3, 4);
    expect(on[3 * 28 + 4]).toBe(1);
    expect(togglePixel(on, 28, 3, 4)[3 * 28 + 4]).toBe(0);
    const faint = blank();
    faint[0] = 0.3;
    expect(togglePixel(faint, 28, 0, 0)[0]).toBe(1);
  });

  it('refuses a pixel outside the pad, saying which', () => {
    expect(() => togglePixel(blank(), 28, 28, 0)).toThrow('togglePixel: expected a pixel inside the 28 × 28 pad, got row 28, column 0');
  });
});
