/**
 * The claim widget's worker job: one training run of the seeds × sizes experiment (one training
 * size, one seed, without or with dropout), so that a pool of workers can share the grid's runs and
 * each row reaches the page as soon as its run ends. Progress is the epochs done; the result keeps
 * the last epoch's record and the best (early-stopping) epoch's.
 */
import type { Job } from '../../runtime';
import type { DigitSet } from './digits';
import { bestEpoch } from './experiment';
import { DropoutRun, type DropoutSettings, type EpochRecord } from './run';

/** Which of the pair a run is: A without dropout, B with it. */
export type ClaimArm = 'a' | 'b';

/** What one task asks for: the settings of one run (its size, seed and dropout) and the digits. */
export interface ClaimRunParams {
  readonly arm: ClaimArm;
  readonly settings: DropoutSettings;
  readonly digits: DigitSet;
}

/** Epochs finished so far of one run. */
export interface ClaimRunProgress {
  readonly epoch: number;
  readonly epochs: number;
}

/** One finished run: its place in the grid, the last epoch's record and the lowest-validation-loss epoch's. */
export interface ClaimRun {
  readonly trainSize: number;
  readonly seed: number;
  readonly arm: ClaimArm;
  readonly last: EpochRecord;
  readonly best: EpochRecord;
}

/** The row a finished DropoutRun gives. */
export function claimRunOf(arm: ClaimArm, run: DropoutRun): ClaimRun {
  const last = run.history.at(-1);
  if (last === undefined) throw new RangeError('claimRunOf: expected a run with at least one evaluated epoch, got none');
  return { trainSize: run.settings.trainSize, seed: run.settings.seed, arm, last, best: bestEpoch(run.history) };
}

/** Trains one run to its last epoch, with a checkpoint per minibatch; resolves with its row. */
export const claimRunJob: Job<ClaimRunParams, ClaimRunProgress, ClaimRun> = async ({ arm, settings, digits }, ctx) => {
  const run = new DropoutRun(settings, digits);
  await ctx.rest();
  ctx.emitLazily(() => ({ epoch: run.epoch, epochs: settings.epochs }));
  while (!run.done) {
    await ctx.checkpoint();
    if (run.step() !== undefined) ctx.emitLazily(() => ({ epoch: run.epoch, epochs: settings.epochs }));
  }
  return claimRunOf(arm, run);
};
