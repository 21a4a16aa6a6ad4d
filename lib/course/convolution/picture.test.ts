import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitWithin, LUMA, makePicture, pictureFromRgba, pixel, toGrayscale, toRgb } from './picture';
import { samplePicture, SAMPLE_IDS, SAMPLES } from './samples';

describe('fitWithin()', () => {
  it('fitWithin() scales a large photo down to 64 on its long side, keeping the aspect ratio', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 64, height: 48 });
    expect(fitWithin(1080, 1920)).toEqual({ width: 36, height: 64 });
    expect(fitWithin(20, 10)).toEqual({ width: 20, height: 10 });
    expect(fitWithin(10_000, 1)).toEqual({ width: 64, height: 1 });
  });

  it('fitWithin() never exceeds the limit and keeps the aspect ratio to within a pixel', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 128 }), (w, h, max) => {
        const fit = fitWithin(w, h, max);
        expect(fit.width).toBeLessThanOrEqual(Math.min(max, w));
        expect(fit.height).toBeLessThanOrEqual(Math.min(max, h));
        expect(Math.max(fit.width, fit.height)).toBe(Math.min(Math.max(w, h), max));
        const scale = Math.min(1, max / w, max / h);
        expect(Math.abs(fit.width - w * scale)).toBeLessThanOrEqual(0.5 + 1e-9 + (w * scale < 1 ? 1 : 0));
        expect(Math.abs(fit.height - h * scale)).toBeLessThanOrEqual(0.5 + 1e-9 + (h * scale < 1 ? 1 : 0));
      }),
    );
  });

  it('fitWithin() refuses an empty image', () => {
    expect(() => fitWithin(0, 10)).toThrow('fitWithin: expected a size of at least 1 × 1, got 0 × 10');
  });
});

describe('pictureFromRgba()', () => {
  it('pictureFromRgba() divides by 255 and composites transparency over white', () => {
    const rgba = Uint8ClampedArray.from([255, 0, 51, 255, 0, 0, 0, 0]);
    const p = pictureFromRgba(rgba, 2, 1);
    expect([pixel(p, 0, 0, 0), pixel(p, 1, 0, 0), pixel(p, 2, 0, 0)]).toEqual([1, 0, 0.2]);
    expect([pixel(p, 0, 0, 1), pixel(p, 1, 0, 1), pixel(p, 2, 0, 1)]).toEqual([1, 1, 1]);
  });

  it('pictureFromRgba() checks the byte count', () => {
    expect(() => pictureFromRgba(new Uint8ClampedArray(7), 2, 1)).toThrow('pictureFromRgba: expected 8 bytes for 2 × 1 RGBA, got 7');
  });
});

describe('toGrayscale()', () => {
  it('toGrayscale() weighs red, green and blue by BT.601 luma', () => {
    const p = makePicture(3, 1, 1, (c) => [0.2, 0.6, 1][c]!);
    expect(pixel(toGrayscale(p), 0, 0, 0)).toBeCloseTo(LUMA[0] * 0.2 + LUMA[1] * 0.6 + LUMA[2] * 1, 15);
    expect(LUMA[0] + LUMA[1] + LUMA[2]).toBeCloseTo(1, 15);
  });

  it('toRgb() and toGrayscale() round-trip a grayscale picture', () => {
    const g = makePicture(1, 2, 3, (_, r, c) => (r + c) / 4);
    const back = toGrayscale(toRgb(g));
    g.data.forEach((v, i) => expect(back.data[i]).toBeCloseTo(v, 14));
  });
});

describe('samplePicture()', () => {
  it('samplePicture() draws every sample in colour, at the size its label states, with values in [0, 1]', () => {
    for (const id of SAMPLE_IDS) {
      const p = samplePicture(id);
      expect(p.channels).toBe(3);
      expect(p.data.length).toBe(3 * p.height * p.width);
      expect(SAMPLES[id].label).toContain(`${p.height} × ${p.width}`);
      for (const v of p.data) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });

  it('samplePicture() of the dot has a single bright pixel in the middle', () => {
    const g = toGrayscale(samplePicture('dot'));
    const bright = [...g.data].map((v, i) => [v, i] as const).filter(([v]) => v > 0.5);
    expect(bright.map(([, i]) => i)).toEqual([4 * 9 + 4]);
  });
});
