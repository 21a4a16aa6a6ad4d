import { describe, expect, it, vi } from 'vitest';
import { Rng } from '../../engine';
import { runJob } from '../../runtime';
import { dropoutJob, MISCLASSIFIED_SHOWN } from './dropout.job';
import { DropoutRun, type DropoutSettings } from './run';
import { loadDigits } from './load-digits.node';
import { drawShifts, SHIFT_SEED } from './shift';

const digits = loadDigits();
const small: DropoutSettings = { trainSize: 100, p: 0.5, placement: 'fc', weightDecay: 0, learningRate: 0.003, epochs: 3, batchSize: 25, seed: 5 };

describe('DropoutRun', () => {
  it('records epoch 0 and then one record per epoch, 4 updates an epoch for 100 digits in batches of 25', () => {
    const run = new DropoutRun(small, digits);
    expect(run.history).toHaveLength(1);
    expect(run.history[0]?.validationAccuracy).toBeLessThan(0.25);
    const history = run.runToEnd();
    expect(history.map((r) => r.epoch)).toEqual([0, 1, 2, 3]);
    expect(run.steps).toBe(12);
    expect(run.done).toBe(true);
    expect(run.step()).toBeUndefined();
  });

  it('is deterministic for a seed, and another seed gives other numbers', () => {
    const a = new DropoutRun(small, digits).runToEnd();
    expect(new DropoutRun(small, digits).runToEnd()).toEqual(a);
    expect(new DropoutRun({ ...small, seed: 6 }, digits).runToEnd()).not.toEqual(a);
  });

  it('learns the digits: validation accuracy well above chance after 8 epochs on 300 digits', () => {
    const history = new DropoutRun({ ...small, trainSize: 300, epochs: 8 }, digits).runToEnd();
    const last = history.at(-1);
    expect(last?.validationAccuracy).toBeGreaterThan(0.7);
    expect(last?.trainLoss).toBeLessThan(history[0]?.trainLoss ?? 0);
  });

  it('has dropout on in training mode (outputs change from call to call) and off in evaluation mode (the same twice)', () => {
    const run = new DropoutRun(small, digits);
    const data = run.splits.validation;
    const a = run.logits(data, 'train').data;
    const b = run.logits(data, 'train').data;
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(Array.from(run.logits(data, 'eval').data)).toEqual(Array.from(run.logits(data, 'eval').data));
    const none = new DropoutRun({ ...small, p: 0 }, digits);
    expect(Array.from(none.logits(data, 'train').data)).toEqual(Array.from(none.logits(data, 'eval').data));
  });

  it('gives the run without dropout the same initial weights (the dropout layers draw from their own generator)', () => {
    const a = new DropoutRun(small, digits).model.parameters();
    const b = new DropoutRun({ ...small, p: 0, placement: 'none' }, digits).model.parameters();
    expect(a.map((q) => Array.from(q.data))).toEqual(b.map((q) => Array.from(q.data)));
  });

  it('with shift 0 (or none given) is the run it was: the same batches, unshifted, and the same history', () => {
    const run = new DropoutRun({ ...small, shift: 0 }, digits);
    const batch = vi.spyOn(run, 'batch');
    expect(run.runToEnd()).toEqual(new DropoutRun(small, digits).runToEnd());
    // Minibatches name their rows; evaluation takes whole sets.
    const training = batch.mock.calls.filter(([, rows]) => rows !== undefined);
    expect(training).toHaveLength(12);
    for (const [, , shifts] of training) expect(shifts).toBeUndefined();
  });

  it('with shifts, changes nothing but the shifts: the same split, initial weights, minibatches and epoch-0 evaluation; each minibatch shifted by its own generator\'s draws', () => {
    const plain = new DropoutRun(small, digits);
    const shifted = new DropoutRun({ ...small, shift: 2 }, digits);
    expect(shifted.splits).toEqual(plain.splits);
    expect(shifted.model.parameters().map((q) => Array.from(q.data))).toEqual(plain.model.parameters().map((q) => Array.from(q.data)));
    // Evaluation never shifts: before training both runs measure the same.
    expect(shifted.history[0]).toEqual(plain.history[0]);
    const rowsOf = (run: DropoutRun) => {
      const spy = vi.spyOn(run, 'batch');
      run.runToEnd();
      // Evaluation takes whole sets (no rows), never shifted.
      for (const [, rows, shifts] of spy.mock.calls) if (rows === undefined) expect(shifts).toBeUndefined();
      return spy.mock.calls.filter(([, rows]) => rows !== undefined);
    };
    const plainCalls = rowsOf(plain);
    const shiftedCalls = rowsOf(shifted);
    expect(shiftedCalls.map(([, rows]) => rows)).toEqual(plainCalls.map(([, rows]) => rows));
    const expected = new Rng(small.seed ^ SHIFT_SEED);
    for (const [, rows, shifts] of shiftedCalls) expect(Array.from(shifts ?? [])).toEqual(Array.from(drawShifts(expected, rows?.length ?? 0, 2)));
    expect(shifted.history.at(-1)).not.toEqual(plain.history.at(-1));
  });

  it('with shifts, is deterministic for a seed, and another seed or another shift gives other numbers', () => {
    const settings = { ...small, shift: 1 };
    const a = new DropoutRun(settings, digits).runToEnd();
    expect(new DropoutRun(settings, digits).runToEnd()).toEqual(a);
    expect(new DropoutRun({ ...settings, seed: 6 }, digits).runToEnd()).not.toEqual(a);
    expect(new DropoutRun({ ...settings, shift: 2 }, digits).runToEnd()).not.toEqual(a);
  });

  it('refuses bad settings, saying what it expected', () => {
    expect(() => new DropoutRun({ ...small, shift: 3 }, digits)).toThrow('shift: expected a whole number of pixels from 0 to 2, got 3');
    expect(() => new DropoutRun({ ...small, shift: 0.5 }, digits)).toThrow('shift: expected a whole number of pixels from 0 to 2, got 0.5');
    expect(() => new DropoutRun({ ...small, learningRate: 0 }, digits)).toThrow('learning rate: expected a number in (0, 1], got 0');
    expect(() => new DropoutRun({ ...small, epochs: 1.5 }, digits)).toThrow('epochs: expected a whole number from 1 to 500, got 1.5');
    expect(() => new DropoutRun({ ...small, p: 1 }, digits)).toThrow('digitsCnn: expected a dropout probability in [0, 1), got 1');
  });
});

