/**
 * The figures lessons/vanishing-gradients.mdx states, read from the lesson's text and checked
 * against what the widget's own runs compute (its presets, through runConfig, trained by the same
 * Trainer the worker runs). Change a number in the prose or in the code, and this fails.
 */
import { describe, expect, it } from 'vitest';
import source from '../../lessons/vanishing-gradients.mdx?raw';
import { nn, zeros } from '../../lib/engine';
import { figure, figures } from '../../lib/common/lesson-figures';
import { Rng } from '../../lib/engine/random';
import type { TrainConfig } from '../../lib/ml/training/config';
import { Trainer } from '../../lib/ml/training/trainer';
import { defaultsOf } from '../../lib/common/url-state';
import { EVAL_EVERY } from '../../lib/course/vanishing-gradients';
import { MAX_STEPS, preset, runConfig, vanishingSchema, type VanishingSettings } from './model';

/** The config of run A or B of a preset, exactly as the widget builds it, with `changes` on top. */
function configOf(label: string, run: 'a' | 'b', changes: Partial<VanishingSettings> = {}): TrainConfig {
  return runConfig({ ...defaultsOf(vanishingSchema), ...preset(label), ...changes }, run);
}

const geometricMean = (xs: number[]): number => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

/** n · Var(w) of a weight matrix (n = its fan-in), from the drawn weights. */
function nVar(weight: { data: ArrayLike<number>; shape: readonly number[] }): number {
  const w = Array.from(weight.data);
  const mean = w.reduce((s, v) => s + v, 0) / w.length;
  return (weight.shape[1] ?? 0) * (w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length);
}

/** The gradient's factor per layer at step 0: the geometric mean of ‖∂L/∂W_ℓ‖ / ‖∂L/∂W_ℓ+1‖ over the hidden layers 2 … D. */
function measuredFactor(trainer: Trainer): number {
  const { layers } = trainer.gradientNorms(10_000);
  const ratios: number[] = [];
  for (let l = 1; l + 1 < layers.length - 1; l++) ratios.push((layers[l] ?? NaN) / (layers[l + 1] ?? NaN));
  return geometricMean(ratios);
}

/** The factor the lesson's formula predicts, √(n Var(w) E[g′(z)²]), from the drawn weights and the units' slopes. */
function predictedFactor(trainer: Trainer): number {
  const { layers } = trainer.activationHistograms();
  const weights = trainer.model.watched.map((w) => w.weight);
  const factors: number[] = [];
  for (let l = 1; l + 1 < layers.length; l++) factors.push(Math.sqrt(nVar(weights[l + 1] ?? zeros([1, 1]))) * (layers[l]?.rmsSlope ?? NaN));
  return geometricMean(factors);
}

function trained(config: TrainConfig, steps: number): Trainer {
  const t = new Trainer(config);
  for (let s = 0; s < steps; s++) t.trainStep();
  return t;
}

/**
 * The test accuracy the widget shows over `steps` steps: at step 0, every EVAL_EVERY steps and at
 * the last. The lesson's "passes 90 % within 300 steps" and "does not learn within 300 steps" are
 * about the whole curve, not its last point, which a deep network's jumpy loss can put anywhere.
 */
function accuracyCurve(config: TrainConfig, steps: number): number[] {
  const t = new Trainer(config);
  const curve = [t.evaluate().testAccuracy];
  for (let s = 1; s <= steps; s++) {
    t.trainStep();
    if (s % EVAL_EVERY === 0 || s === steps) curve.push(t.evaluate().testAccuracy);
  }
  return curve;
}

/** The best test accuracy the widget shows within `steps` steps (see accuracyCurve). */
const bestAccuracy = (config: TrainConfig, steps: number): number => Math.max(...accuracyCurve(config, steps));

const ratioAt = (config: TrainConfig, steps: number): number => {
  const t = new Trainer(config);
  let norms = t.gradientNorms().layers;
  for (let s = 0; s < steps; s++) norms = t.trainStep().layerNorms;
  return (norms[0] ?? NaN) / (norms[norms.length - 1] ?? NaN);
};

