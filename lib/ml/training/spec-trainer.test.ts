import { describe, expect, it } from 'vitest';
import { nn } from '../../engine';
import { runJob } from '../../runtime';
import { defaultLayer } from '../layer-stack';
import type { ModelSpec, TrainSpec } from './spec';
import { trainJob } from './train.job';
import { Trainer } from './trainer';

/** conv 3×3 → ReLU → maxpool 2 → flatten → linear, for 8 × 8 single-channel images and 10 classes. */
const CNN: ModelSpec = {
  input: [1, 8, 8],
  layers: [
    defaultLayer('Conv2d', { in_channels: 1, out_channels: 16, kernel_size: [3, 3] }),
    defaultLayer('ReLU'),
    defaultLayer('MaxPool2d', { kernel_size: [2, 2] }),
    defaultLayer('Flatten'),
    defaultLayer('Linear', { in_features: 144, out_features: 10 }),
  ],
};

/** The same with dropout before the linear layer: the dropout lesson's network. */
const CNN_DROPOUT: ModelSpec = { ...CNN, layers: [...CNN.layers.slice(0, 4), defaultLayer('Dropout', { p: 0.25 }), ...CNN.layers.slice(4)] };

/** 8 × 8 digits that move around the square (pixelDigits), 10 classes: chance is 10 %. */
const DIGITS: TrainSpec = {
  model: CNN_DROPOUT,
  data: { kind: 'images', dataset: 'digits', n: 2000, size: 8, noise: 0.1 },
  loss: 'crossEntropy',
  optimizer: { type: 'Adam', lr: 0.01 },
  batchSize: 32,
  clip: { mode: 'none', threshold: 1 },
  seed: 1,
};

describe('Trainer with a CNN spec', () => {
  it('trainStep() trains conv 3×3 → ReLU → maxpool → flatten → dropout → linear on 8×8 digits from chance to over 80 % test accuracy in 300 steps', () => {
    const trainer = new Trainer(DIGITS);
    expect(trainer.layerNames).toEqual(['layer 1', 'output']);
    const start = trainer.evaluate();
    expect(start.testAccuracy).toBeLessThan(0.2);
    expect(start.trainLoss).toBeCloseTo(Math.log(10), 0);
    for (let s = 0; s < 300; s++) expect(trainer.trainStep().diverged).toBe(false);
    const end = trainer.evaluate();
    expect(end.testAccuracy).toBeGreaterThan(0.8);
    expect(end.trainLoss).toBeLessThan(start.trainLoss / 3);
  });

  it('dtype float64 builds every parameter in float64 and trains from the same initial weights, rounded differently', () => {
    const a = new Trainer({ ...DIGITS, dtype: 'float64' });
    const b = new Trainer(DIGITS);
    expect(a.model.parameters().map((p) => p.dtype)).toEqual(['float64', 'float64', 'float64', 'float64']);
    const [wa, wb] = [a, b].map((t) => Array.from(t.model.at(0)?.parameters()[0]?.data ?? []));
    expect(wa?.map(Math.fround)).toEqual(wb);
    expect(wa).not.toEqual(wb);
    const [la, lb] = [a.trainStep().loss, b.trainStep().loss];
    expect(Math.abs(la - lb)).toBeLessThan(1e-5);
  });

  it('the spec survives JSON: the round trip trains to the same losses', () => {
    const copy = JSON.parse(JSON.stringify(DIGITS)) as TrainSpec;
    expect(copy).toEqual(DIGITS);
    const a = new Trainer(DIGITS);
    const b = new Trainer(copy);
    for (let s = 0; s < 5; s++) expect(b.trainStep().loss).toBe(a.trainStep().loss);
    expect(b.evaluate()).toEqual(a.evaluate());
  });

  it('evaluate() counts a dead convolution channel as one unit; activationHistograms() gives the ReLU layer', () => {
    const trainer = new Trainer(DIGITS);
    expect(trainer.evaluate().inactiveUnits).toBeGreaterThanOrEqual(0);
    const conv = trainer.model.at(0);
    if (!(conv instanceof nn.Conv2d) || !conv.bias) throw new Error('expected a Conv2d with a bias first');
    conv.bias.data.fill(-1000);
    expect(trainer.evaluate().inactiveUnits).toBe(16);
    const histograms = trainer.activationHistograms();
    expect(histograms.layers).toHaveLength(1);
    expect(histograms.examples).toBe(256);
    expect(histograms.layers[0]?.shares[0]).toBe(1);
  });

  it('trainJob runs a TrainSpec: layer names from the spec, no decision boundary', async () => {
    const result = await runJob(trainJob, { config: DIGITS, maxSteps: 20, evalEvery: 10, boundaryResolution: 8, boundaryExtent: 1.6, activationHistograms: true }).result;
    expect(result.status).toBe('finished');
    expect(result.layers).toEqual(['layer 1', 'output']);
    expect(result.boundary).toBeUndefined();
    expect(result.activations?.layers).toHaveLength(1);
    expect(result.evaluation.testAccuracy).toBeGreaterThan(0.1);
  });
});

