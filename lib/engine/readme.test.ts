import { describe, expect, it } from 'vitest';
import { Rng, tensor, nn, optim, mseLoss } from './index';

describe('README.md', () => {
  it('the XOR example trains to the XOR table', () => {
    // Kept identical to the example in README.md.
    const rng = new Rng(0);
    const x = tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const y = tensor([[0], [1], [1], [0]]);
    const model = new nn.Sequential(new nn.Linear(2, 8, { rng }), new nn.Tanh(), new nn.Linear(8, 1, { rng }));
    const optimizer = new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });

    let last = Infinity;
    for (let step = 0; step < 500; step++) {
      const loss = mseLoss(model.forward(x), y);
      optimizer.zeroGrad();
      loss.backward();
      optimizer.step();
      last = loss.item();
    }
    expect(last).toBeLessThan(0.01);
    expect(model.forward(x).toArray()).toEqual([[expect.closeTo(0, 1)], [expect.closeTo(1, 1)], [expect.closeTo(1, 1)], [expect.closeTo(0, 1)]]);
  });
});
