/**
 * The lesson's data-size experiment: the same CNN with and without dropout, trained on a small and
 * a larger training set, compared on the validation set after the last epoch and at its best epoch.
 */
import type { DigitSet } from './digits';
import { DropoutRun, type DropoutSettings, type EpochRecord } from './run';

/** One training run's outcome. */
export interface ExperimentRow {
  readonly trainSize: number;
  readonly p: number;
  readonly last: EpochRecord;
  /** The epoch of lowest validation loss (where early stopping would stop). */
  readonly best: EpochRecord;
  /** Validation loss and accuracy of the trained network measured in training mode: model.eval() forgotten. */
  readonly forgotEval: { readonly loss: number; readonly accuracy: number };
}

/** The epoch of lowest validation loss. */
export function bestEpoch(history: readonly EpochRecord[]): EpochRecord {
  const first = history[0];
  if (first === undefined) throw new RangeError('bestEpoch: expected at least one epoch, got none');
  return history.reduce((best, r) => (r.validationLoss < best.validationLoss ? r : best), first);
}

/** Trains `base` at every training size, without dropout (p = 0) and with `base.p`. */
export function dataSizeExperiment(digits: DigitSet, base: DropoutSettings, sizes: readonly number[]): ExperimentRow[] {
  return sizes.flatMap((trainSize) =>
    [0, base.p].map((p) => {
      const run = new DropoutRun({ ...base, trainSize, p, placement: p === 0 ? 'none' : base.placement }, digits);
      const history = run.runToEnd();
      const last = history.at(-1) ?? bestEpoch(history);
      return { trainSize, p, last, best: bestEpoch(history), forgotEval: run.measure(run.splits.validation, 'train') };
    }),
  );
}
