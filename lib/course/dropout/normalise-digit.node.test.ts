import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDigits } from './load-digits.node';
import { BOX_SIDE, centreInField, centreOfMass, digitForNetwork, enlarge, FIELD_CENTRE, FIELD_SIDE, inkBounds, resampleBox, shrinkField } from './normalise-digit';

const digits = loadDigits();
const digit = (i: number): Float32Array => digits.pixels.subarray(i * 196, (i + 1) * 196);

/** The first `count` 28 × 28 images of one class in the mnist package (MNIST as published: already centred in its field). */
function mnistImages(label: number, count: number): Float32Array[] {
  const root = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  const { data } = JSON.parse(readFileSync(join(root, 'src', 'digits', `${label}.json`), 'utf8')) as { data: number[] };
  return Array.from({ length: count }, (_, k) => Float32Array.from(data.slice(k * 784, (k + 1) * 784)));
}

const meanAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a, (v, i) => Math.abs(v - (b[i] ?? 0))).reduce((s, d) => s + d, 0) / a.length;

describe('inkBounds() and centreOfMass()', () => {
  it('inkBounds() finds the box of the ink, and nothing on an empty image', () => {
    const ink = new Float32Array(28 * 28);
    ink[3 * 28 + 5] = 0.2;
    ink[10 * 28 + 20] = 1;
    expect(inkBounds(ink, 28, 28)).toEqual({ top: 3, bottom: 11, left: 5, right: 21 });
    expect(inkBounds(new Float32Array(784), 28, 28)).toBeUndefined();
    expect(() => inkBounds(new Float32Array(10), 28, 28)).toThrow('inkBounds: expected 28 × 28 = 784 values, got 10');
  });

  it('centreOfMass() weighs each pixel by its ink', () => {
    const ink = new Float32Array(4 * 4);
    ink[0] = 1;
    ink[3 * 4 + 3] = 3;
    expect(centreOfMass(ink, 4, 4)).toEqual({ row: 2.25, col: 2.25 });
    expect(centreOfMass(new Float32Array(16), 4, 4)).toBeUndefined();
  });

  it('MNIST put its digits\' centre of mass at pixel (14, 14) and their longer side at 20 pixels, as centreInField() does', () => {
    const rows: number[] = [];
    const cols: number[] = [];
    for (let label = 0; label < 10; label++) {
      for (const image of mnistImages(label, 20)) {
        const com = centreOfMass(image, 28, 28);
        rows.push(com?.row ?? 0);
        cols.push(com?.col ?? 0);
        expect(Math.abs((com?.row ?? 0) - FIELD_CENTRE)).toBeLessThan(1);
        expect(Math.abs((com?.col ?? 0) - FIELD_CENTRE)).toBeLessThan(1);
        const box = inkBounds(image, 28, 28);
        expect(box && Math.max(box.bottom - box.top, box.right - box.left)).toBe(BOX_SIDE);
      }
    }
    const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
    expect(FIELD_CENTRE).toBe(14);
    expect(Math.abs(mean(rows) - FIELD_CENTRE)).toBeLessThan(0.1);
    expect(Math.abs(mean(cols) - FIELD_CENTRE)).toBeLessThan(0.1);
  });
});

describe('resampleBox()', () => {
  it('shrinks by averaging the area each new pixel covers, and keeps the total ink per area', () => {
    const ink = Float32Array.from([1, 0, 0, 1, 1, 1, 0, 0, 1]);
    const out = resampleBox(ink, 3, { top: 0, bottom: 3, left: 0, right: 3 }, 2, 2);
    // Pixel (0, 0) covers rows and columns 0 … 1.5: 1 + 0.5·0 + 0.5·1 + 0.25·1 over 2.25.
    expect(out[0]).toBeCloseTo((1 + 0 + 0.5 + 0.25) / 2.25, 6);
    expect(out.reduce((s, v) => s + v, 0) * 2.25).toBeCloseTo(5, 5);
  });

  it('enlarging by a whole factor repeats each pixel', () => {
    const out = resampleBox(Float32Array.from([0.2, 0.8]), 2, { top: 0, bottom: 1, left: 0, right: 2 }, 2, 4);
    expect(Array.from(out)).toEqual([0.2, 0.2, 0.8, 0.8, 0.2, 0.2, 0.8, 0.8].map(Math.fround));
  });
});

