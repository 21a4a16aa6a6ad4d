import { describe, expect, it } from 'vitest';
import { runJob } from '../../runtime';
import { nn } from '../../engine';
import { dropoutJob, type DropoutSnapshot } from './dropout.job';
import { loadDigits } from './load-digits.node';
import { captureParameters, DigitClassifier, firstLayerFilters, loadParameters, networkFingerprint, parameterCount } from './network-parameters';
import { DropoutRun, type DropoutSettings } from './run';

const digits = loadDigits();
const small: DropoutSettings = { trainSize: 100, p: 0.5, placement: 'fc', weightDecay: 0, learningRate: 0.003, epochs: 3, batchSize: 25, seed: 5 };

describe('the network in the snapshot', () => {
  it('the page\'s forward pass on the delivered parameters gives the worker-side model\'s evaluation-mode logits, for every validation digit', async () => {
    for (const settings of [small, { ...small, p: 0, placement: 'none' as const }, { ...small, placement: 'both' as const }]) {
      const result = await runJob(dropoutJob, { settings, digits }).result;
      expect(result.network.epoch).toBe(3);
      const run = new DropoutRun(settings, digits);
      run.runToEnd();
      const data = run.splits.validation;
      const expected = run.logits(data, 'eval').data;
      const classifier = new DigitClassifier(result.network);
      for (let i = 0; i < data.n; i++) {
        const got = classifier.classify(data.x.subarray(196 * i, 196 * (i + 1)));
        // One digit runs on the JavaScript kernels, the whole validation batch on WebAssembly ('auto'
        // picks by size): the same sums in another order, so equal to float32 rounding, not bit for bit.
        const want = expected.subarray(10 * i, 10 * (i + 1));
        got.logits.forEach((logit, k) => expect(Math.abs(logit - (want[k] ?? NaN))).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(want[k] ?? NaN))));
        expect(got.predicted).toBe(run.validationPredictions[i]);
        expect(got.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
      }
    }
  });

  it('each snapshot carries the network of the epoch its validation view shows, 11,178 numbers', async () => {
    const seen: DropoutSnapshot[] = [];
    await runJob(dropoutJob, { settings: small, digits }, { onProgress: (s) => seen.push(s), progressIntervalMs: 0 }).result;
    expect(seen.length).toBeGreaterThan(3);
    for (const s of seen) {
      expect(s.network.epoch).toBe(s.validation.epoch);
      expect(s.network.epoch).toBe(s.epoch);
      expect(parameterCount(s.network)).toBe(11_178);
    }
    const first = seen[0]?.network;
    const last = seen.at(-1)?.network;
    expect(first?.epoch).toBe(0);
    expect(Array.from(last?.arrays[0]?.data ?? [])).not.toEqual(Array.from(first?.arrays[0]?.data ?? []));
  });
});

describe('captureParameters() and loadParameters()', () => {
  it('captures a copy: training on does not change it', () => {
    const run = new DropoutRun(small, digits);
    const before = captureParameters(run.model, 0);
    const copy = before.arrays.map((a) => Array.from(a.data));
    run.step();
    expect(before.arrays.map((a) => Array.from(a.data))).toEqual(copy);
    expect(before.arrays.map((a) => `${a.name} ${a.shape.join('×')}`)).toEqual(['0.weight 8×1×3×3', '0.bias 8', '3.weight 16×8×3×3', '3.bias 16', '7.weight 64×144', '7.bias 64', '10.weight 10×64', '10.bias 10']);
  });

  it('refuses parameters of another layout, naming the first that differs', () => {
    const fc = captureParameters(new DropoutRun(small, digits).model, 0);
    const pools = new DropoutRun({ ...small, placement: 'pools' }, digits).model;
    expect(() => loadParameters(pools, fc)).toThrow('loadParameters: expected 4.weight of shape 16×8×3×3, got 3.weight of shape 16×8×3×3');
    expect(() => loadParameters(pools, { ...fc, arrays: fc.arrays.slice(1) })).toThrow(/^loadParameters: expected 8 parameters \(0\.weight, .*\), got 7 \(0\.bias,/);
  });
});

describe('networkFingerprint()', () => {
  it('is the same for a copy of a network and differs after one update, and for another seed at the same epoch', () => {
    const run = new DropoutRun(small, digits);
    const before = captureParameters(run.model, 0);
    expect(networkFingerprint(structuredClone(before))).toBe(networkFingerprint(before));
    const other = captureParameters(new DropoutRun({ ...small, seed: 6 }, digits).model, 0);
    expect(networkFingerprint(other)).not.toBe(networkFingerprint(before));
    run.step();
    expect(networkFingerprint(captureParameters(run.model, 0))).not.toBe(networkFingerprint(before));
  });
});

describe('firstLayerFilters()', () => {
  it('gives the first convolution\'s 8 kernels of 3 × 3 and their biases', () => {
    const run = new DropoutRun(small, digits);
    const filters = firstLayerFilters(captureParameters(run.model, 0));
    const conv = run.model.at(0);
    expect(conv).toBeInstanceOf(nn.Conv2d);
    expect(filters.count).toBe(8);
    expect(filters.size).toBe(3);
    expect(Array.from(filters.weights)).toEqual(Array.from(conv instanceof nn.Conv2d ? conv.weight.data : []));
    expect(Array.from(filters.bias)).toEqual(Array.from(conv instanceof nn.Conv2d ? (conv.bias?.data ?? []) : []));
    expect(() => firstLayerFilters({ epoch: 0, spec: { input: [1, 14, 14], layers: [] }, arrays: [] })).toThrow('firstLayerFilters: expected a convolution weight of shape C×1×k×k, got none');
  });
});
