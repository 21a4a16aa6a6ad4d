import { describe, expect, it } from 'vitest';
import { Adam, type AdamOptions } from './adam';
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

  it('Adam.step() with amsgrad divides by the largest second moment so far', () => {
    const p = param([0], [3]);
    const opt = new Adam([p], { lr: 0.1, betas: [0.5, 0.5], eps: 0, amsgrad: true });
    opt.step(); // m = 1.5, v = vMax = 4.5: p = -0.1 / 0.5 * 1.5 / (sqrt(4.5) / sqrt(0.5)) = -0.1
    expect(p.item()).toBeCloseTo(-0.1, 15);
    p.grad = tensor([0.1], { dtype: 'float64' });
    opt.step();
    // m = 0.75 + 0.05 = 0.8; v = 2.25 + 0.005 = 2.255 < vMax = 4.5, which stays.
    const amsgrad = -0.1 - ((0.1 / 0.75) * 0.8) / (Math.sqrt(4.5) / Math.sqrt(0.75));
    expect(p.item()).toBeCloseTo(amsgrad, 15);
    // Plain Adam would divide by sqrt(2.255) instead.
    const plain = param([0], [3]);
    const adam = new Adam([plain], { lr: 0.1, betas: [0.5, 0.5], eps: 0 });
    adam.step();
    plain.grad = tensor([0.1], { dtype: 'float64' });
    adam.step();
    expect(plain.item()).toBeCloseTo(-0.1 - ((0.1 / 0.75) * 0.8) / (Math.sqrt(2.255) / Math.sqrt(0.75)), 15);
  });

  it("new Adam() refuses what PyTorch 1.13 refuses, in its words", () => {
    const p = [param([0], [1])];
    expect(() => new Adam(p, { lr: -1 })).toThrow('Invalid learning rate: -1');
    expect(() => new Adam(p, { lr: NaN })).toThrow('Invalid learning rate: NaN');
    expect(() => new Adam(p, { eps: -1e-8 })).toThrow('Invalid epsilon value: -1e-8');
    expect(() => new Adam(p, { betas: [1, 0.9] })).toThrow('Invalid beta parameter at index 0: 1');
    expect(() => new Adam(p, { betas: [-0.1, 0.9] })).toThrow('Invalid beta parameter at index 0: -0.1');
    expect(() => new Adam(p, { betas: [0.9, 1] })).toThrow('Invalid beta parameter at index 1: 1');
    expect(() => new Adam(p, { weightDecay: -1 })).toThrow('Invalid weight_decay value: -1');
    // lr is checked first, as in PyTorch.
    expect(() => new Adam(p, { lr: -1, eps: -1 })).toThrow('Invalid learning rate: -1');
    expect(() => new Adam(p, { lr: 0, eps: 0, betas: [0, 0] })).not.toThrow();
  });

  it('new Adam() refuses options it does not have instead of ignoring them', () => {
    const p = [param([0], [1])];
    const options = (o: object) => o as AdamOptions;
    expect(() => new Adam(p, options({ momentum: 0.9 }))).toThrow("Adam() got an unexpected option 'momentum'; its options are lr, betas, eps, weightDecay, amsgrad");
    expect(() => new Adam(p, options({ weight_decay: 0.1 }))).toThrow("Adam() got an unexpected option 'weight_decay' (did you mean weightDecay?)");
    expect(() => new Adam(p, options({ eps: '1e-8' }))).toThrow('Invalid epsilon value: expected a number, got "1e-8"');
  });
});
