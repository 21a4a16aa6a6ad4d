import type { DropoutSnapshot } from '../../lib/course/dropout';

/**
 * `next` with the parts that change only at an epoch's end (the history, the validation view, the
 * network's parameters) taken from `previous` while the epoch is the same: the dropout run's
 * KeepUnchanged (see useJobRun). The charts, confusion matrix, digit images and filters then skip
 * their work between epochs, which the reports between them (a new step, a new loss) would
 * otherwise redo with fresh copies of the same numbers.
 */
export function keepEpochParts(previous: DropoutSnapshot, next: DropoutSnapshot): DropoutSnapshot {
  return sameEpoch(previous, next) ? { ...next, history: previous.history, validation: previous.validation, network: previous.network } : next;
}

/** True when `b` holds the same per-epoch parts as `a` (the runs are deterministic: the same epoch of the same settings is the same). */
function sameEpoch(a: DropoutSnapshot, b: DropoutSnapshot): boolean {
  return a.history.length === b.history.length && a.validation.epoch === b.validation.epoch && a.network.epoch === b.network.epoch;
}
