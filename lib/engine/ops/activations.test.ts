import { describe, expect, it } from 'vitest';
import { dropout, leakyRelu, silu, softmax } from './activations';
import { ones, tensor } from '../create';
import { Rng } from '../../random';
import { gradcheck, randomTensor } from '../testing/gradcheck';

describe('activations', () => {
  it('leakyRelu(), silu() and softmax() compute their definitions', () => {
    expect(leakyRelu(tensor([-2, 3]), 0.1).toArray()).toEqual([Math.fround(-0.2), 3]);
    expect(silu(tensor([1], { dtype: 'float64' })).item()).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(softmax(tensor([[0, Math.log(3)]], { dtype: 'float64' }), 1).toArray()).toEqual([[0.25, 0.75]]);
    expect(softmax(tensor([1000, 1000]), 0).toArray()).toEqual([0.5, 0.5]);
  });

  it('leakyRelu(), silu() and softmax() gradients match finite differences', () => {
    const awayFromZero = randomTensor([12], 1).detach();
    awayFromZero.data.forEach((v, i) => (awayFromZero.data[i] = v + Math.sign(v) * 0.1));
    awayFromZero.requiresGrad = true;
    expect(gradcheck((x) => leakyRelu(x, 0.2), [awayFromZero])).toBeLessThanOrEqual(1e-6);
    expect(gradcheck((x) => silu(x), [randomTensor([3, 4], 2)])).toBeLessThanOrEqual(1e-6);
    expect(gradcheck((x) => softmax(x, 0), [randomTensor([3, 4], 3)])).toBeLessThanOrEqual(1e-6);
  });

  it('dropout() zeroes with probability p and scales survivors by 1/(1-p)', () => {
    const y = dropout(ones([10_000]), 0.25, { rng: new Rng(1) });
    const kept = y.data.filter((v) => v !== 0);
    expect(new Set(kept)).toEqual(new Set([Math.fround(1 / 0.75)]));
    expect(kept.length / 10_000).toBeCloseTo(0.75, 1);
    expect(dropout(ones([5]), 1, { rng: new Rng(1) }).toArray()).toEqual([0, 0, 0, 0, 0]);
  });

  it('dropout() is the identity when not training or when p = 0, and repeats with the same seed', () => {
    const x = ones([8]);
    expect(dropout(x, 0.5, { training: false, rng: new Rng(1) })).toBe(x);
    expect(dropout(x, 0, { rng: new Rng(1) })).toBe(x);
    expect(dropout(x, 0.5, { rng: new Rng(4) }).toArray()).toEqual(dropout(x, 0.5, { rng: new Rng(4) }).toArray());
    expect(() => dropout(x, 1.5, { rng: new Rng(1) })).toThrow('dropout: probability has to be between 0 and 1, but got 1.5');
  });
});
