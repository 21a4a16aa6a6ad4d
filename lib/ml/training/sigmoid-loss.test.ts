import { describe, expect, it } from 'vitest';
import { nn, noGrad, tensor } from '../../engine';
import type { TrainConfig } from './config';
import { trainSpecOf } from './from-config';
import { DEEP_SIGMOID } from './presets';
import { Trainer } from './trainer';

/** A small classification run: one tanh layer of 8 units on two circles. */
const SMALL: TrainConfig = { ...DEEP_SIGMOID, task: { kind: 'classification', dataset: 'circles', n: 200, noise: 0.1 }, depth: 1, width: 8, activation: 'tanh', init: 'xavier' };

const head = (trainer: Trainer): nn.Linear => {
  const module = trainer.model.at(-1);
  if (!(module instanceof nn.Linear)) throw new Error('expected the output layer to be nn.Linear');
  return module;
};

describe('TrainConfig.outputLoss and outputBias', () => {
  it('trainSpecOf() keeps cross-entropy and the drawn head when neither is given (old configs unchanged)', () => {
    expect(trainSpecOf(SMALL).loss).toBe('binaryCrossEntropyWithLogits');
    expect(trainSpecOf({ ...SMALL, outputLoss: 'crossEntropy' })).toEqual(trainSpecOf(SMALL));
    expect(trainSpecOf({ ...SMALL, outputLoss: 'squaredError' }).loss).toBe('sigmoidMseLoss');
    expect(trainSpecOf({ ...DEEP_SIGMOID, outputBias: -3 }).model.layers.at(-1)).toMatchObject({ init: { scheme: 'default', bias: -3 } });
  });

  it('outputBias sets every entry of the output bias and leaves every weight as drawn', () => {
    const plain = new Trainer(SMALL);
    const biased = new Trainer({ ...SMALL, outputBias: -6 });
    expect(Array.from(head(biased).bias!.data)).toEqual([-6]);
    expect(Array.from(head(plain).bias!.data)).not.toEqual([-6]);
    const weights = (t: Trainer): number[][] => t.model.parameters().filter((p) => p !== head(t).bias).map((p) => Array.from(p.data));
    expect(weights(biased)).toEqual(weights(plain));
  });

  it('squaredError trains mse_loss(σ(z), y): the evaluated loss is the mean of (σ(z) − y)² over the training set', () => {
    const trainer = new Trainer({ ...SMALL, outputLoss: 'squaredError', outputBias: -4 });
    for (let s = 0; s < 20; s++) trainer.trainStep();
    const { x, y } = trainer.data.train;
    const logits = noGrad(() => trainer.model.eval().forward(tensor(x).reshape([trainer.data.train.n, 2]))).data;
    let sum = 0;
    for (let i = 0; i < logits.length; i++) sum += (1 / (1 + Math.exp(-(logits[i] ?? 0))) - (y[i] ?? 0)) ** 2;
    expect(trainer.evaluate().trainLoss).toBeCloseTo(sum / logits.length, 6);
  });

  it('squaredError counts accuracy by the sign of the logit and draws a decision boundary, as cross-entropy does', () => {
    const trainer = new Trainer({ ...SMALL, outputLoss: 'squaredError', outputBias: -8 });
    expect(trainer.hasBoundary).toBe(true);
    // Every point is called class 0 at the start: the accuracy is the share of class 0.
    const { y } = trainer.data.train;
    const zeros = Array.from(y).filter((v) => v === 0).length / y.length;
    expect(trainer.evaluate().trainAccuracy).toBeCloseTo(zeros, 10);
    expect(Math.max(...trainer.boundary(8, 1.6))).toBeLessThan(0.01);
  });

  it('outputBias must be finite', () => {
    expect(() => new Trainer({ ...SMALL, outputBias: Number.NaN })).toThrow('init: bias must be a finite number, got NaN');
  });
});
