import { describe, expect, it } from 'vitest';
import { trainSpecOf } from '../../ml/training';
import { describeRace, describeRaceRun, firstStepReaching, raceConfig } from './loss-race';

describe('raceConfig()', () => {
  it('gives both runs the same network, seed and start, and differs only in the loss', () => {
    const a = trainSpecOf(raceConfig({ bad: 8, lr: 0.3, seed: 4 }, 'a'));
    const b = trainSpecOf(raceConfig({ bad: 8, lr: 0.3, seed: 4 }, 'b'));
    expect([a.loss, b.loss]).toEqual(['binaryCrossEntropyWithLogits', 'sigmoidMseLoss']);
    expect({ ...a, loss: null }).toEqual({ ...b, loss: null });
    expect(a.model.layers.at(-1)).toMatchObject({ init: { scheme: 'xavier', bias: -8 } });
    expect(a.seed).toBe(4);
  });
});

describe('firstStepReaching()', () => {
  const evaluations = { steps: [0, 25, 50], columns: { trainAccuracy: Float32Array.of(0.475, 0.8, 0.9) } };
  it('finds the first step at or above the target, float32 rounding included', () => {
    expect(firstStepReaching(evaluations, 'trainAccuracy', 0.9)).toBe(50);
    expect(firstStepReaching(evaluations, 'trainAccuracy', 0.95)).toBeNull();
  });
  it('names the series it expected', () => {
    expect(() => firstStepReaching(evaluations, 'testAccuracy', 0.9)).toThrow('expected a series "testAccuracy", got trainAccuracy');
  });
});

describe('describeRace()', () => {
  const start = { step: 0, trainLoss: 4.19996, trainAccuracy: 0.475, evaluatedAt: 0, outputGradient: 0.0192 };
  it('at step 0 says nothing has run and gives the gradient at the initial weights, and compares the gradients', () => {
    expect(describeRace(start, { ...start, trainLoss: 0.52464, outputGradient: 0.0000512 })).toBe(
      "Run A (cross-entropy) at step 0, before any update: training accuracy 47.5 %, loss 4.2; output layer's gradient norm 0.0192 at the initial weights. " +
        "Run B (squared error) at step 0, before any update: training accuracy 47.5 %, loss 0.525; output layer's gradient norm 0.0000512 at the initial weights. " +
        "Cross-entropy's output gradient is 375 times squared error's.",
    );
  });
  it('says when the evaluation is older than the step, and when a run diverged', () => {
    expect(describeRaceRun('Run B', { ...start, step: 30, evaluatedAt: 25 })).toBe("Run B at step 30: training accuracy 47.5 %, loss 4.2 (evaluated at step 25); output layer's gradient norm 0.0192.");
    expect(describeRaceRun('Run A', { ...start, step: 3, diverged: { step: 3 } })).toBe('Run A stopped at step 3: the loss or the gradient became infinite.');
  });
});
