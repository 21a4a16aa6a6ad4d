import { describe, expect, it } from 'vitest';
import { SGD, type SGDOptions } from './sgd';
import { param } from '../testing/param';
import { tensor } from '../create';

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

  it("new SGD() refuses what PyTorch 1.13 refuses, in its words", () => {
    const p = [param([0], [1])];
    expect(() => new SGD(p, { lr: 0.1, momentum: -0.5 })).toThrow('Invalid momentum value: -0.5');
    expect(() => new SGD(p, { lr: 0.1, weightDecay: -1 })).toThrow('Invalid weight_decay value: -1');
    expect(() => new SGD(p, { lr: 0.1, nesterov: true })).toThrow('Nesterov momentum requires a momentum and zero dampening');
    expect(() => new SGD(p, { lr: 0.1, nesterov: true, momentum: 0.9, dampening: 0.1 })).toThrow('Nesterov momentum requires a momentum and zero dampening');
    // PyTorch's order: momentum before weight decay.
    expect(() => new SGD(p, { lr: 0.1, momentum: -0.5, weightDecay: -1 })).toThrow('Invalid momentum value: -0.5');
    // PyTorch 1.13 lets a NaN learning rate through SGD (not Adam); we refuse it in both.
    expect(() => new SGD(p, { lr: NaN })).toThrow('Invalid learning rate: NaN');
    expect(() => new SGD(p, { lr: 0.1, momentum: 0.9, nesterov: true })).not.toThrow();
  });

  it('new SGD() refuses options it does not have, and a missing lr', () => {
    const p = [param([0], [1])];
    const options = (o: object) => o as SGDOptions;
    expect(() => new SGD(p, options({ lr: 0.1, amsgrad: true }))).toThrow("SGD() got an unexpected option 'amsgrad'; its options are lr, momentum, dampening, weightDecay, nesterov");
    expect(() => new SGD(p, options({ lr: 0.1, weight_decay: 0.1 }))).toThrow("SGD() got an unexpected option 'weight_decay' (did you mean weightDecay?)");
    expect(() => new SGD(p, options({}))).toThrow("parameter group didn't specify a value of required optimization parameter lr");
  });
});