describe('Trainer: per-layer initialisation', () => {
  const wide: ModelSpec = { ...CNN, layers: [{ ...defaultLayer('Conv2d', { in_channels: 1, out_channels: 64, kernel_size: [3, 3] }), init: { scheme: 'he' } }, ...CNN.layers.slice(1, 4), defaultLayer('Linear', { in_features: 576, out_features: 10 })] };

  it('init he on a Conv2d gives weights of standard deviation √(2 / fan_in) with fan_in = C_in·kH·kW, and a zero bias', () => {
    const conv = new Trainer({ ...DIGITS, model: wide }).model.at(0);
    if (!(conv instanceof nn.Conv2d) || !conv.bias) throw new Error('expected a Conv2d with a bias first');
    const w = Array.from(conv.weight.data);
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(std / Math.sqrt(2 / 9)).toBeCloseTo(1, 1);
    expect(Array.from(conv.bias.data)).toEqual(Array.from({ length: 64 }, () => 0));
  });

  it('init xavier with a gain bounds a Conv2d’s weights by gain·√(6 / (fan_in + fan_out)); scale multiplies them', () => {
    const xavier = (init: { scheme: 'xavier'; gain: number; scale?: number }): number[] => {
      const conv = new Trainer({ ...DIGITS, model: { ...wide, layers: [{ ...wide.layers[0]!, init } as ModelSpec['layers'][number], ...wide.layers.slice(1)] } }).model.at(0);
      if (!(conv instanceof nn.Conv2d)) throw new Error('expected a Conv2d first');
      return Array.from(conv.weight.data);
    };
    const bound = 2 * Math.sqrt(6 / (9 + 64 * 9));
    const w = xavier({ scheme: 'xavier', gain: 2 });
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.95 * bound);
    expect(xavier({ scheme: 'xavier', gain: 2, scale: 3 })).toEqual(w.map((v) => Math.fround(v * 3)));
  });
});

describe('Trainer: dropout and batch norm', () => {
  const P = 0.5;
  const withDropout = (p: number | null): TrainSpec => ({
    model: {
      input: [20],
      layers: [...(p === null ? [] : [defaultLayer('Dropout', { p })]), { ...defaultLayer('Linear', { in_features: 20, out_features: 1, bias: false }), init: { scheme: 'normal', std: 3 } }],
    },
    data: { kind: 'regression', n: 1000, features: 20 },
    loss: 'mseLoss',
    // Learning rate 0: the weights stay put, so every step measures the same network on fresh masks.
    optimizer: { type: 'SGD', lr: 0 },
    batchSize: 800,
    clip: { mode: 'none', threshold: 1 },
    seed: 3,
  });

  it('evaluate() and gradientNorms() run with dropout off: the same numbers as without the layer (whose masks draw from their own generator)', () => {
    const a = new Trainer(withDropout(P));
    const b = new Trainer(withDropout(null));
    expect(Array.from(a.model.watched[0]?.weight.data ?? [])).toEqual(Array.from(b.model.watched[0]?.weight.data ?? []));
    expect(a.evaluate()).toEqual(b.evaluate());
    expect(a.gradientNorms()).toEqual(b.gradientNorms());
    a.trainStep();
    expect(a.evaluate()).toEqual(b.evaluate());
  });

  it('trainStep() runs with dropout on, scaling survivors by 1/(1 − p): the mean loss over masks is the eval loss plus p/(1 − p)·Σ w²x²', () => {
    const trainer = new Trainer(withDropout(P));
    const w = trainer.model.watched[0]?.weight.data ?? new Float32Array();
    const { x, n, features } = trainer.data.train;
    let spread = 0; // mean over examples of Σ_j w_j² x_nj²
    for (let i = 0; i < n; i++) for (let j = 0; j < features; j++) spread += ((w[j] ?? 0) * (x[i * features + j] ?? 0)) ** 2 / n;
    const evalLoss = trainer.evaluate().trainLoss;
    const losses: number[] = [];
    for (let s = 1; s <= 400; s++) {
      losses.push(trainer.trainStep().loss);
      // Measuring in between switches to eval mode and back: each step still drops units.
      if (s % 50 === 0) expect(trainer.evaluate().trainLoss).toBe(evalLoss);
    }
    const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
    expect(new Set(losses).size).toBe(losses.length);
    expect(mean / (evalLoss + (P / (1 - P)) * spread)).toBeCloseTo(1, 1);
    // Masking without the 1/(1 − p) would give E = mean((1−p)·wx − y)² + p(1−p)·Σw²x²: far lower.
    expect(mean).toBeGreaterThan(1.5 * evalLoss);
  });

  it('trainStep() moves BatchNorm2d’s running statistics; evaluate() and gradientNorms() do not', () => {
    const model: ModelSpec = {
      ...CNN,
      layers: [CNN.layers[0]!, defaultLayer('BatchNorm2d', { num_features: 16 }), ...CNN.layers.slice(1)],
    };
    const trainer = new Trainer({ ...DIGITS, model });
    const bn = trainer.model.at(1);
    if (!(bn instanceof nn.BatchNorm2d)) throw new Error('expected BatchNorm2d second');
    const stats = (): number[][] => bn.namedBuffers().map(([, t]) => Array.from(t.data));
    const start = stats();
    trainer.evaluate();
    trainer.gradientNorms();
    trainer.activationHistograms();
    expect(stats()).toEqual(start);
    trainer.trainStep();
    expect(stats()).not.toEqual(start);
  });
});

