/**
 * The training job every training widget runs in its worker: steps a Trainer, records what the
 * charts need, and offers a snapshot after every update (built only when the runtime delivers
 * one, at most 60 a second).
 * It stops by itself when the loss stops being finite or when maxSteps is reached. Its pace is
 * set by the page and kept by the runtime: one `checkpoint()` per update obeys pause, step, the
 * steps per second asked for and the share of a core the page's CPU budget gives this worker, and
 * `rest()` keeps the setup within that share too.
 */
import type { ActivationHistograms } from './activation-stats';
import type { TrainConfig } from './config';
import type { TrainSpec } from './spec';
import { History, type HistorySnapshot } from './history';
import { type Evaluation, Trainer } from './trainer';
import type { Job } from '../../runtime';

/** What the page asks for. */
export interface TrainParams {
  /** The run: any model's TrainSpec, or a gradient lesson's TrainConfig. */
  config: TrainConfig | TrainSpec;
  /** Stop after this many updates. */
  maxSteps: number;
  /** Evaluate on the full train and test sets every this many steps. */
  evalEvery: number;
  /** Draw the decision boundary on a grid of this many cells a side (classification only; 0 = never). */
  boundaryResolution: number;
  /** Half-width of the square the boundary covers. */
  boundaryExtent: number;
  /** Histogram the activations of every activation layer at each evaluation (none in an RNN). */
  activationHistograms?: boolean;
}


/** Why a run is not training. */
export type RunStatus = 'training' | 'diverged' | 'finished';

/** Everything the page draws, as of one step. */
export interface TrainSnapshot {
  step: number;
  status: RunStatus;
  /** Step at which the loss or the gradient norm became Infinity or NaN, and the values then. */
  diverged?: { step: number; loss: number; norm: number };
  /** The latest evaluation on the full train and test sets, and the step it was taken at. */
  evaluation: Evaluation & { step: number };
  /** Names of the watched weights, first layer first. */
  layers: string[];
  /** Per step: minibatch loss, gradient norm before and after clipping, then one norm per layer. */
  steps: HistorySnapshot;
  /** Every evalEvery steps: trainLoss, testLoss, trainAccuracy, testAccuracy. */
  evaluations: HistorySnapshot;
  /**
   * The latest gradient: its global norm before and after clipping and each watched layer's norm.
   * At step 0 it is the gradient at the initial weights on 256 training examples (no update, no
   * clipping); after that, the last update's minibatch gradient.
   */
  gradient: LatestGradient;
  /** Every hidden layer's activations at the latest evaluation, if asked for. */
  activations?: ActivationHistograms & { step: number; examples: number };
  /** P(class 1) on the boundary grid, rows from the top; only for models of 2-D points with one logit. */
  boundary?: Float32Array;
  /** Counts boundary recomputations, so the page redraws the map only when it changed. */
  boundaryVersion: number;
}

/** A gradient as measured at one step. */
export interface LatestGradient {
  step: number;
  normBefore: number;
  normAfter: number;
  layers: Float64Array;
}

/** Series names of the per-step history, before the per-layer norms. */
export const STEP_SERIES = ['loss', 'normBefore', 'normAfter'] as const;
/** Series names of the evaluation history. */
export const EVAL_SERIES = ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const;

const BOUNDARY_EVERY_MS = 250;

/** Trains until diverged, finished or cancelled; resolves with the last snapshot. */
export const trainJob: Job<TrainParams, TrainSnapshot, TrainSnapshot> = async (params, ctx) => {
  // Setting up can take a few hundred ms (an RNN over long sequences): rest after each part as
  // after training steps, so that two runs starting together leave the page its core.
  const paced = async <T>(work: () => T): Promise<T> => {
    const result = work();
    await ctx.rest();
    return result;
  };
  const trainer = await paced(() => new Trainer(params.config));
  const layers = trainer.layerNames;
  const steps = new History([...STEP_SERIES, ...layers]);
  const evaluations = new History([...EVAL_SERIES]);
  const drawsBoundary = params.boundaryResolution > 0 && trainer.hasBoundary;

  let evaluation = { ...(await paced(() => trainer.evaluate())), step: 0 };
  evaluations.push(0, [evaluation.trainLoss, evaluation.testLoss, evaluation.trainAccuracy, evaluation.testAccuracy]);
  const initial = await paced(() => trainer.gradientNorms());
  let gradient: LatestGradient = { step: 0, normBefore: initial.total, normAfter: initial.total, layers: initial.layers };
  const histograms = params.activationHistograms ? () => ({ ...trainer.activationHistograms(), step: trainer.step }) : () => undefined;
  let activations = await paced(histograms);
  let boundary = drawsBoundary ? await paced(() => trainer.boundary(params.boundaryResolution, params.boundaryExtent)) : undefined;
  let boundaryAt = performance.now();
  let boundaryVersion = 0;
  let status: RunStatus = 'training';
  let diverged: TrainSnapshot['diverged'];

  const snapshot = (): TrainSnapshot => ({
    step: trainer.step,
    status,
    ...(diverged ? { diverged } : {}),
    evaluation,
    layers,
    steps: steps.snapshot(),
    evaluations: evaluations.snapshot(),
    gradient: { ...gradient, layers: gradient.layers.slice() },
    ...(activations ? { activations } : {}),
    ...(boundary ? { boundary: boundary.slice() } : {}),
    boundaryVersion,
  });

  ctx.emitLazily(snapshot);
  while (status === 'training') {
    // Pause, step, steps per second and the CPU share all take effect here; after a slow step (an
    // RNN over a long sequence can take longer than a whole slice) it rests in proportion.
    await ctx.checkpoint();
    const record = trainer.trainStep();
    gradient = { step: record.step, normBefore: record.normBefore, normAfter: record.normAfter, layers: record.layerNorms };
    steps.push(record.step, [record.loss, record.normBefore, record.normAfter, ...record.layerNorms]);
    if (record.diverged) {
      status = 'diverged';
      diverged = { step: record.step, loss: record.loss, norm: record.normBefore };
    } else {
      if (trainer.step % params.evalEvery === 0) {
        evaluation = { ...trainer.evaluate(), step: trainer.step };
        evaluations.push(trainer.step, [evaluation.trainLoss, evaluation.testLoss, evaluation.trainAccuracy, evaluation.testAccuracy]);
        activations = histograms();
      }
      if (trainer.step >= params.maxSteps) status = 'finished';
      const now = performance.now();
      if (drawsBoundary && (now - boundaryAt > BOUNDARY_EVERY_MS || status !== 'training')) {
        boundary = trainer.boundary(params.boundaryResolution, params.boundaryExtent);
        boundaryAt = now;
        boundaryVersion++;
      }
    }
    // Built only when the runtime is about to deliver it (≤ 60 a second), from the state then.
    ctx.emitLazily(snapshot);
  }
  return snapshot();
};
