// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { DropoutSnapshot } from '../../lib/course/dropout';
import { useEpochSnapshot } from './useEpochSnapshot';

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

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root = undefined;
});

/** Renders the hook with each (snapshot, key) in turn; returns what it gave each time. */
function run(inputs: readonly [DropoutSnapshot | undefined, string][]): (DropoutSnapshot | undefined)[] {
  const seen: (DropoutSnapshot | undefined)[] = [];
  function View({ snapshot, runKey }: { snapshot: DropoutSnapshot | undefined; runKey: string }) {
    seen.push(useEpochSnapshot(snapshot, runKey));
    return null;
  }
  root = document.createElement('div');
  for (const [snapshot, runKey] of inputs) act(() => render(h(View, { snapshot, runKey }), root!));
  return seen;
}

describe('useEpochSnapshot', () => {
  it('keeps the history, validation view and network of the previous report while the epoch is the same, with the new step', () => {
    const [a, b, c] = run([
      [delivered(5), 'k'],
      [delivered(6), 'k'],
      [delivered(8), 'k'],
    ]);
    expect(b!.steps).toBe(6);
    expect(b!.history).toBe(a!.history);
    expect(b!.validation).toBe(a!.validation);
    expect(b!.network).toBe(a!.network);
    // Epoch 2 begins at step 8: its parts are the new report's own.
    expect(c!.epoch).toBe(2);
    expect(c!.history).not.toBe(b!.history);
    expect(c!.history).toHaveLength(3);
    expect(c!.validation.epoch).toBe(2);
  });

  it('gives the same object when rendered again with the same report, so memos keyed on it hold', () => {
    const report = delivered(5);
    const [a, b] = run([
      [report, 'k'],
      [report, 'k'],
    ]);
    expect(b).toBe(a);
  });

  it('shares nothing with a run of other settings, even at the same epoch', () => {
    const [a, b] = run([
      [delivered(5), 'k'],
      [delivered(6), 'other'],
    ]);
    expect(b!.history).not.toBe(a!.history);
    expect(b!.validation).not.toBe(a!.validation);
  });

  it('passes undefined through and starts afresh after it', () => {
    const [a, none, b] = run([
      [delivered(5), 'k'],
      [undefined, 'k'],
      [delivered(6), 'k'],
    ]);
    expect(none).toBeUndefined();
    expect(b!.history).not.toBe(a!.history);
  });
});
