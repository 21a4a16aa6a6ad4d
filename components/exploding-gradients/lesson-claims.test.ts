/**
 * The figures lessons/exploding-gradients.mdx states, read from the lesson's text and checked
 * against what the widget's own runs compute (its presets through runConfig, trained by the
 * Trainer the worker runs) and against the engine. Change a number in the prose or in the code,
 * and this fails.
 */
import { describe, expect, it } from 'vitest';
import source from '../../lessons/exploding-gradients.mdx?raw';
import { float32Norm } from '../../lib/engine/optim/clip';
import { figure, figures } from '../../lib/common/lesson-figures';
import type { TrainConfig } from '../../lib/ml/training/config';
import { Trainer } from '../../lib/ml/training/trainer';
import { defaultsOf } from '../../lib/common/url-state';
import { explodingSchema, type ExplodingSettings, PRESETS, runConfig, THRESHOLD_STOPS } from './model';

/** Run A (no clipping) or B (clipping) of a preset, exactly as the widget builds it, with `changes` on top. */
function configOf(label: string, run: 'a' | 'b', changes: Partial<ExplodingSettings> = {}): TrainConfig {
  const found = PRESETS.find((p) => p.label === label);
  if (!found) throw new RangeError(`no preset "${label}"`);
  return runConfig({ ...defaultsOf(explodingSchema), ...found.settings, ...changes }, run);
}

/** The step at which a run stops with a non-finite loss or gradient norm, if it does within `steps`. */
function divergesAt(config: TrainConfig, steps: number): { step: number; maxLoss: number } | undefined {
  const t = new Trainer(config);
  let maxLoss = 0;
  for (let s = 0; s < steps; s++) {
    const r = t.trainStep();
    if (Number.isFinite(r.loss)) maxLoss = Math.max(maxLoss, r.loss);
    if (r.diverged) return { step: r.step, maxLoss };
  }
  return undefined;
}

const firstNorm = (config: TrainConfig): number => new Trainer(config).trainStep().normBefore;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

describe('exploding-gradients lesson: recurrence', () => {
  const rnn = (changes: Partial<ExplodingSettings> = {}): TrainConfig => configOf('RNN over 30 steps', 'a', changes);

  it('1.5⁵⁰ ≈ 6.4 × 10⁸, and with half the units off ρ = 1.5 grows the gradient only ρ²/2 = 1.125 per step', () => {
    expect(figure(source, /\$1\.5\^\{50\} \\approx ([^$]+)\$/).toPrecision(2)).toBe((1.5 ** 50).toPrecision(2));
    expect(figure(source, /At \$\\rho = 1\.5\$ that is only ([\d.]+):/)).toBe(1.5 ** 2 / 2);
  });

  it('the RNN setup reads sequences of the stated length with recurrent weights of spectral radius about 2', () => {
    const [length, units, rho] = figures(source, /reads sequences of (\d+) numbers with a ReLU `nn\.RNN` of (\d+) units whose recurrent\s?weights have spectral radius about (\d+)/);
    expect(rnn()).toMatchObject({ task: { kind: 'sequence', seqLen: length }, width: units, initScale: rho, depth: 1 });
    expect(PRESETS.some((p) => p.label === `RNN over ${length} steps`)).toBe(true);
  });

  it('over seeds 1 to 100, run A explodes within the stated number of updates as often as the lesson says, at ρ = 2 and at ρ = 1.5', () => {
    const [updates, atTwo] = figures(source, /overflows within its first (\d+) updates for (\d+)\s?of them/);
    const atOneAndAHalf = figure(source, /with \$\\rho = 1\.5\$ and everything else the same, for only (\d+)\./);
    const count = (scale: number): number => {
      let n = 0;
      for (let seed = 1; seed <= 100; seed++) if (divergesAt(rnn({ seed, scale }), updates ?? NaN)) n++;
      return n;
    };
    expect(count(2)).toBe(atTwo);
    expect(count(1.5)).toBe(atOneAndAHalf);
    // The same figure in the answers.
    expect(figures(source, /Run A explodes for nearly every seed: (\d+) of the first 100 within (\d+) updates/)).toEqual([atTwo, updates]);
  });

  it('the first gradient grows by the stated median factor per extra step of sequence (seeds 1 to 15, L = 10 against 30), close to ρ²/2 = 2', () => {
    const stated = figure(source, /grows by a median factor of ([\d.]+) per extra step/);
    const perStep = Array.from({ length: 15 }, (_, i) => (firstNorm(rnn({ seed: i + 1, seqlen: 30 })) / firstNorm(rnn({ seed: i + 1, seqlen: 10 }))) ** (1 / 20));
    expect(median(perStep)).toBeCloseTo(stated, 1);
    expect(figure(source, /\(over 15 seeds the median is ([\d.]+)\s?per step\)/)).toBe(stated);
  });

  it('4. with seed 1 the first gradient norm at L = 30 and L = 10, their ratio and its rate per step are as stated', () => {
    const [at30, at10] = figures(source, /at \$L = 30\$ the first gradient norm is about \$([^$]+)\$; at \$L = 10\$ it is\s?about (\d+)\./);
    const [ratio, perStep] = figures(source, /That is a factor of about \$([^$]+)\$ for 20 steps, about ([\d.]+) per step/);
    const long = firstNorm(rnn({ seqlen: 30 }));
    const short = firstNorm(rnn({ seqlen: 10 }));
    expect(long.toPrecision(2)).toBe(at30?.toPrecision(2));
    expect(Math.round(short / 10) * 10).toBe(at10);
    expect((long / short).toPrecision(1)).toBe(ratio?.toPrecision(1));
    expect(((long / short) ** (1 / 20)).toFixed(1)).toBe(perStep?.toFixed(1));
  });

  it('run B, clipped at norm 1, survives the RNN setup and its loss falls', () => {
    const t = new Trainer(configOf('RNN over 30 steps', 'b'));
    const before = t.evaluate().trainLoss;
    for (let s = 0; s < 300; s++) expect(t.trainStep().diverged).toBe(false);
    expect(t.evaluate().trainLoss).toBeLessThan(before / 1e6);
  });
});

