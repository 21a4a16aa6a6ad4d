import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine';
import { drawShifts, shiftImages } from './shift';

/** A side × side image whose pixel (r, c) is 1 + r · side + c: every pixel tells where it came from. */
const numbered = (side: number): Float32Array => Float32Array.from({ length: side * side }, (_, i) => i + 1);
const pixel = (x: Float32Array, side: number, r: number, c: number): number => x[r * side + c] ?? NaN;

describe('shiftImages()', () => {
  it('moves every pixel by exactly (dx, dy), right and down, and fills what comes in with zeros', () => {
    const side = 5;
    const x = numbered(side);
    for (const [dx, dy] of [[1, 0], [0, 1], [-2, 1], [2, -2], [-1, -1]] as const) {
      const out = shiftImages(x, side, Int8Array.of(dx, dy));
      for (let r = 0; r < side; r++) {
        for (let c = 0; c < side; c++) {
          const inside = r - dy >= 0 && r - dy < side && c - dx >= 0 && c - dx < side;
          expect(pixel(out, side, r, c), `(${dx}, ${dy}) at row ${r}, column ${c}`).toBe(inside ? pixel(x, side, r - dy, c - dx) : 0);
        }
      }
    }
  });

  it('a 3 × 3 example written out: one pixel right and one up', () => {
    expect(Array.from(shiftImages(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), 3, Int8Array.of(1, -1)))).toEqual([0, 4, 5, 0, 7, 8, 0, 0, 0]);
  });

  it('is the identity for a shift of (0, 0), and returns a new array', () => {
    const x = numbered(14);
    const out = shiftImages(x, 14, Int8Array.of(0, 0));
    expect(Array.from(out)).toEqual(Array.from(x));
    expect(out).not.toBe(x);
  });

  it('shifting back by (−dx, −dy) restores the image inside a border of |dx| columns and |dy| rows, and zeros in it', () => {
    const side = 14;
    const x = numbered(side);
    for (const [dx, dy] of [[2, 1], [-1, 2], [-2, -2]] as const) {
      const back = shiftImages(shiftImages(x, side, Int8Array.of(dx, dy)), side, Int8Array.of(-dx, -dy));
      for (let r = 0; r < side; r++) {
        for (let c = 0; c < side; c++) {
          const kept = (dy >= 0 ? r < side - dy : r >= -dy) && (dx >= 0 ? c < side - dx : c >= -dx);
          expect(pixel(back, side, r, c)).toBe(kept ? pixel(x, side, r, c) : 0);
        }
      }
    }
  });

  it('shifts each image of a batch by its own (dx, dy)', () => {
    const side = 4;
    const a = numbered(side);
    const b = a.map((v) => 100 + v);
    const batch = new Float32Array(2 * side * side);
    batch.set(a);
    batch.set(b, side * side);
    const out = shiftImages(batch, side, Int8Array.of(1, 0, 0, -1));
    expect(Array.from(out.subarray(0, side * side))).toEqual(Array.from(shiftImages(a, side, Int8Array.of(1, 0))));
    expect(Array.from(out.subarray(side * side))).toEqual(Array.from(shiftImages(b, side, Int8Array.of(0, -1))));
  });

  it('refuses a batch whose size does not match the shifts, saying what it expected', () => {
    expect(() => shiftImages(new Float32Array(10), 3, Int8Array.of(0, 0))).toThrow('shiftImages: expected 1 images of 3 × 3 (9 values) for 1 shifts, got 10 values');
  });
});

describe('drawShifts()', () => {
  it('draws whole numbers in −s … s, every one of them, and is seeded', () => {
    const shifts = drawShifts(new Rng(3), 500, 2);
    expect(shifts).toHaveLength(1000);
    expect(new Set(shifts)).toEqual(new Set([-2, -1, 0, 1, 2]));
    expect(Array.from(drawShifts(new Rng(3), 500, 2))).toEqual(Array.from(shifts));
    expect(new Set(drawShifts(new Rng(4), 200, 1))).toEqual(new Set([-1, 0, 1]));
  });

  it('draws nothing (leaves the generator where it was) for s = 0', () => {
    const rng = new Rng(9);
    expect(Array.from(drawShifts(rng, 4, 0))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(rng.nextUint32()).toBe(new Rng(9).nextUint32());
  });
});
