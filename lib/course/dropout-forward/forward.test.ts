import { describe, expect, it } from 'vitest';
import { dropoutForward, hiddenActivations, UNITS, type ForwardRequest } from './forward';
import { dropoutForwardJob } from './forward.job';

const base: ForwardRequest = { p: 0.5, training: true, seed: 1, passes: 1, scaled: true };
const h = hiddenActivations();

/** Five standard deviations of the mean of n draws of m·h/(1 − p) (or m·h unscaled), for the largest h. */
function meanBound(p: number, n: number, scaled: boolean): number {
  const hMax = Math.max(...h);
  const sd = Math.sqrt(p * (1 - p) / n) * hMax * (scaled ? 1 / (1 - p) : 1);
  return 5 * sd;
}

describe('hiddenActivations()', () => {
  it('is a fixed float32 vector of U values in [0.1, 1] with two decimals', () => {
    expect(h).toBeInstanceOf(Float32Array);
    expect(h.length).toBe(UNITS);
    expect(Array.from(hiddenActivations())).toEqual(Array.from(h));
    for (const v of h) {
      expect(v).toBeGreaterThanOrEqual(Math.fround(0.1));
      expect(v).toBeLessThanOrEqual(1);
      expect(Math.fround(Math.round(v * 100) / 100)).toBe(v);
    }
  });
});

describe('dropoutForward()', () => {
  it('drops a share of units near p over many draws (binomial, 5 standard deviations)', () => {
    for (const p of [0.1, 0.5, 0.9]) {
      let dropped = 0;
      const seeds = 400;
      for (let seed = 1; seed <= seeds; seed++) dropped += dropoutForward({ ...base, p, seed }).kept.filter((k) => !k).length;
      const n = seeds * UNITS;
      expect(Math.abs(dropped / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it('keeps units at exactly h/(1 − p) in float32 and zeroes the dropped ones', () => {
    for (const p of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      const scale = Math.fround(1 / (1 - p));
      const seen = new Set<boolean>();
      for (let seed = 1; seed <= 20; seed++) {
        const r = dropoutForward({ ...base, p, seed });
        r.kept.forEach((kept, i) => {
          seen.add(kept);
          expect(r.factor[i]).toBe(kept ? scale : 0);
          expect(r.output[i]).toBe(kept ? Math.fround(h[i]! * scale) : 0);
        });
      }
      expect(seen.size).toBe(2); // both kept and dropped units were checked
    }
  });

  it('in evaluation mode returns h exactly, on every pass', () => {
    const r = dropoutForward({ ...base, training: false, passes: 100 });
    expect(Array.from(r.output)).toEqual(Array.from(h));
    expect(r.kept.every((k) => k)).toBe(true);
    expect(Array.from(r.mean)).toEqual(Array.from(h));
    expect(r.gapToH).toBe(0);
    expect(Math.max(...r.gapHistory)).toBe(0);
    // The scaling switch changes nothing in evaluation mode.
    expect(Array.from(dropoutForward({ ...base, training: false, scaled: false }).output)).toEqual(Array.from(h));
  });

  it('with p = 0 keeps every unit unchanged, and with p = 1 (as PyTorch 1.13) returns zeros', () => {
    const none = dropoutForward({ ...base, p: 0, passes: 10 });
    expect(Array.from(none.output)).toEqual(Array.from(h));
    expect(none.gapToH).toBe(0);
    const all = dropoutForward({ ...base, p: 1, passes: 10 });
    expect(all.kept.every((k) => !k)).toBe(true);
    expect(Array.from(all.output)).toEqual(new Array(UNITS).fill(0));
    expect(all.gapToH).toBeCloseTo(Math.max(...h), 6);
  });

  it('averaged over passes converges to h, its largest gap within the binomial bound and shrinking', () => {
    for (const p of [0.25, 0.5, 0.9]) {
      const r = dropoutForward({ ...base, p, passes: 1000, seed: 3 });
      expect(r.gapToH).toBeLessThan(meanBound(p, 1000, true));
      expect(r.gapToLimit).toBe(r.gapToH);
      expect(r.gapHistory.length).toBe(1000);
      expect(r.gapHistory[999]).toBeCloseTo(r.gapToH, 12);
      expect(r.gapHistory[999]!).toBeLessThan(r.gapHistory[9]!);
      expect(Array.from(r.hGapHistory)).toEqual(Array.from(r.gapHistory));
    }
  });

  it('without the scaling converges to (1 − p)·h instead, far from h', () => {
    const p = 0.5;
    const r = dropoutForward({ ...base, p, passes: 1000, scaled: false, seed: 3 });
    expect(r.gapToLimit).toBeLessThan(meanBound(p, 1000, false));
    r.limit.forEach((l, i) => expect(l).toBeCloseTo((1 - p) * h[i]!, 6));
    expect(r.gapToH).toBeGreaterThan(p * Math.max(...h) - meanBound(p, 1000, false));
    expect(r.hGapHistory[999]).toBeCloseTo(r.gapToH, 12);
    expect(r.gapHistory[999]).toBeCloseTo(r.gapToLimit, 12);
    r.kept.forEach((kept, i) => {
      expect(r.factor[i]).toBe(kept ? 1 : 0);
      expect(r.output[i]).toBe(kept ? h[i] : 0);
    });
  });

  it('shows the same first mask whatever the number of passes, and a new one for a new seed', () => {
    const one = dropoutForward({ ...base, seed: 5 });
    const many = dropoutForward({ ...base, seed: 5, passes: 100 });
    expect(many.kept).toEqual(one.kept);
    expect(Array.from(many.output)).toEqual(Array.from(one.output));
    expect(dropoutForward({ ...base, seed: 5, scaled: false }).kept).toEqual(one.kept);
    expect(dropoutForward({ ...base, seed: 6 }).kept).not.toEqual(one.kept);
  });

  it('refuses a probability outside [0, 1] and a pass count below 1, saying what it got', () => {
    expect(() => dropoutForward({ ...base, p: 1.5 })).toThrow('dropoutForward: expected a probability p from 0 to 1, got 1.5');
    expect(() => dropoutForward({ ...base, passes: 0 })).toThrow('expected a whole number of passes ≥ 1, got 0');
  });
});

describe('dropoutForwardJob()', () => {
  it('answers with dropoutForward()’s result', async () => {
    const request = { ...base, passes: 10 };
    const r = await dropoutForwardJob(request, { signal: new AbortController().signal, emit: () => undefined, checkpoint: async () => undefined } as never);
    expect(Array.from(r.mean)).toEqual(Array.from(dropoutForward(request).mean));
  });
});