describe('exploding-gradients lesson: clipping', () => {
  it('clip by value turns (10, 0.1) from 0.57° to 5.71°; by norm gives (0.99995, 0.0099995)', () => {
    const degrees = (x: number, y: number): number => Number(((Math.atan2(y, x) * 180) / Math.PI).toFixed(2));
    expect(figures(source, /points \$([\d.]+)°\$ off the first axis instead of\s?\$([\d.]+)°\$/)).toEqual([degrees(1, 0.1), degrees(10, 0.1)]);
    const c = Math.min(1, 1 / (Math.hypot(10, 0.1) + 1e-6));
    expect(figures(source, /Clipping by norm gives\s?\$\(([\d.]+), ([\d.]+)\)\$/)).toEqual([Number((10 * c).toFixed(5)), Number((0.1 * c).toFixed(7))]);
  });

  it('float32 tops out at 3.4 × 10³⁸, so PyTorch’s float32 norm is Infinity above about 1.8 × 10¹⁹', () => {
    const top = figure(source, /tops out at about \$([^$]+)\$/);
    expect(Math.fround(top)).toBeLessThan(Infinity);
    expect(Math.fround(top * 1.01)).toBe(Infinity);
    expect(figure(source, /when the sum of squares passes \$([^$]+)\$/)).toBe(top);
    const edge = figure(source, /that is for a norm above about\s?\$([^$]+)\$/);
    expect(Math.sqrt(top).toPrecision(2)).toBe(edge.toPrecision(2));
    expect(float32Norm(Float32Array.of(0.99 * edge))).toBeLessThan(Infinity);
    expect(float32Norm(Float32Array.of(1.05 * edge))).toBe(Infinity);
  });
});

describe('exploding-gradients lesson: what to expect', () => {
  it('1. the default setup diverges at the stated step after passing the stated loss; at weight scale 1 it trains', () => {
    const step = figure(source, /With this seed, at step (\d+): the loss passes/);
    const loss = figure(source, /the loss passes \$([^$]+)\$ on the way/);
    const run = divergesAt(configOf('Large initial weights', 'a'), 300);
    expect(run?.step).toBe(step);
    expect(run?.maxLoss).toBeGreaterThan(loss);
    expect(run?.maxLoss).toBeLessThan(loss * 10);
    expect(divergesAt(configOf('Large initial weights', 'a', { scale: 1 }), 300)).toBeUndefined();
  });

  it('2. at weight scale 1, learning rates 0.1 and 0.03 diverge and 0.01 trains', () => {
    const [first, second, safe] = figures(source, /Run A diverges at ([\d.]+) and at ([\d.]+); at ([\d.]+) and below it trains/);
    const at = (lr: number | undefined): TrainConfig => configOf('Large learning rate', 'a', { lr: lr ?? NaN });
    expect(divergesAt(at(first), 300)).toBeDefined();
    expect(divergesAt(at(second), 300)).toBeDefined();
    expect(divergesAt(at(safe), 300)).toBeUndefined();
  });

  it('3. the MLP has the stated number of parameters, so value clipping allows the stated norm, and trains faster than norm clipping', () => {
    const stated = figure(source, /caps each of the network's ([\d,]+) components/);
    const parameters = new Trainer(configOf('Large initial weights', 'a')).model.parameters().reduce((n, p) => n + p.numel(), 0);
    expect(parameters).toBe(stated);
    expect(figure(source, /\\approx ([\d.]+)\$, while clipping by norm/)).toBe(Number((0.1 * Math.sqrt(parameters)).toFixed(1)));
    const loss = (clip: 'value' | 'norm'): number => {
      const t = new Trainer(configOf('Large initial weights', 'b', { clip, max: 0.1 }));
      for (let s = 0; s < 300; s++) t.trainStep();
      return t.evaluate().trainLoss;
    };
    expect(loss('value')).toBeLessThan(loss('norm') / 10);
  });

  it('5. threshold 30 survives, reaches the lowest loss of the thresholds offered, and cuts first norms of about 2 × 10⁵', () => {
    const firstNorms = figure(source, /first gradients, with norms around \$([^$]+)\$/);
    expect(firstNorm(configOf('Large initial weights', 'b', { max: 30 })).toPrecision(1)).toBe(firstNorms.toPrecision(1));
    const loss = (max: number): number => {
      const t = new Trainer(configOf('Large initial weights', 'b', { max }));
      for (let s = 0; s < 300; s++) if (t.trainStep().diverged) return Infinity;
      return t.evaluate().trainLoss;
    };
    const losses = THRESHOLD_STOPS.map(loss);
    expect(Math.min(...losses)).toBe(losses[THRESHOLD_STOPS.indexOf(30)]);
  });

  it('in run B the norm before clipping is in the thousands while the clipped norm sits at the threshold', () => {
    const t = new Trainer(configOf('Large initial weights', 'b'));
    const before: number[] = [];
    for (let s = 0; s < 300; s++) {
      const r = t.trainStep();
      before.push(r.normBefore);
      expect(r.normAfter).toBeCloseTo(1, 4);
    }
    expect(Math.floor(Math.log10(median(before)))).toBe(3);
  });
});
