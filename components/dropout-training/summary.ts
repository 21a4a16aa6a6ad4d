/** The two dropout runs compared in words at the same epoch (the widget's summary, read by screen readers). */
import { formatFixed } from '../../lib/common';
import { bestEpoch, type EpochRecord } from '../../lib/course/dropout';

/** One run as the summary names it, with its per-epoch history. */
export interface NamedHistory {
  /** "Run A (no remedy)". */
  readonly name: string;
  /** "Run A". */
  readonly short: string;
  readonly history: readonly EpochRecord[];
}

const pct = (v: number): string => `${formatFixed(100 * v, 1)} %`;
const loss = (v: number): string => formatFixed(v, 3);

function describeAt(run: NamedHistory, r: EpochRecord, upTo: number): string {
  const best = bestEpoch(run.history.slice(0, upTo + 1));
  return `${run.name}: training loss ${loss(r.trainLoss)}, validation loss ${loss(r.validationLoss)} (gap ${loss(r.validationLoss - r.trainLoss)}), training accuracy ${pct(r.trainAccuracy)}, validation accuracy ${pct(r.validationAccuracy)}; lowest validation loss so far ${loss(best.validationLoss)} at epoch ${best.epoch}.`;
}

/**
 * Both runs at the last epoch both have finished (they are kept in step, so after Pause that is
 * each one's last), and how B compares with A there: its validation loss and accuracy.
 */
export function describeComparison(a: NamedHistory, b: NamedHistory, epochs: number): string {
  const epoch = Math.min(a.history.length, b.history.length) - 1;
  const ra = a.history[epoch];
  const rb = b.history[epoch];
  if (ra === undefined || rb === undefined) return 'The runs are starting.';
  const when = epoch === 0 ? `Before training (epoch 0 of ${epochs})` : `At epoch ${epoch} of ${epochs}`;
  if (epoch === 0) return `${when}: ${describeAt(a, ra, 0)} ${describeAt(b, rb, 0)}`;
  const dLoss = rb.validationLoss - ra.validationLoss;
  const dAcc = 100 * (rb.validationAccuracy - ra.validationAccuracy);
  const lossWords = dLoss === 0 ? 'the same validation loss' : `a validation loss ${loss(Math.abs(dLoss))} ${dLoss < 0 ? 'lower' : 'higher'}`;
  const accWords = Math.abs(dAcc) < 0.05 ? 'the same validation accuracy' : `a validation accuracy ${formatFixed(Math.abs(dAcc), 1)} points ${dAcc > 0 ? 'higher' : 'lower'}`;
  return `${when}: ${describeAt(a, ra, epoch)} ${describeAt(b, rb, epoch)} ${b.short} has ${lossWords} and ${accWords} than ${a.short}.`;
}
