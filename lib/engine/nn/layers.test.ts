import { describe, expect, it } from 'vitest';
import { Dropout, Flatten, LeakyReLU, LogSoftmax, ReLU, Sequential, Sigmoid, SiLU, Softmax, Softplus, Tanh } from './layers';
import { Linear } from './linear';
import { Conv2d, MaxPool2d, AvgPool2d } from './conv';
import { Rng } from '../../random';
import { ones, tensor } from '../create';
import { randomTensor } from '../testing/gradcheck';

describe('nn layers', () => {
  it('Sequential() chains layers and names parameters by position, nested with dots', () => {
    const rng = new Rng(1);
    const model = new Sequential(new Linear(2, 3, { rng }), new Tanh(), new Sequential(new Linear(3, 1, { rng }), new ReLU()));
    expect(model.namedParameters().map(([name]) => name)).toEqual(['0.weight', '0.bias', '2.0.weight', '2.0.bias']);
    expect(model.parameters()).toHaveLength(4);
    expect(model.forward(ones([5, 2])).shape).toEqual([5, 1]);
    expect(model.length).toBe(3);
    expect(model.at(-1)).toBeInstanceOf(Sequential);
  });

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

  it('Dropout() drops in training mode and is the identity in eval mode', () => {
    const layer = new Dropout(0.5, { rng: new Rng(2) });
    const x = ones([100]);
    expect(layer.forward(x).data.some((v) => v === 0)).toBe(true);
    layer.eval();
    expect(layer.forward(x)).toBe(x);
    expect(() => new Dropout(-0.1, { rng: new Rng(1) })).toThrow('Dropout: probability has to be between 0 and 1');
  });

  it('activation modules apply their functions', () => {
    const x = tensor([-1, 0.5]);
    expect(new ReLU().forward(x).toArray()).toEqual(x.relu().toArray());
    expect(new Tanh().forward(x).toArray()).toEqual(x.tanh().toArray());
    expect(new Sigmoid().forward(x).toArray()).toEqual(x.sigmoid().toArray());
    expect(new SiLU().forward(x).toArray()).toEqual(x.silu().toArray());
    expect(new Softplus().forward(x).toArray()).toEqual(x.softplus().toArray());
    expect(new LeakyReLU(0.2).forward(x).toArray()).toEqual(x.leakyRelu(0.2).toArray());
    expect(new Softmax(0).forward(x).toArray()).toEqual(x.softmax(0).toArray());
    expect(new LogSoftmax(0).forward(x).toArray()).toEqual(x.logSoftmax(0).toArray());
  });

  it('Flatten() keeps the batch dimension', () => {
    expect(new Flatten().forward(ones([2, 3, 4, 5])).shape).toEqual([2, 60]);
  });

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

  it('Conv2d(), MaxPool2d() and AvgPool2d() compute output shapes as in PyTorch', () => {
    const conv = new Conv2d(3, 8, [3, 5], { rng: new Rng(1), stride: 2, padding: 1 });
    expect(conv.weight.shape).toEqual([8, 3, 3, 5]);
    const y = conv.forward(randomTensor([2, 3, 28, 28], 1).to('float32'));
    expect(y.shape).toEqual([2, 8, 14, 13]);
    expect(new MaxPool2d(2).forward(y).shape).toEqual([2, 8, 7, 6]);
    expect(new AvgPool2d(3, { stride: 1, padding: 1 }).forward(y).shape).toEqual([2, 8, 14, 13]);
  });
});
