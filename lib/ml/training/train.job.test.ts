import { describe, expect, it } from 'vitest';
import { DEEP_RELU_HE, DEEP_SIGMOID, EXPLODING_MLP } from './presets';
import { runJob } from '../../runtime';
import { until } from '../../runtime/test-helpers';
import { trainJob, type TrainParams, type TrainSnapshot } from './train.job';

const params = (overrides: Partial<TrainParams> = {}): TrainParams => ({
  config: DEEP_RELU_HE,
  maxSteps: 40,
  evalEvery: 10,
  boundaryResolution: 8,
  boundaryExtent: 1.6,
  ...overrides,
});

describe('trainJob', () => {
  it('trainJob trains to maxSteps and records every step and every tenth evaluation', async () => {
    const result = await runJob(trainJob, params()).result;
    expect(result.status).toBe('finished');
    expect(result.step).toBe(40);
    expect(Array.from(result.steps.steps)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(Array.from(result.evaluations.steps)).toEqual([0, 10, 20, 30, 40]);
    expect(result.layers).toEqual(['layer 1', 'layer 2', 'layer 3', 'layer 4', 'layer 5', 'layer 6', 'layer 7', 'layer 8', 'layer 9', 'layer 10', 'output']);
    expect(Object.keys(result.steps.columns)).toEqual(['loss', 'normBefore', 'normAfter', ...result.layers]);
    expect(result.boundary).toHaveLength(64);
  });

  it('trainJob started paused shows step 0, and each step() advances exactly one update', async () => {
    const seen: TrainSnapshot[] = [];
    const handle = runJob(trainJob, params(), { paused: true, onProgress: (s) => seen.push(s) });
    // Setting up yields to the event loop (ctx.rest): wait for the step-0 snapshot, not for a time.
    await until(() => seen.length > 0, 30_000);
    expect(seen.at(-1)?.step).toBe(0);
    // Before any update the bars already show each layer's gradient (on 256 training points).
    const initial = seen.at(-1)?.gradient;
    expect(initial?.step).toBe(0);
    expect(initial?.layers).toHaveLength(11);
    for (const norm of initial?.layers ?? []) expect(norm).toBeGreaterThan(0);
    for (let k = 1; k <= 3; k++) {
      handle.step();
      await until(() => (seen.at(-1)?.step ?? 0) >= k, 30_000);
      expect(seen.at(-1)?.step).toBe(k);
    }
    handle.cancel();
    await expect(handle.result).rejects.toThrow();
  });

  it('trainJob at step 0 reports the real gradient norm at the initial weights, not a placeholder', async () => {
    const seen: TrainSnapshot[] = [];
    const handle = runJob(trainJob, params({ config: EXPLODING_MLP }), { paused: true, onProgress: (s) => seen.push(s) });
    // Setting up yields to the event loop (ctx.rest): wait for the step-0 snapshot, not for a time.
    await until(() => seen.length > 0, 30_000);
    const { gradient, steps } = seen.at(-1) ?? ({} as Partial<TrainSnapshot>);
    // No update has run, so the per-step history is empty; the latest gradient is the initial one.
    expect(steps?.steps).toHaveLength(0);
    expect(gradient?.step).toBe(0);
    expect(Number.isFinite(gradient?.normBefore)).toBe(true);
    expect(gradient?.normBefore).toBeGreaterThan(1e3);
    expect(gradient?.normAfter).toBe(gradient?.normBefore);
    handle.step();
    await until(() => (seen.at(-1)?.step ?? 0) >= 1, 30_000);
    expect(seen.at(-1)?.gradient.step).toBe(1);
    // The history keeps float32 copies: the same number to 7 digits.
    expect((seen.at(-1)?.gradient.normBefore ?? NaN) / (seen.at(-1)?.steps.columns.normBefore?.[0] ?? NaN)).toBeCloseTo(1, 6);
    handle.cancel();
    await expect(handle.result).rejects.toThrow();
  });

  it('trainJob histograms every hidden layer at step 0 and at each evaluation when asked', async () => {
    const result = await runJob(trainJob, params({ config: DEEP_SIGMOID, maxSteps: 20, activationHistograms: true })).result;
    expect(result.activations?.step).toBe(20);
    expect(result.activations?.layers).toHaveLength(10);
    expect(result.activations?.examples).toBe(256);
    expect(result.activations?.lo).toBe(0);
    expect(result.activations?.hi).toBe(1);
    const without = await runJob(trainJob, params({ maxSteps: 1 })).result;
    expect(without.activations).toBeUndefined();
  });

  it('trainJob stops with the step at which the loss became non-finite', async () => {
    const result = await runJob(trainJob, params({ config: EXPLODING_MLP, maxSteps: 500 })).result;
    expect(result.status).toBe('diverged');
    expect(result.diverged?.step).toBeGreaterThan(0);
    expect(result.diverged?.step).toBeLessThan(20);
    expect(Number.isFinite(result.diverged?.loss ?? 0)).toBe(false);
    expect(result.boundary).toBeUndefined();
  });

  it('trainJob gives the same loss at step 30 on every run (Reset reproduces a run)', async () => {
    const first = await runJob(trainJob, params()).result;
    const second = await runJob(trainJob, params()).result;
    expect(second.evaluations.columns.trainLoss?.[3]).toBe(first.evaluations.columns.trainLoss?.[3]);
    expect(Array.from(second.steps.columns.loss ?? [])).toEqual(Array.from(first.steps.columns.loss ?? []));
  });
});
