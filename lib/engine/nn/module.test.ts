import { describe, expect, it } from 'vitest';
import { Dropout, Sequential } from './layers';
import { Linear } from './linear';
import { Rng } from '../random';
import { ones } from '../create';

describe('nn.Module', () => {
  it('train() and eval() switch the mode of every child', () => {
    const dropout = new Dropout(0.5, { rng: new Rng(1) });
    const model = new Sequential(new Sequential(dropout));
    expect(model.eval().training).toBe(false);
    expect(dropout.training).toBe(false);
    model.train();
    expect(dropout.training).toBe(true);
  });

  it('zeroGrad() clears every parameter gradient', () => {
    const model = new Sequential(new Linear(2, 2, { rng: new Rng(1) }));
    model.forward(ones([1, 2])).sum().backward();
    expect(model.parameters().every((p) => p.grad !== null)).toBe(true);
    model.zeroGrad();
    expect(model.parameters().every((p) => p.grad === null)).toBe(true);
  });
});
