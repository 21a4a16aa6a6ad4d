import { describe, expect, it } from 'vitest';
import type { DropoutSnapshot } from '../../lib/course/dropout';
import { keepEpochParts } from './epoch-parts';

/** A snapshot after `steps` updates of 4 an epoch, every part a fresh object, as a structured clone delivers it. */
function delivered(steps: number): DropoutSnapshot {
  const epoch = Math.floor(steps / 4);
  const history = Array.from({ length: epoch + 1 }, (_, e) => ({ epoch: e, trainLoss: 1 / (e + 1), trainAccuracy: 0.5, validationLoss: 1, validationAccuracy: 0.5 }));
  return {
    epoch,
    steps,
    stepsPerEpoch: 4,
    done: false,
    history,
    validation: { epoch, confusion: [epoch], misclassified: [], misclassifiedTotal: 0 },
    network: { epoch, spec: [], arrays: [] },
  } as unknown as DropoutSnapshot;
}

describe('keepEpochParts', () => {
  it('keeps the history, validation view and network of the previous report while the epoch is the same, with the new step', () => {
    const a = delivered(5);
    const b = keepEpochParts(a, delivered(6));
    expect(b.steps).toBe(6);
    expect(b.history).toBe(a.history);
    expect(b.validation).toBe(a.validation);
    expect(b.network).toBe(a.network);
    // Epoch 2 begins at step 8: its parts are the new report's own.
    const next = delivered(8);
    const c = keepEpochParts(b, next);
    expect(c).toBe(next);
    expect(c.history).toHaveLength(3);
    expect(c.validation.epoch).toBe(2);
  });

  it('takes nothing from a report whose parts are of another epoch, even one of them', () => {
    const a = delivered(5);
    const later = { ...delivered(6), network: { ...delivered(6).network, epoch: 2 } } as DropoutSnapshot;
    expect(keepEpochParts(a, later)).toBe(later);
  });
});