describe('dropoutJob', () => {
  it('runs in-process to the end and reports the same history as a DropoutRun', async () => {
    const progress: number[] = [];
    const handle = runJob(dropoutJob, { settings: small, digits }, { onProgress: (s) => progress.push(s.steps) });
    const result = await handle.result;
    expect(result.done).toBe(true);
    expect(result.steps).toBe(12);
    expect(result.history).toEqual(new DropoutRun(small, digits).runToEnd());
    expect(progress.at(-1)).toBe(12);
  });

  it('carries what the last epoch\'s network gets wrong on the validation set: a confusion matrix and the misclassified digits, matching its accuracy', async () => {
    const result = await runJob(dropoutJob, { settings: small, digits }).result;
    const { validation } = result;
    const last = result.history.at(-1);
    expect(validation.epoch).toBe(3);
    expect(validation.confusion).toHaveLength(100);
    expect(validation.confusion.reduce((n, c) => n + c, 0)).toBe(500);
    // Each row is one class's 50 validation digits.
    for (let r = 0; r < 10; r++) expect(validation.confusion.slice(10 * r, 10 * r + 10).reduce((n, c) => n + c, 0)).toBe(50);
    const right = Array.from({ length: 10 }, (_, c) => validation.confusion[11 * c] ?? 0).reduce((n, c) => n + c, 0);
    expect(right / 500).toBe(last?.validationAccuracy);
    expect(validation.misclassifiedTotal).toBe(500 - right);
    expect(validation.misclassified).toHaveLength(Math.min(MISCLASSIFIED_SHOWN, 500 - right));
    // Each shown digit is the validation set's, and the network's own prediction for it (recomputed) is the one stated.
    const run = new DropoutRun(small, digits);
    run.runToEnd();
    for (const d of validation.misclassified) {
      expect(d.label).toBe(run.splits.validation.y[d.index]);
      expect(Array.from(d.pixels)).toEqual(Array.from(run.splits.validation.x.subarray(196 * d.index, 196 * (d.index + 1))));
      const logits = run.logits({ ...run.splits.validation, x: d.pixels, y: Float32Array.of(d.label), n: 1 }).data;
      expect(Array.from(logits).indexOf(Math.max(...logits))).toBe(d.predicted);
    }
  });
});
