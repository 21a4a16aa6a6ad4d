import { describe, expect, it } from 'vitest';
import { Dropout, Flatten, LeakyReLU, LogSoftmax, ReLU, Sequential, Sigmoid, SiLU, Softmax, Softplus, Tanh } from './layers';
import { Linear } from './linear';
import { Rng } from '../../random';
import { ones, tensor } from '../create';

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



});
