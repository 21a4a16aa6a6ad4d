import { describe, expect, it } from 'vitest';
import { Linear } from './linear';
import { Conv2d } from './conv';
import { Rng } from '../random';
import { ones } from '../create';

describe('nn.Linear', () => {
  it('Linear() maps (*, in) to (*, out) with weight (out, in)', () => {
    const layer = new Linear(3, 2, { rng: new Rng(1) });
    expect(layer.weight.shape).toEqual([2, 3]);
    expect(layer.forward(ones([4, 5, 3])).shape).toEqual([4, 5, 2]);
    const noBias = new Linear(3, 2, { rng: new Rng(1), bias: false });
    expect(noBias.bias).toBeNull();
    expect(noBias.namedParameters().map(([name]) => name)).toEqual(['weight']);
    expect(new Linear(3, 2, { rng: new Rng(1), dtype: 'float64' }).weight.dtype).toBe('float64');
  });

  it("Linear() and Conv2d() initialise weight and bias from U(-1/sqrt(fan_in), 1/sqrt(fan_in)), PyTorch's default", () => {
    for (const [layer, fanIn] of [[new Linear(64, 200, { rng: new Rng(7) }), 64], [new Conv2d(4, 50, 3, { rng: new Rng(8) }), 36]] as const) {
      const bound = 1 / Math.sqrt(fanIn);
      const w = [...layer.weight.data];
      const b = [...layer.bias!.data];
      expect(Math.max(...[...w, ...b].map(Math.abs))).toBeLessThanOrEqual(bound);
      expect(Math.max(...w)).toBeGreaterThan(0.98 * bound);
      expect(w.reduce((s, v) => s + v * v, 0) / w.length).toBeCloseTo(bound ** 2 / 3, 3);
    }
  });
});
