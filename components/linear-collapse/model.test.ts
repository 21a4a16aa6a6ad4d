import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCollapse } from './model';

describe('computeCollapse()', () => {
  it('computeCollapse() gives equal outputs for two linear layers, for every seed and input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -9, max: 9 }), fc.integer({ min: -9, max: 9 }), (seed, a, b) => {
        const c = computeCollapse(seed, [a, b], false);
        expect(c.twoLayers).toEqual(c.oneLayer);
      }),
    );
  });

  it('computeCollapse() with ReLU differs from the merged layer when a hidden unit is negative', () => {
    let found = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const c = computeCollapse(seed, [1, -2], true);
      const clipped = c.preActivation.some((v) => v < 0);
      // A clipped unit matters unless the second layer ignores it (zero weight column).
      const ignored = c.preActivation.every((v, j) => v >= 0 || c.second.W.every((row) => row[j] === 0));
      if (!clipped || ignored) expect(c.twoLayers).toEqual(c.oneLayer);
      else if (c.twoLayers.some((v, i) => v !== c.oneLayer[i])) found++;
    }
    expect(found).toBeGreaterThan(10);
  });

  it('computeCollapse() merges W′ = W₂W₁ on a hand-checked case', () => {
    const c = computeCollapse(1, [0, 0], false);
    // At x = 0 both sides reduce to the biases: y = W₂b₁ + b₂ = b′.
    expect(c.oneLayer).toEqual(c.merged.b);
    const [row0 = []] = c.second.W;
    const col0 = c.first.W.map((r) => r[0] ?? NaN);
    expect(c.merged.W[0]?.[0]).toBe(row0.reduce((s, w, k) => s + w * (col0[k] ?? NaN), 0));
  });
});
