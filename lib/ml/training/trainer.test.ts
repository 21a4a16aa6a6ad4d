import { describe, expect, it } from 'vitest';
import { gradNorm } from '../../engine';
import type { TrainConfig } from './config';
import { DEEP_RELU_HE, DEEP_SIGMOID, EXPLODING_MLP, EXPLODING_RNN } from './presets';
import { Trainer } from './trainer';

function train(config: TrainConfig, steps: number): { trainer: Trainer; last: ReturnType<Trainer['trainStep']> } {
  const trainer = new Trainer(config);
  let last = trainer.trainStep();
  for (let s = 1; s < steps && !last.diverged; s++) last = trainer.trainStep();
  return { trainer, last };
}

describe('Trainer', () => {
  it('trainStep() on deep sigmoid: after 100 steps layer 1 gets under 1e-3 of the last layer’s gradient', () => {
    const { last } = train(DEEP_SIGMOID, 100);
    const first = last.layerNorms[0] ?? NaN;
    const output = last.layerNorms[last.layerNorms.length - 1] ?? NaN;
    expect(last.layerNorms).toHaveLength(11);
    expect(first / output).toBeLessThan(1e-3);
  });

  it('trainStep() on deep sigmoid: the network has not learned after 300 steps', () => {
    const { trainer } = train(DEEP_SIGMOID, 300);
    expect(trainer.evaluate().testAccuracy).toBeLessThan(0.65);
  });

  it('trainStep() with ReLU and He reaches 90 % test accuracy on two circles within 300 steps', () => {
    const { trainer } = train(DEEP_RELU_HE, 300);
    expect(trainer.evaluate().testAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('trainStep() on the exploding MLP reaches a non-finite loss without clipping', () => {
    const { last } = train(EXPLODING_MLP, 50);
    expect(last.diverged).toBe(true);
    expect(Number.isFinite(last.loss) && Number.isFinite(last.normBefore)).toBe(false);
    expect(last.step).toBeLessThan(20);
  });

  it('trainStep() on the exploding MLP stays finite for 300 steps with global-norm clipping at 1.0', () => {
    const { trainer, last } = train({ ...EXPLODING_MLP, clip: { mode: 'norm', threshold: 1 } }, 300);
    expect(last.diverged).toBe(false);
    expect(trainer.step).toBe(300);
    expect(Number.isFinite(trainer.evaluate().trainLoss)).toBe(true);
  });

  it('trainStep() on the exploding RNN diverges without clipping and stays finite with it', () => {
    expect(train(EXPLODING_RNN, 20).last.diverged).toBe(true);
    const clipped = train({ ...EXPLODING_RNN, clip: { mode: 'norm', threshold: 1 } }, 40);
    expect(clipped.last.diverged).toBe(false);
    expect(clipped.last.normAfter).toBeLessThanOrEqual(1 + 1e-5);
    expect(clipped.last.normBefore).toBeGreaterThan(1);
  });

  it('trainStep() is deterministic: the same config gives the same losses', () => {
    const a = new Trainer(DEEP_RELU_HE);
    const b = new Trainer(DEEP_RELU_HE);
    for (let s = 0; s < 50; s++) expect(a.trainStep().loss).toBe(b.trainStep().loss);
    expect(a.evaluate()).toEqual(b.evaluate());
    expect(new Trainer({ ...DEEP_RELU_HE, seed: 2 }).trainStep().loss).not.toBe(new Trainer(DEEP_RELU_HE).trainStep().loss);
  });

  it('trainStep() clips by global norm, by value and per tensor as specified', () => {
    const base = { ...EXPLODING_MLP, initScale: 1.5 };
    const byNorm = new Trainer({ ...base, clip: { mode: 'norm', threshold: 0.5 } }).trainStep();
    expect(byNorm.normBefore).toBeGreaterThan(0.5);
    expect(byNorm.normAfter).toBeCloseTo(0.5, 4);

    const byValue = new Trainer({ ...base, clip: { mode: 'value', threshold: 0.01 } });
    byValue.trainStep();
    for (const p of byValue.model.parameters()) for (const g of p.grad?.data ?? []) expect(Math.abs(g)).toBeLessThanOrEqual(0.01 + 1e-9);

    const perTensor = new Trainer({ ...base, clip: { mode: 'tensor', threshold: 0.3 } });
    const record = perTensor.trainStep();
    for (const p of perTensor.model.parameters()) expect(gradNorm([p])).toBeLessThanOrEqual(0.3 + 1e-5);
    expect(record.normAfter).toBeLessThan(record.normBefore);
  });

  it('gradientNorms() gives the full-batch gradient of each layer, and leaves the run as it was', () => {
    const fullBatch = { ...DEEP_SIGMOID, batchSize: 100_000 };
    const { layers: probe, total } = new Trainer(fullBatch).gradientNorms(100_000);
    const step = new Trainer(fullBatch).trainStep();
    expect(probe).toHaveLength(step.layerNorms.length);
    probe.forEach((norm, i) => expect(norm / (step.layerNorms[i] ?? NaN)).toBeCloseTo(1, 4));
    expect(total / step.normBefore).toBeCloseTo(1, 4);
    // Vanishing already at initialisation: the first layer's gradient is far below the last's.
    expect(probe[0] ?? NaN).toBeLessThan(1e-3 * (probe.at(-1) ?? NaN));
    // On a sample of 256 examples (the default) the picture is the same.
    const sampled = new Trainer(fullBatch).gradientNorms().layers;
    sampled.forEach((norm, i) => expect(Math.abs(Math.log10(norm / (probe[i] ?? NaN)))).toBeLessThan(0.5));

    const probed = new Trainer(DEEP_RELU_HE);
    probed.gradientNorms();
    for (const p of probed.model.parameters()) for (const g of p.grad?.data ?? []) expect(g).toBe(0);
    const plain = new Trainer(DEEP_RELU_HE);
    for (let s = 0; s < 20; s++) expect(probed.trainStep().loss).toBe(plain.trainStep().loss);
  });

  it('boundary() gives probabilities on the grid, top row first', () => {
    const { trainer } = train(DEEP_RELU_HE, 300);
    const grid = trainer.boundary(9, 1.5);
    expect(grid).toHaveLength(81);
    for (const p of grid) expect(p).toBeGreaterThanOrEqual(0), expect(p).toBeLessThanOrEqual(1);
    // The centre (inner circle, label 1) and a corner (outside both circles, label 0).
    expect(grid[4 * 9 + 4]).toBeGreaterThan(0.5);
    expect(grid[0]).toBeLessThan(0.5);
  });
});

describe('Trainer.evaluate()', () => {
  it('evaluate() counts ReLU units that are off on every training point, and says −1 for sigmoid', () => {
    expect(new Trainer(DEEP_SIGMOID).evaluate().inactiveUnits).toBe(-1);
    const healthy = new Trainer(DEEP_RELU_HE).evaluate().inactiveUnits;
    expect(healthy).toBeGreaterThanOrEqual(0);
    expect(healthy).toBeLessThan(32 * 10);
    // A huge negative bias in layer 1 switches all of its units off for every input.
    const trainer = new Trainer(DEEP_RELU_HE);
    const bias = trainer.model.parameters()[1];
    bias?.data.fill(-1000);
    expect(trainer.evaluate().inactiveUnits).toBeGreaterThanOrEqual(32);
  });
});
