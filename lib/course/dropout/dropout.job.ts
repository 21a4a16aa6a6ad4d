/**
 * The lesson widget's worker job: one DropoutRun, a checkpoint per minibatch (so Pause, Step and
 * the page's CPU budget act within an epoch), and a snapshot of the per-epoch history after every
 * update, built only when the runtime is about to deliver it. What the network gets wrong on the
 * validation set (confusion matrix, misclassified digits) is worked out at the end of each epoch,
 * and a copy of the network's parameters taken then (44.7 KB for the default network, copied once
 * an epoch; each snapshot refers to the same copy) lets the page classify a digit the reader draws.
 */
import type { Job } from '../../runtime';
import { confusionMatrix, type Misclassified, misclassifiedDigits } from './confusion';
import type { DigitSet } from './digits';
import { captureParameters, type NetworkParameters } from './network-parameters';
import { DropoutRun, type DropoutSettings, type EpochRecord } from './run';

/** Misclassified validation digits a snapshot carries at most (their images are drawn). */
export const MISCLASSIFIED_SHOWN = 24;

/** What the page asks for: the settings and the decoded digits. */
export interface DropoutJobParams {
  readonly settings: DropoutSettings;
  readonly digits: DigitSet;
}

/** The validation set as the network of one epoch classifies it. */
export interface ValidationView {
  /** The epoch whose network this is. */
  readonly epoch: number;
  /** Counts by true class (row) and predicted class (column), 10 × 10 row-major. */
  readonly confusion: readonly number[];
  /** The first MISCLASSIFIED_SHOWN misclassified digits, and how many there are in all. */
  readonly misclassified: readonly Misclassified[];
  readonly misclassifiedTotal: number;
}

/** What the page draws. */
export interface DropoutSnapshot {
  /** Epochs finished, and minibatch updates applied. */
  readonly epoch: number;
  readonly steps: number;
  readonly stepsPerEpoch: number;
  readonly done: boolean;
  /** One record per epoch, epoch 0 (before training) first. */
  readonly history: readonly EpochRecord[];
  readonly validation: ValidationView;
  /** The network's parameters at the end of the last epoch (the one `validation` shows). */
  readonly network: NetworkParameters;
}

/** The validation set as the run's network classifies it now. */
function viewValidation(run: DropoutRun): ValidationView {
  const data = run.splits.validation;
  const predictions = run.validationPredictions;
  const { digits, total } = misclassifiedDigits(data, predictions, MISCLASSIFIED_SHOWN);
  return { epoch: run.epoch, confusion: confusionMatrix(data.y, predictions), misclassified: digits, misclassifiedTotal: total };
}

/** Trains until every epoch has run or the job is cancelled; resolves with the last snapshot. */
export const dropoutJob: Job<DropoutJobParams, DropoutSnapshot, DropoutSnapshot> = async (params, ctx) => {
  const run = new DropoutRun(params.settings, params.digits);
  await ctx.rest();
  let validation = viewValidation(run);
  let network = captureParameters(run.model, run.epoch);
  const snapshot = (): DropoutSnapshot => ({ epoch: run.epoch, steps: run.steps, stepsPerEpoch: run.stepsPerEpoch, done: run.done, history: run.history.slice(), validation, network });
  ctx.emitLazily(snapshot);
  while (!run.done) {
    await ctx.checkpoint();
    if (run.step() !== undefined) {
      validation = viewValidation(run);
      network = captureParameters(run.model, run.epoch);
    }
    ctx.emitLazily(snapshot);
  }
  return snapshot();
};