describe('Trainer: specs that cannot train say why', () => {
  const refusal = (spec: TrainSpec): string => {
    try {
      new Trainer(spec);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    return 'no error';
  };

  it('new Trainer() refuses a model whose input does not fit the data, naming both', () => {
    expect(refusal({ ...DIGITS, data: { kind: 'classification', dataset: 'moons', n: 100, noise: 0.1 } })).toBe(
      'Trainer: the model reads examples of shape (1, 8, 8) (64 numbers), but each example of the data has 2',
    );
  });

  it('new Trainer() names the layer whose forward pass fails, by its index in the spec, in the engine’s (PyTorch’s) words', () => {
    const layers = [...CNN.layers.slice(0, 4), defaultLayer('Linear', { in_features: 100, out_features: 10 })];
    expect(refusal({ ...DIGITS, model: { ...CNN, layers } })).toBe('layers[4] (Linear): linear: mat1 and mat2 shapes cannot be multiplied (1x144 and 100x10)');
  });

  it('new Trainer() refuses an output that does not fit the loss', () => {
    expect(refusal({ ...DIGITS, loss: 'mseLoss' })).toBe('Trainer: mseLoss needs an output of shape (N, 1), but the model gives (N, 10)');
    expect(refusal({ ...DIGITS, data: { kind: 'regression', n: 100, features: 64 } })).toBe('Trainer: crossEntropy needs class labels, but the data (regression) has none');
  });

  it('new Trainer() refuses an init on a layer without weights, and arguments the engine does not compute', () => {
    const layers = [CNN.layers[0]!, { ...defaultLayer('ReLU'), init: { scheme: 'he' } } as ModelSpec['layers'][number], ...CNN.layers.slice(2)];
    expect(refusal({ ...DIGITS, model: { ...CNN, layers } })).toBe('layers[1] (ReLU): init: only Linear, Conv2d and RNN layers have weights to initialise, got init on ReLU');
    const reflect = [defaultLayer('Conv2d', { in_channels: 1, out_channels: 16, kernel_size: [3, 3], padding_mode: 'reflect' }), ...CNN.layers.slice(1)];
    expect(refusal({ ...DIGITS, model: { ...CNN, layers: reflect } })).toBe("layers[0] (Conv2d): padding_mode='reflect' is not in the engine yet (it pads with zeros only)");
    expect(refusal({ ...DIGITS, optimizer: { type: 'SGD', lr: -1 } })).toBe('Invalid learning rate: -1');
  });

  it('boundary() is refused for a model that does not classify 2-D points', () => {
    expect(() => new Trainer(DIGITS).boundary(4, 1)).toThrow('boundary: expected a model of 2-D points with one logit (binaryCrossEntropyWithLogits or sigmoidMseLoss), got input (1, 8, 8) and crossEntropy');
  });
});
