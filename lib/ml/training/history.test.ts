import { describe, expect, it } from 'vitest';
import { History } from './history';

describe('History', () => {
  it('History.push() records every step until full', () => {
    const h = new History(['a', 'b'], 8);
    for (let s = 0; s < 5; s++) h.push(s, [s, -s]);
    const snap = h.snapshot();
    expect(Array.from(snap.steps)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(snap.columns.b ?? [])).toEqual([-0, -1, -2, -3, -4]);
  });

  it('History.push() halves the resolution when full and keeps the whole range', () => {
    const h = new History(['loss'], 8);
    for (let s = 0; s <= 100; s++) h.push(s, [s * 2]);
    const steps = Array.from(h.snapshot().steps);
    expect(steps.length).toBeLessThanOrEqual(8);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBeGreaterThanOrEqual(100 - 16);
    const stride = (steps[1] ?? 0) - (steps[0] ?? 0);
    expect(steps.every((s, i) => s === i * stride)).toBe(true);
    expect(Array.from(h.snapshot().columns.loss ?? [])).toEqual(steps.map((s) => s * 2));
  });

  it('History.snapshot() copies, so later pushes do not change an earlier snapshot', () => {
    const h = new History(['x'], 4);
    h.push(0, [1]);
    const snap = h.snapshot();
    h.push(1, [2]);
    expect(Array.from(snap.steps)).toEqual([0]);
  });

  it('History rejects a wrong number of values and an odd capacity', () => {
    expect(() => new History(['x'], 3)).toThrow(/even capacity/);
    expect(() => new History(['x', 'y'], 4).push(0, [1])).toThrow('expected 2 values, got 1');
  });
});