describe('vanishing-gradients lesson: the sigmoid', () => {
  it('ten factors of at most ¼ make 4⁻¹⁰ ≈ 9.5 × 10⁻⁷', () => {
    expect(figure(source, /4\^\{-10\} \\approx ([^,]+),/).toPrecision(2)).toBe((4 ** -10).toPrecision(2));
  });

  it('with PyTorch’s default init the sigmoid network’s gradient shrinks by the stated factor per layer, as √(n Var(w) E[σ′²]) predicts', () => {
    const stated = figure(source, /by about \$\\sqrt\{\\tfrac13 \\cdot \\tfrac1\{16\}\} \\approx ([\d.]+)\$/);
    expect(Math.sqrt(1 / 3 / 16)).toBeCloseTo(stated, 2);
    const t = new Trainer(configOf('Sigmoid vs ReLU + He', 'a'));
    expect(measuredFactor(t)).toBeCloseTo(stated, 2);
    expect(predictedFactor(t)).toBeCloseTo(stated, 2);
    expect(nVar(t.model.watched[3]?.weight ?? zeros([1, 1]))).toBeCloseTo(figure(source, /so \$n \\operatorname\{Var\}\(w\) = ([^$]+)\$\. In a ReLU/), 1);
  });

  it('Xavier weights only raise the sigmoid’s factor to the stated value, and it does not learn', () => {
    const stated = figure(source, /only raises the factor to about ([\d.]+)\./);
    const sigmoidXavier = configOf('Xavier init: sigmoid vs tanh', 'a');
    expect(sigmoidXavier).toMatchObject({ activation: 'sigmoid', init: 'xavier', gain: 1 });
    expect(measuredFactor(new Trainer(sigmoidXavier))).toBeCloseTo(stated, 2);
    expect(figure(source, /its factor stays near ([\d.]+) per layer/)).toBe(stated);
    const steps = figure(source, /neither the sigmoid nor ReLU learns within (\d+) steps/);
    expect(bestAccuracy(sigmoidXavier, steps)).toBeLessThan(0.7);
    expect(bestAccuracy(configOf('Xavier init: sigmoid vs tanh', 'b'), steps)).toBeGreaterThanOrEqual(0.9);
    expect(bestAccuracy(configOf('Default init: sigmoid vs ReLU', 'a'), steps)).toBeLessThan(0.7);
    expect(bestAccuracy(configOf('Default init: sigmoid vs ReLU', 'b'), steps)).toBeLessThan(0.7);
  });

  it('a balanced binary task starts at loss ln 2 ≈ 0.693', () => {
    expect(figure(source, /near its starting value: for a balanced binary task that is \$\\ln 2 \\approx ([\d.]+)\$/)).toBe(Number(Math.LN2.toFixed(3)));
    expect(new Trainer(configOf('Sigmoid vs ReLU + He', 'a')).evaluate().trainLoss).toBeCloseTo(Math.LN2, 2);
  });
});

