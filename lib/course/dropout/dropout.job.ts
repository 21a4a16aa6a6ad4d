/**
 * The lesson widget's worker job: one DropoutRun, a checkpoint per minibatch (so Pause, Step and
 * the page's CPU budget act within an epoch), and a snapshot of the per-epoch history after every
 * update, built only when the runtime is about to deliver it.
 */
import type { Job } from '../../runtime';
import type { DigitSet } from './digits';
import { DropoutRun, type DropoutSettings, type EpochRecord } from './run';

/** What the page asks for: the settings and the decoded digits. */
export interface DropoutJobParams {
  readonly settings: DropoutSettings;
  readonly digits: DigitSet;
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
}

/** Trains until every epoch has run or the job is cancelled; resolves with the last snapshot. */
export const dropoutJob: Job<DropoutJobParams, DropoutSnapshot, DropoutSnapshot> = async (params, ctx) => {
  const run = new DropoutRun(params.settings, params.digits);
  await ctx.rest();
  const snapshot = (): DropoutSnapshot => ({ epoch: run.epoch, steps: run.steps, stepsPerEpoch: run.stepsPerEpoch, done: run.done, history: run.history.slice() });
  ctx.emitLazily(snapshot);
  while (!run.done) {
    await ctx.checkpoint();
    run.step();
    ctx.emitLazily(snapshot);
  }
  return snapshot();
};
