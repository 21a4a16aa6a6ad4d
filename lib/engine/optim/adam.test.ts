import { describe, expect, it } from 'vitest';
import { Adam } from './adam';
import { param } from '../testing/param';
import { tensor } from '../create';

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
