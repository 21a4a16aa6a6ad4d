import { describe, expect, it } from 'vitest';
import { dropout, dropout2d, elu, gelu, hardtanh, leakyRelu, relu6, silu, softmax, softplus } from './activations';
import { ones, tensor } from '../create';
import type { Tensor } from '../tensor';
import { Rng } from '../random';
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

const f64 = (values: number[]): Tensor => tensor(values, { dtype: 'float64', requiresGrad: true });

/** The gradient of sum(f(x)) at `values`. */
function gradientAt(f: (x: Tensor) => Tensor, values: number[]): number[] {
  const x = f64(values);
  f(x).sum().backward();
  return x.grad!.toArray() as number[];
}

describe('gelu()', () => {
  it('gelu() is x Φ(x): Φ(1) = 0.8413447460685429 and Φ(−2) = 0.022750131948179195 (normal tables)', () => {
    const y = gelu(tensor([1, -2, 0], { dtype: 'float64' })).toArray() as number[];
    expect(y[0]).toBeCloseTo(0.8413447460685429, 15);
    expect(y[1]).toBeCloseTo(-2 * 0.022750131948179195, 15);
    expect(y[2]).toBe(0);
  });

  it("gelu(x, 'tanh') is x/2 (1 + tanh(√(2/π) (x + 0.044715 x³))), within 1e-3 of the exact form", () => {
    const x = 1.5;
    const expected = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    expect(gelu(tensor([x], { dtype: 'float64' }), 'tanh').item()).toBeCloseTo(expected, 15);
    const grid = tensor(Array.from({ length: 81 }, (_, i) => i / 10 - 4), { dtype: 'float64' });
    const gap = gelu(grid).sub(gelu(grid, 'tanh')).abs().max().item();
    expect(gap).toBeLessThan(1e-3);
    expect(gap).toBeGreaterThan(1e-5);
  });

  it('gelu() gradients (both forms) match finite differences', () => {
    expect(gradcheck((x) => gelu(x), [randomTensor([3, 5], 1, -4, 4)])).toBeLessThanOrEqual(1e-6);
    expect(gradcheck((x) => gelu(x, 'tanh'), [randomTensor([3, 5], 2, -4, 4)])).toBeLessThanOrEqual(1e-6);
  });

  it('gelu() refuses an unknown approximation', () => {
    expect(() => gelu(ones([1]), 'tan' as 'tanh')).toThrow("gelu: approximate argument must be either none or tanh. Got 'tan'");
  });
});

describe('elu(), hardtanh(), relu6() and softplus()', () => {
  it('elu() is x for x > 0 and alpha (e^x − 1) otherwise, with a finite gradient for huge x', () => {
    expect(elu(tensor([2, -1, 0], { dtype: 'float64' }), 2).toArray()).toEqual([2, 2 * (Math.exp(-1) - 1), 0]);
    // PyTorch's gradient at 0 is alpha (the x <= 0 branch).
    expect(gradientAt((x) => elu(x, 2), [-1, 0, 1, 1000])).toEqual([2 * Math.exp(-1), 2, 1, 1]);
    expect(gradcheck((x) => elu(x, 1.5), [randomTensor([12], 3)])).toBeLessThanOrEqual(1e-6);
  });

  it('hardtanh() and relu6() clamp, with gradient 0 at the bounds (as PyTorch)', () => {
    expect(relu6(tensor([-1, 0, 3, 6, 7])).toArray()).toEqual([0, 0, 3, 6, 6]);
    expect(gradientAt(relu6, [-1, 0, 3, 6, 7])).toEqual([0, 0, 1, 0, 0]);
    expect(hardtanh(tensor([-2, 0.5, 2])).toArray()).toEqual([-1, 0.5, 1]);
    expect(gradientAt((x) => hardtanh(x, -0.5, 0.5), [-0.5, 0, 0.5])).toEqual([0, 1, 0]);
  });

  it('softplus() with beta is log(1 + e^(beta x)) / beta, and x past the threshold', () => {
    const y = softplus(tensor([1, -3, 10, 11], { dtype: 'float64' }), 2, 20).toArray() as number[];
    expect(y[0]).toBeCloseTo(Math.log1p(Math.exp(2)) / 2, 15);
    expect(y[1]).toBeCloseTo(Math.log1p(Math.exp(-6)) / 2, 15);
    expect(y[2]).toBeCloseTo(Math.log1p(Math.exp(20)) / 2, 15); // beta x = threshold: still the formula
    expect(y[3]).toBe(11); // beta x > threshold: x itself
    expect(softplus(tensor([25], { dtype: 'float64' })).item()).toBe(25);
    expect(gradcheck((x) => softplus(x, 0.5, 1), [randomTensor([12], 4, -4, 1.9)])).toBeLessThanOrEqual(1e-6);
  });
});

describe('dropout2d()', () => {
  it('dropout2d() zeroes whole channels and scales the rest by 1/(1 − p)', () => {
    const y = dropout2d(ones([4, 50, 3, 3]), 0.4, { rng: new Rng(3) });
    const channels = Array.from({ length: 200 }, (_, i) => Array.from(y.data.slice(i * 9, i * 9 + 9)));
    for (const c of channels) expect(new Set(c).size).toBe(1);
    const kept = channels.filter((c) => c[0] !== 0);
    expect(kept[0]![0]).toBe(Math.fround(1 / 0.6));
    expect(kept.length / 200).toBeGreaterThan(0.5);
    expect(kept.length / 200).toBeLessThan(0.7);
  });

  it('dropout2d() is the identity when not training, and refuses other ranks and probabilities', () => {
    const x = ones([2, 3, 4]);
    expect(dropout2d(x, 0.5, { training: false, rng: new Rng(1) })).toBe(x);
    expect(() => dropout2d(ones([3, 4]), 0.5, { rng: new Rng(1) })).toThrow('dropout2d: expected a 3-D or 4-D input, got [3, 4]');
    expect(() => dropout2d(x, 2, { rng: new Rng(1) })).toThrow('dropout2d: probability has to be between 0 and 1, but got 2');
  });
});