describe('centreInField(), as MNIST normalised its digits', () => {
  it('scales the ink so its longer side is 20 pixels, keeping its aspect ratio, with its centre of mass at the field centre', () => {
    // A bar 2 wide and 8 tall in the pad's corner: it becomes 20 tall and 5 wide, in the middle.
    const ink = new Float32Array(28 * 28);
    for (let r = 1; r < 9; r++) for (let c = 1; c < 3; c++) ink[r * 28 + c] = 1;
    const field = centreInField(ink, 28);
    expect(field).toBeDefined();
    const box = inkBounds(field ?? [], 28, 28);
    expect(box && box.bottom - box.top).toBe(BOX_SIDE);
    expect(box && box.right - box.left).toBe(5);
    const com = centreOfMass(field ?? [], 28, 28);
    expect(Math.abs((com?.row ?? 0) - FIELD_CENTRE)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((com?.col ?? 0) - FIELD_CENTRE)).toBeLessThanOrEqual(0.5);
  });

  it('moves a digit drawn off-centre to the centre: the same digit drawn anywhere on the pad gives the same field', () => {
    const [seven] = mnistImages(7, 1);
    const shifted = (dr: number, dc: number): Float32Array => {
      const out = new Float32Array(784);
      for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) if (r + dr >= 0 && r + dr < 28 && c + dc >= 0 && c + dc < 28) out[(r + dr) * 28 + c + dc] = seven?.[r * 28 + c] ?? 0;
      return out;
    };
    const box = inkBounds(seven ?? [], 28, 28);
    if (!box) throw new Error('expected ink in the first 7');
    const centred = centreInField(seven ?? [], 28);
    // Pushed into the pad's top-left corner, and into its bottom-right corner.
    expect(centreInField(shifted(-box.top, -box.left), 28)).toEqual(centred);
    expect(centreInField(shifted(28 - box.bottom, 28 - box.right), 28)).toEqual(centred);
    expect(centreInField(shifted(28 - box.bottom, 0), 28)).toEqual(centred);
  });

  it('leaves MNIST\'s own digits (already normalised) nearly as they were', () => {
    const diffs = [];
    for (let label = 0; label < 10; label++) for (const image of mnistImages(label, 20)) diffs.push(meanAbsDiff(centreInField(image, 28) ?? [], image));
    const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
    // 199 of these 200 come out unchanged (measured); for scale, a digit against an empty field differs by its mean ink, about 0.13.
    expect(diffs.filter((d) => d === 0).length).toBeGreaterThanOrEqual(195);
    expect(mean).toBeLessThan(0.002);
  });

  it('gives nothing for a pad without ink', () => {
    expect(centreInField(new Float32Array(784), 28)).toBeUndefined();
    expect(digitForNetwork(new Float32Array(784), 28)).toBeUndefined();
  });
});

describe('shrinkField() and digitForNetwork()', () => {
  it('shrinkField() averages 2 × 2 blocks at 16 grey levels, as scripts/make-digits.mjs did', () => {
    const field = new Float32Array(784);
    field.set([1, 0.5], 0);
    field.set([0.2, 0], 28);
    const out = shrinkField(field);
    expect(out).toHaveLength(196);
    expect(out[0]).toBe(Math.fround(Math.round((1.7 / 4) * 15) / 15));
    expect(out.slice(1).every((v) => v === 0)).toBe(true);
  });

  it('a digit of the dataset drawn on the pad (each pixel 2 × 2) comes back as itself or very close', () => {
    let same = 0;
    const diffs: number[] = [];
    for (let i = 0; i < digits.n; i += 10) {
      const back = digitForNetwork(enlarge(digit(i), 14, 2), FIELD_SIDE)?.pixels ?? new Float32Array(196);
      const d = meanAbsDiff(back, digit(i));
      diffs.push(d);
      if (d === 0) same++;
    }
    const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
    // Measured over all 3,000: 46 % unchanged, mean difference 0.026 (the mean ink is 0.13). The rest differ because a
    // digit's box, 20 pixels at 28 × 28, is 20 or 22 once its 14 × 14 pixels are drawn 2 × 2, and is scaled back to 20.
    expect(same / diffs.length).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.03);
  });
});
