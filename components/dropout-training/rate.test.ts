import { describe, expect, it } from 'vitest';
import { addSample, keepsPace, measureRate, RATE_WINDOW_MS, type RateSample } from './rate';

describe('addSample() and measureRate()', () => {
  it('measures updates a second and epochs a minute over the readings', () => {
    let samples: RateSample[] = [];
    for (let t = 0; t <= 2000; t += 500) samples = addSample(samples, { time: t, steps: t / 25 }); // 40 updates a second
    expect(measureRate(samples, 16)).toEqual({ stepsPerSecond: 40, epochsPerMinute: 150 });
  });

  it('keeps only the last window (and one reading before it), so the rate follows a change of speed', () => {
    let samples: RateSample[] = [];
    for (let t = 0; t <= 10_000; t += 1000) samples = addSample(samples, { time: t, steps: t < 5000 ? t / 10 : 500 + (t - 5000) / 50 });
    expect(samples[0]?.time).toBe(10_000 - RATE_WINDOW_MS);
    expect(measureRate(samples, 10)?.stepsPerSecond).toBe(20);
  });

  it('starts again after a restart, and measures nothing from too short a time or no progress', () => {
    const samples = addSample([{ time: 0, steps: 100 }], { time: 1000, steps: 3 });
    expect(samples).toEqual([{ time: 1000, steps: 3 }]);
    expect(measureRate(samples, 16)).toBeUndefined();
    expect(measureRate([{ time: 0, steps: 5 }, { time: 2000, steps: 5 }], 16)).toBeUndefined();
    expect(measureRate([{ time: 0, steps: 5 }, { time: 100, steps: 9 }], 16)).toBeUndefined();
  });
});

describe('keepsPace()', () => {
  it('says a run keeps the pace asked unless it is more than a quarter slower', () => {
    expect(keepsPace(5, 5)).toBe(true);
    expect(keepsPace(6.2, 5)).toBe(true);
    expect(keepsPace(6.3, 5)).toBe(false);
    expect(keepsPace(0.9, 1)).toBe(true);
  });
});
