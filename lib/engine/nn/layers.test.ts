import { describe, expect, it } from 'vitest';
import { Dropout, Dropout2d, ELU, Flatten, GELU, Hardtanh, Identity, LeakyReLU, LogSoftmax, ReLU, ReLU6, Sequential, Sigmoid, SiLU, Softmax, Softplus, Tanh } from './layers';
import { AdaptiveAvgPool2d, AdaptiveMaxPool2d } from './conv';
import { Linear } from './linear';
import { Rng } from '../random';
import { ones, tensor } from '../create';
import { adaptiveAvgPool2d, adaptiveMaxPool2d } from '../ops/adaptive-pooling';

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



  it('Dropout() drops in training mode and is the identity in eval mode', () => {
    const layer = new Dropout(0.5, { rng: new Rng(2) });
    const x = ones([100]);
    expect(layer.forward(x).data.some((v) => v === 0)).toBe(true);
    layer.eval();
    expect(layer.forward(x)).toBe(x);
    expect(() => new Dropout(-0.1, { rng: new Rng(1) })).toThrow('dropout probability has to be between 0 and 1, but got -0.1');
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
    expect(new Softplus(2, 1).forward(x).toArray()).toEqual(x.softplus(2, 1).toArray());
    expect(new ReLU6().forward(tensor([-1, 7])).toArray()).toEqual([0, 6]);
    expect(new Hardtanh(-0.5, 0.5).forward(x).toArray()).toEqual([-0.5, 0.5]);
    expect(new ELU(2).forward(x).toArray()).toEqual([Math.fround(2 * (Math.exp(-1) - 1)), 0.5]);
    expect(new GELU('tanh').forward(x).toArray()).not.toEqual(new GELU().forward(x).toArray());
    expect(new Identity().forward(x)).toBe(x);
    expect(() => new GELU('tan' as 'tanh')).toThrow("GELU: approximate argument must be either none or tanh. Got 'tan'");
  });

  it("Softmax() and LogSoftmax() without dim pick PyTorch's legacy dimension: 0 for 0-, 1- and 3-D inputs, else 1", () => {
    const x3 = tensor([[[1, 2]], [[3, 5]]]);
    expect(new Softmax().forward(x3).toArray()).toEqual(x3.softmax(0).toArray());
    const x2 = tensor([[1, 2], [3, 5]]);
    expect(new LogSoftmax().forward(x2).toArray()).toEqual(x2.logSoftmax(1).toArray());
    const x4 = ones([1, 2, 1, 1]);
    expect(new Softmax(null).forward(x4).toArray()).toEqual(x4.softmax(1).toArray());
  });

  it('AdaptiveAvgPool2d() and AdaptiveMaxPool2d() pool to their output size', () => {
    const x = ones([2, 3, 7, 5]).mul(tensor([1, 2, 3]).reshape([1, 3, 1, 1]));
    expect(new AdaptiveAvgPool2d([2, null]).forward(x).toArray()).toEqual(adaptiveAvgPool2d(x, [2, 5]).toArray());
    expect(new AdaptiveMaxPool2d(1).forward(x).shape).toEqual([2, 3, 1, 1]);
    expect(new AdaptiveMaxPool2d(1).forward(x).toArray()).toEqual(adaptiveMaxPool2d(x, 1).toArray());
  });

  it('Dropout2d() drops whole channels in training mode and is the identity in eval mode', () => {
    const layer = new Dropout2d(0.5, { rng: new Rng(2) });
    const x = ones([2, 8, 3, 3]);
    const y = layer.forward(x);
    expect(y.data.some((v) => v === 0)).toBe(true);
    expect(new Set(Array.from(y.data.slice(0, 9))).size).toBe(1);
    expect(layer.eval().forward(x)).toBe(x);
    expect(() => new Dropout2d(1.5, { rng: new Rng(1) })).toThrow('dropout probability has to be between 0 and 1, but got 1.5');
  });

  it('Flatten() keeps the batch dimension', () => {
    expect(new Flatten().forward(ones([2, 3, 4, 5])).shape).toEqual([2, 60]);
  });



});
