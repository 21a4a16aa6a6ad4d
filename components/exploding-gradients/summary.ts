/** The exploding widget's summary of one run, in words (pure, so it is unit-tested). */
import { describeDivergence } from '../../lib/ml/training';
import { formatValue } from '../../lib/common';

/** What the summary needs to know about one run. */
export interface RunState {
  step: number;
  /** Loss on the full training set at the latest evaluation, and the step it was taken at. */
  trainLoss: number;
  evaluatedAt: number;
  /** The latest gradient's global norm before clipping: at step 0, at the initial weights. */
  normBefore: number;
  diverged?: { step: number; loss: number; norm: number };
}

/**
 * One run in words: where it stopped if it diverged, else its step, loss and latest gradient norm
 * before clipping. At step 0 it says that nothing has run yet and gives the norm at the initial
 * weights, never a placeholder.
 */
export function describeRunState(name: string, run: RunState): string {
  if (run.diverged) return `${name}: ${describeDivergence(run.diverged.step, run.diverged.loss, run.diverged.norm)}`;
  const loss = `${formatValue(run.trainLoss, 3)}${run.evaluatedAt === run.step ? '' : ` (at step ${run.evaluatedAt})`}`;
  const norm = formatValue(run.normBefore, 3);
  if (run.step === 0) return `${name} at step 0, before any update: loss ${loss}, gradient norm ${norm} at the initial weights.`;
  return `${name} at step ${run.step}: loss ${loss}, gradient norm ${norm} before clipping.`;
}
