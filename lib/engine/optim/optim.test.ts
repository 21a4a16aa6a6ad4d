import { describe, expect, it } from 'vitest';
import { SGD } from './sgd';
import { Adam } from './adam';
import { clipGradNorm, clipGradValue, gradNorm } from './clip';
import { tensor } from '../create';
import type { Tensor } from '../tensor';

/** A float64 parameter with a given gradient. */
function param(values: number[], grad: number[]): Tensor {
  const p = tensor(values, { dtype: 'float64', requiresGrad: true });
  p.grad = tensor(grad, { dtype: 'float64' });
  return p;
}

describe('optim.SGD', () => {
  it('SGD.step() subtracts lr * grad', () => {
    const p = param([1, 2], [0.5, -1]);
    new SGD([p], { lr: 0.1 }).step();
    expect(p.toArray()).toEqual([0.95, 2.1]);
  });

  it('SGD.step() with weight decay adds weightDecay * p to the gradient', () => {
    const p = param([1], [0.5]);
    new SGD([p], { lr: 0.1, weightDecay: 0.5 }).step();
    expect(p.item()).toBeCloseTo(1 - 0.1 * (0.5 + 0.5), 15);
  });

  it('SGD.step() with momentum: b = g on step 1, then b = momentum b + (1 - dampening) g', () => {
    const p = param([0], [1]);
    const opt = new SGD([p], { lr: 0.1, momentum: 0.9, dampening: 0.5 });
    opt.step(); // b = 1, p = -0.1
    p.grad = tensor([2], { dtype: 'float64' });
    opt.step(); // b = 0.9 + 0.5 * 2 = 1.9, p = -0.1 - 0.19
    expect(p.item()).toBeCloseTo(-0.29, 15);
  });

  it('SGD.step() with nesterov uses g + momentum b', () => {
    const p = param([0], [1]);
    const opt = new SGD([p], { lr: 0.1, momentum: 0.9, nesterov: true });
    opt.step(); // b = 1, d = 1 + 0.9 = 1.9
    expect(p.item()).toBeCloseTo(-0.19, 15);
    opt.step(); // b = 0.9 + 1 = 1.9, d = 1 + 0.9 * 1.9 = 2.71
    expect(p.item()).toBeCloseTo(-0.19 - 0.271, 15);
  });

  it('SGD.step() skips parameters without a gradient; zeroGrad() clears gradients', () => {
    const p = param([1], [1]);
    const q = tensor([1], { requiresGrad: true });
    const opt = new SGD([p, q], { lr: 1 });
    opt.step();
    expect(q.item()).toBe(1);
    opt.zeroGrad();
    expect(p.grad).toBeNull();
    expect(() => new SGD([p], { lr: -1 })).toThrow('Invalid learning rate: -1');
  });
});

describe('optim.Adam', () => {
  it('Adam.step() moves each weight by lr * g / (|g| + eps) on its first step', () => {
    const p = param([1, 1], [0.2, -3]);
    new Adam([p], { lr: 0.1 }).step();
    expect(p.data[0]).toBeCloseTo(1 - (0.1 * 0.2) / (0.2 + 1e-8), 14);
    expect(p.data[1]).toBeCloseTo(1 + (0.1 * 3) / (3 + 1e-8), 14);
  });

  it('Adam.step() follows the bias-corrected moments on later steps', () => {
    const p = param([0], [1]);
    const opt = new Adam([p], { lr: 0.1, betas: [0.5, 0.75], eps: 0 });
    opt.step(); // p = -0.1
    p.grad = tensor([3], { dtype: 'float64' });
    opt.step();
    // m = 0.5 * 0.5 + 0.5 * 3 = 1.75; v = 0.75 * 0.25 + 0.25 * 9 = 2.4375
    // p -= 0.1 / (1 - 0.25) * 1.75 / (sqrt(2.4375) / sqrt(1 - 0.5625))
    expect(p.item()).toBeCloseTo(-0.1 - ((0.1 / 0.75) * 1.75) / (Math.sqrt(2.4375) / Math.sqrt(0.4375)), 14);
  });

  it('Adam.step() with weight decay adds weightDecay * p to the gradient', () => {
    const p = param([2], [0]);
    new Adam([p], { lr: 0.1, weightDecay: 0.5 }).step();
    expect(p.item()).toBeCloseTo(2 - 0.1, 7);
  });
});

describe('gradient clipping', () => {
  it("clipGradNorm() scales by max_norm / (total_norm + 1e-6) and returns the norm before clipping (PyTorch's formula)", () => {
    const a = param([0, 0], [3, 0]);
    const b = param([0], [4]);
    expect(clipGradNorm([a, b], 1)).toBe(5);
    const k = 1 / (5 + 1e-6);
    expect(a.grad!.data[0]).toBeCloseTo(3 * k, 15);
    expect(b.grad!.data[0]).toBeCloseTo(4 * k, 15);
    expect(gradNorm([a, b])).toBeCloseTo(1, 5);
  });

  it('clipGradNorm() leaves gradients under the limit alone', () => {
    const a = param([0], [0.5]);
    expect(clipGradNorm([a], 1)).toBe(0.5);
    expect(a.grad!.item()).toBe(0.5);
  });

  it('clipGradValue() clamps every element and returns the norm before clipping', () => {
    const a = param([0, 0, 0], [3, -4, 0.5]);
    expect(clipGradValue([a, tensor([1])], 1)).toBeCloseTo(Math.sqrt(25.25), 12);
    expect(a.grad!.toArray()).toEqual([1, -1, 0.5]);
  });
});
