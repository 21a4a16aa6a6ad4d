/**
 * What the vanishing- and exploding-gradient lessons say about their experiments
 * (lessons/vanishing-gradients.mdx, lessons/exploding-gradients.mdx), checked by training exactly
 * those runs.
 */
import { describe, expect, it } from 'vitest';
import type { TrainConfig } from './config';
import { DEEP_RELU_HE, DEEP_SIGMOID, EXPLODING_MLP, EXPLODING_RNN } from './presets';
import { Trainer } from './trainer';

function ratioAfter(config: TrainConfig, steps: number): number {
  const t = new Trainer(config);
  let norms: Float64Array = new Float64Array();
  for (let s = 0; s < steps; s++) norms = t.trainStep().layerNorms;
  return (norms[0] ?? NaN) / (norms[norms.length - 1] ?? NaN);
}

describe('vanishing-gradients lesson claims', () => {
  it('4^−10 ≈ 9.5 × 10^−7 and 6^−20 ≈ 2.7 × 10^−16; PyTorch default ReLU variance factor is 1/6', () => {
    expect((4 ** -10).toExponential(1)).toBe('9.5e-7');
    expect((6 ** -20).toExponential(1)).toBe('2.7e-16');
    const n = 32;
    expect(n * (1 / (3 * n)) * 0.5).toBeCloseTo(1 / 6, 12);
  });

  it('deep sigmoid: layer 1 gets about 10^−9 of the output layer’s gradient at step 100; ReLU + He within a few of 1', () => {
    expect(Math.round(Math.log10(ratioAfter(DEEP_SIGMOID, 100)))).toBe(-9);
    const relu = ratioAfter(DEEP_RELU_HE, 100);
    expect(relu).toBeGreaterThan(0.2);
    expect(relu).toBeLessThan(5);
  });

  it('each added sigmoid layer multiplies the ratio by about 1/8', () => {
    const five = ratioAfter({ ...DEEP_SIGMOID, depth: 5 }, 100);
    const ten = ratioAfter(DEEP_SIGMOID, 100);
    const perLayer = (ten / five) ** (1 / 5);
    expect(perLayer).toBeGreaterThan(1 / 12);
    expect(perLayer).toBeLessThan(1 / 5);
  });

  it('narrow ReLU (width 4, seed 1): layer 1’s gradient is exactly 0 by step 100; leaky ReLU learns to 90 %', () => {
    const narrow: TrainConfig = { ...DEEP_RELU_HE, width: 4, seed: 1 };
    const relu = new Trainer(narrow);
    let first = NaN;
    for (let s = 0; s < 100; s++) first = relu.trainStep().layerNorms[0] ?? NaN;
    expect(first).toBe(0);
    const leaky = new Trainer({ ...narrow, activation: 'leakyRelu' });
    for (let s = 0; s < 300; s++) leaky.trainStep();
    expect(leaky.evaluate().testAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('tanh with Xavier initialisation passes 90 % test accuracy within 300 steps; default init stalls', () => {
    const run = (init: TrainConfig['init']): number => {
      const t = new Trainer({ ...DEEP_SIGMOID, activation: 'tanh', init });
      for (let s = 0; s < 300; s++) t.trainStep();
      return t.evaluate().testAccuracy;
    };
    expect(run('xavier')).toBeGreaterThanOrEqual(0.9);
    expect(run('default')).toBeLessThan(0.7);
  });

  it('a balanced binary task starts at loss ln 2 ≈ 0.693', () => {
    expect(Math.LN2.toFixed(3)).toBe('0.693');
    expect(new Trainer(DEEP_SIGMOID).evaluate().trainLoss).toBeCloseTo(Math.LN2, 2);
  });
});

describe('exploding-gradients lesson claims', () => {
  const diverges = (config: TrainConfig, steps = 300): { step: number; maxLoss: number } | undefined => {
    const t = new Trainer(config);
    let maxLoss = 0;
    for (let s = 0; s < steps; s++) {
      const r = t.trainStep();
      if (Number.isFinite(r.loss)) maxLoss = Math.max(maxLoss, r.loss);
      if (r.diverged) return { step: r.step, maxLoss };
    }
    return undefined;
  };

  it('1.5^50 ≈ 6.4 × 10^8, 1.5^40 ≈ 1.1 × 10^7, float32 overflows above 3.4 × 10^38, 2^6 = 64', () => {
    expect((1.5 ** 50).toExponential(1)).toBe('6.4e+8');
    expect((1.5 ** 40).toExponential(1)).toBe('1.1e+7');
    expect(Math.fround(3.4e38)).toBeLessThan(Infinity);
    expect(Math.fround(3.5e38)).toBe(Infinity);
  });

  it('clip by value turns (10, 0.1) from 0.57° to 5.71°; by norm gives (0.99995, 0.0099995)', () => {
    const degrees = (x: number, y: number): string => ((Math.atan2(y, x) * 180) / Math.PI).toFixed(2);
    expect(degrees(10, 0.1)).toBe('0.57');
    expect(degrees(1, 0.1)).toBe('5.71');
    const c = Math.min(1, 1 / (Math.hypot(10, 0.1) + 1e-6));
    expect((10 * c).toFixed(5)).toBe('0.99995');
    expect((0.1 * c).toFixed(7)).toBe('0.0099995');
  });

  it('the default setup diverges at step 3 after passing 10^29; at weight scale 1 it trains', () => {
    const run = diverges(EXPLODING_MLP);
    expect(run?.step).toBe(3);
    expect(run?.maxLoss).toBeGreaterThan(1e29);
    expect(diverges({ ...EXPLODING_MLP, initScale: 1 })).toBeUndefined();
  });

  it('at weight scale 1, learning rates 0.1 and 0.03 diverge and 0.01 trains', () => {
    const base = { ...EXPLODING_MLP, initScale: 1 };
    expect(diverges({ ...base, lr: 0.1 })).toBeDefined();
    expect(diverges({ ...base, lr: 0.03 })).toBeDefined();
    expect(diverges({ ...base, lr: 0.01 })).toBeUndefined();
  });

  it('the MLP has 22,209 parameters, so value clipping at 0.1 allows a norm of 14.9, and trains faster than norm clipping at 0.1', () => {
    const parameters = new Trainer(EXPLODING_MLP).model.parameters().reduce((n, p) => n + p.numel(), 0);
    expect(parameters).toBe(22_209);
    expect((0.1 * Math.sqrt(parameters)).toFixed(1)).toBe('14.9');
    const loss = (mode: 'value' | 'norm', threshold: number): number => {
      const t = new Trainer({ ...EXPLODING_MLP, clip: { mode, threshold } });
      for (let s = 0; s < 300; s++) t.trainStep();
      return t.evaluate().trainLoss;
    };
    expect(loss('value', 0.1)).toBeLessThan(loss('norm', 0.1) / 10);
    // Threshold 30 survives and ends lower than threshold 1.
    expect(loss('norm', 30)).toBeLessThan(loss('norm', 1));
  });

  it('the RNN over 50 steps starts with a gradient norm of about 2 × 10^8; over 10 steps about 1', () => {
    const first = (seqLen: number): number => new Trainer({ ...EXPLODING_RNN, task: { kind: 'sequence', n: 1000, seqLen } }).trainStep().normBefore;
    expect(Math.round(Math.log10(first(50)))).toBe(8);
    expect(first(10)).toBeGreaterThan(0.3);
    expect(first(10)).toBeLessThan(3);
  });
});