describe('vanishing-gradients lesson: initialisation', () => {
  it('the widget’s Xavier is xavier_uniform_ with the chosen gain, 1 unless changed; calculate_gain(tanh) = 5/3', () => {
    expect(figure(source, /`nn\.init\.calculate_gain\('tanh'\)` returns \$([^$]+)\$/)).toBe(nn.init.calculateGain('tanh'));
    for (const [gainName, gain] of [['1', 1], ['tanh', 5 / 3], ['relu', Math.SQRT2]] as const) {
      const config = configOf('Tanh: default vs Xavier init', 'b', { bgain: gainName });
      expect(config.gain).toBe(gain);
      const hidden = new Trainer(config).model.watched[4]?.weight ?? zeros([1, 1]);
      const bound = gain * Math.sqrt(6 / (32 + 32));
      const largest = Math.max(...Array.from(hidden.data, Math.abs));
      expect(largest).toBeLessThanOrEqual(bound);
      expect(largest).toBeGreaterThan(0.95 * bound);
      expect(nVar(hidden) / (gain ** 2 * 32 * (2 / 64))).toBeCloseTo(1, 0);
    }
    // Gain 5/3 gives n Var(w) = 25/9 ≈ 2.8 between hidden layers of 32.
    expect(figure(source, /\\tfrac\{25\}\{9\} \\approx ([\d.]+)\$/)).toBe(Number(((5 / 3) ** 2).toFixed(1)));
  });

  it('He fan-in keeps the backward variance only where fan-in equals fan-out', () => {
    // Backward, each gradient entry sums fan_out terms: fan_out · Var(w) · ½ is the factor on its variance.
    const backward = (outF: number, inF: number, mode: 'fanIn' | 'fanOut'): number => {
      const w = nn.init.kaimingNormal(zeros([outF, inF]), new Rng(7), { nonlinearity: 'relu', mode });
      return outF * (nVar(w) / inF) * 0.5;
    };
    expect(backward(64, 64, 'fanIn')).toBeCloseTo(1, 1);
    expect(backward(64, 16, 'fanIn')).toBeCloseTo(4, 0);
    expect(backward(64, 16, 'fanOut')).toBeCloseTo(1, 1);
  });

  it('PyTorch’s default ReLU layer keeps 1/6 of the variance: 6⁻²⁰ ≈ 2.7 × 10⁻¹⁶ after 20 layers, and that network does not learn', () => {
    const n = 32;
    expect(n * (1 / (3 * n)) * 0.5).toBeCloseTo(1 / 6, 12);
    expect(figure(source, /after 20 layers it is \$6\^\{-20\} \\approx ([^$]+)\$/).toPrecision(2)).toBe((6 ** -20).toPrecision(2));
    expect(figure(source, /shrinks by a factor of about (\d+) per layer with PyTorch's default/)).toBe(6);
    const a = configOf('ReLU, 20 layers: default vs He init', 'a');
    expect(a).toMatchObject({ activation: 'relu', init: 'default', depth: 20 });
    expect(bestAccuracy(a, 300)).toBeLessThan(0.7);
    expect(bestAccuracy(configOf('ReLU, 20 layers: default vs He init', 'b'), 300)).toBeGreaterThanOrEqual(0.9);
    expect(figures(source, /run B passes (\d+) %\s+test accuracy within (\d+) steps and run A never does/)).toEqual([90, 300]);
  });

  it('the 20-layer ReLU network with He weights is jumpy: after passing 90 % its accuracy falls below 60 % before it recovers', () => {
    const [passed, fallen] = figures(source, /after passing (\d+) %, run B's accuracy falls back below (\d+) %/);
    const curve = accuracyCurve(configOf('ReLU, 20 layers: default vs He init', 'b'), MAX_STEPS).map((a) => 100 * a);
    const first = curve.findIndex((a) => a >= (passed ?? NaN));
    expect(first).toBeGreaterThanOrEqual(0);
    const fall = curve.findIndex((a, i) => i > first && a < (fallen ?? NaN));
    expect(fall).toBeGreaterThan(first);
    expect(curve.slice(fall).some((a) => a >= (passed ?? NaN))).toBe(true);
  });

  it('zero init: sigmoid units learn in lockstep for the stated number of updates; tanh hidden layers get exactly no gradient', () => {
    const updates = figure(source, /but in lockstep: after ([\d,]+) updates/);
    const sigmoid = trained({ ...configOf('Tanh: zero init vs Xavier', 'a'), activation: 'sigmoid' }, updates);
    const watched = sigmoid.model.watched;
    for (const { weight } of watched) {
      const [rows = 0, cols = 0] = weight.shape;
      const first = Array.from(weight.data.slice(0, cols));
      for (let r = 1; r < rows; r++) expect(Array.from(weight.data.slice(r * cols, (r + 1) * cols))).toEqual(first);
    }
    // The layers near the output did learn; the first ones never moved (the gradient still vanishes).
    for (const { weight } of watched.slice(-2)) expect(weight.data.some((v) => v !== 0)).toBe(true);
    expect(watched[0]?.weight.data.every((v) => v === 0)).toBe(true);
    const tanh = configOf('Tanh: zero init vs Xavier', 'a');
    expect(tanh).toMatchObject({ activation: 'tanh', init: 'zeros' });
    const t = new Trainer(tanh);
    let norms = t.gradientNorms().layers;
    for (let s = 0; s < 200; s++) norms = t.trainStep().layerNorms;
    expect(Array.from(norms)).toEqual(Array.from(norms, () => 0));
    // Only the output bias (the last parameter) has moved.
    const params = t.model.parameters();
    for (const p of params.slice(0, -1)) expect(p.data.every((v) => v === 0)).toBe(true);
    expect(params.at(-1)?.data[0]).not.toBe(0);
  });
});

describe('vanishing-gradients lesson: dead ReLUs', () => {
  it('narrow ReLU (seed 1) gets exactly zero gradient in layer 1 by the stated step; leaky ReLU stays above the stated accuracy from the stated step', () => {
    const by = figure(source, /\(by step (\d+) its first layer receives a gradient of exactly zero\)/);
    const relu = new Trainer(configOf('Narrow: ReLU vs leaky ReLU', 'a'));
    let first = NaN;
    for (let s = 0; s < by; s++) first = relu.trainStep().layerNorms[0] ?? NaN;
    expect(first).toBe(0);
    const [from, accuracy] = figures(source, /from step (\d+) on it stays above (\d+) % test accuracy/);
    const leaky = new Trainer(configOf('Narrow: ReLU vs leaky ReLU', 'b'));
    expect(leaky.config.activation).toBe('leakyRelu');
    for (let s = 1; s <= MAX_STEPS; s++) {
      leaky.trainStep();
      if (s >= (from ?? NaN) && s % 100 === 0) expect(leaky.evaluate().testAccuracy).toBeGreaterThanOrEqual((accuracy ?? NaN) / 100);
    }
  });

  it('over seeds 1 to 100, narrow ReLU networks are dead by step 100 as often as the lesson says, at 4 and at 8 units', () => {
    const [four, eight] = figures(source, /by step 100 for (\d+) of them; with eight units per layer, for (\d+)\./);
    const dead = (width: number): number => {
      let count = 0;
      for (let seed = 1; seed <= 100; seed++) {
        const t = new Trainer(configOf('Narrow: ReLU vs leaky ReLU', 'a', { width, seed }));
        let first = NaN;
        for (let s = 0; s < 100; s++) first = t.trainStep().layerNorms[0] ?? NaN;
        if (first === 0) count++;
      }
      return count;
    };
    expect(dead(4)).toBe(four);
    expect(dead(8)).toBe(eight);
  });
});

describe('vanishing-gradients lesson: what to expect', () => {
  it('1. at step 100 run A’s layer 1 gets about the stated power of ten of the output’s gradient; run B within a few of 1', () => {
    const power = figure(source, /run A's layer 1 gets a gradient around \$([^$]+)\$ times the output/);
    expect(10 ** Math.round(Math.log10(ratioAt(configOf('Sigmoid vs ReLU + He', 'a'), 100)))).toBe(power);
    const b = ratioAt(configOf('Sigmoid vs ReLU + He', 'b'), 100);
    expect(b).toBeGreaterThan(0.2);
    expect(b).toBeLessThan(5);
  });

  it('2. each added sigmoid layer multiplies the ratio by about the stated factor (depth 5 against 10, at step 100)', () => {
    const stated = figure(source, /by roughly the same factor, about ([\d.]+) here/);
    const five = ratioAt(configOf('Sigmoid vs ReLU + He', 'a', { depth: 5 }), 100);
    const ten = ratioAt(configOf('Sigmoid vs ReLU + He', 'a'), 100);
    expect((ten / five) ** (1 / 5)).toBeCloseTo(stated, 1);
  });

  it('3. tanh: default weights shrink the gradient by √(1/3) per layer without saturating; Xavier learns at gain 1 and 5/3', () => {
    const steps = figure(source, /Run B passes 90 % test accuracy within (\d+) steps/);
    const a = configOf('Tanh: default vs Xavier init', 'a');
    const b = configOf('Tanh: default vs Xavier init', 'b');
    expect(bestAccuracy(b, steps)).toBeGreaterThanOrEqual(0.9);
    expect(bestAccuracy(a, steps)).toBeLessThan(0.7);
    const stated = figure(source, /\$\\sqrt\{1\/3\} \\approx ([\d.]+)\$ per layer/);
    expect(Math.sqrt(1 / 3)).toBeCloseTo(stated, 2);
    const start = new Trainer(a);
    expect(predictedFactor(start)).toBeCloseTo(stated, 1);
    // Not saturated: the units' RMS slope stays near tanh's slope at 0.
    for (const layer of start.activationHistograms().layers) expect(layer.rmsSlope).toBeGreaterThan(0.8);
    const power = figure(source, /at step 0 run A's layer 1 gets about \$([^$]+)\$ of the output layer's gradient/);
    const { layers } = start.gradientNorms();
    expect(10 ** Math.round(Math.log10((layers[0] ?? NaN) / (layers.at(-1) ?? NaN)))).toBe(power);
    // Gain 5/3: the deeper layers' RMS slope falls to about 0.7, and √2.8 × 0.7 ≈ 1.2.
    const strong = configOf('Tanh: default vs Xavier init', 'b', { bgain: 'tanh' });
    const slope = figure(source, /the deeper layers' RMS slope falls to about ([\d.]+)\./);
    const deeper = new Trainer(strong).activationHistograms().layers.slice(5);
    expect(deeper.reduce((s, l) => s + l.rmsSlope, 0) / deeper.length).toBeCloseTo(slope, 1);
    expect(Math.sqrt(2.8) * slope).toBeCloseTo(figure(source, /\\times 0\.7 \\approx ([\d.]+)\$/), 1);
    expect(bestAccuracy(strong, steps)).toBeGreaterThanOrEqual(0.9);
  });
});
