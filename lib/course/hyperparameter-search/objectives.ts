/**
 * The two functions the methods minimise. The real one is the validation loss of a small network
 * trained from a fixed seed, as a function of the learning rate and the weight decay; the toy one is
 * Bergstra and Bengio's (2012) case of one parameter that matters and one that barely does.
 */
import { Trainer, trainSpecOf, type TrainConfig } from '../../ml/training';
import type { Hyperparameter } from './space';
import { valueOf } from './space';

/** A function of the unit square to minimise, at a fidelity (the share of a full trial's training). */
export interface Objective {
  readonly id: ObjectiveId;
  readonly label: string;
  /** Its hyperparameters, in order: x[i] is the unit coordinate of params[i]. */
  readonly params: readonly [Hyperparameter, Hyperparameter];
  /** What a value means ("validation loss"). */
  readonly valueName: string;
  /** The value at unit coordinates x after `fidelity` ∈ (0, 1] of a full trial (1: the whole trial). */
  evaluate(x: readonly number[], fidelity: number): number;
}

/** The objectives by name. */
export type ObjectiveId = 'real' | 'toy';

/** Full trial of the real objective: this many SGD steps. */
export const REAL_STEPS = 300;
/** A diverged run (loss Infinity or NaN) scores this, about three times a guess's loss (ln 2 ≈ 0.69). */
export const DIVERGED_LOSS = 2;

/**
 * The network of the real objective: an MLP 2 → 16 → 16 → 1 with ReLU, trained with SGD (momentum
 * 0.9, batch 32) on 300 noisy two-moons points (80 % train, 20 % validation), all from seed 1.
 */
export const REAL_CONFIG: TrainConfig = {
  task: { kind: 'classification', dataset: 'moons', n: 300, noise: 0.25 },
  seed: 1,
  depth: 2,
  width: 16,
  activation: 'relu',
  init: 'default',
  initScale: 1,
  lr: 0.1,
  optimizer: 'momentum',
  batchSize: 32,
  clip: { mode: 'none', threshold: 1 },
};

/** The real objective's hyperparameters. */
export const REAL_PARAMS: readonly [Hyperparameter, Hyperparameter] = [
  { name: 'learning rate', symbol: 'η', low: 1e-3, high: 1, log: true },
  { name: 'weight decay', symbol: 'λ', low: 1e-5, high: 1e-1, log: true },
];

/** Validation loss after round(fidelity × 300) steps at this learning rate and weight decay (DIVERGED_LOSS if it diverged). */
export function trainAndValidate(lr: number, weightDecay: number, fidelity: number): number {
  const spec = trainSpecOf({ ...REAL_CONFIG, lr });
  const trainer = new Trainer({ ...spec, optimizer: { type: 'SGD', lr, momentum: 0.9, weightDecay } });
  const steps = Math.max(1, Math.round(fidelity * REAL_STEPS));
  for (let s = 0; s < steps; s++) if (trainer.trainStep().diverged) return DIVERGED_LOSS;
  const loss = trainer.evaluate().testLoss;
  return Number.isFinite(loss) ? Math.min(loss, DIVERGED_LOSS) : DIVERGED_LOSS;
}

/** The real objective: validation loss of the network above, trained for 300 steps. */
export const realObjective: Objective = {
  id: 'real',
  label: 'Network: learning rate and weight decay',
  params: REAL_PARAMS,
  valueName: 'validation loss',
  evaluate: ([u = 0, v = 0], fidelity) => trainAndValidate(valueOf(REAL_PARAMS[0], u), valueOf(REAL_PARAMS[1], v), fidelity),
};

/** Where the toy objective's narrow valley lies along its important parameter. */
export const TOY_OPTIMUM = 0.62;

/**
 * f(u, v) = 1 − exp(−(u − 0.62)²/(2 · 0.06²)) + 0.02 v: a narrow valley along u, and v nearly
 * irrelevant. Below a full trial it adds a non-negative term that shrinks as 1/fidelity − 1, a
 * stand-in for an unfinished learning curve.
 */
export function toyValue(u: number, v: number, fidelity: number): number {
  const full = 1 - Math.exp(-((u - TOY_OPTIMUM) ** 2) / (2 * 0.06 ** 2)) + 0.02 * v;
  return full + 0.04 * (1 / fidelity - 1) * (1 + Math.sin(9 * u + 5 * v));
}

/** The toy objective, on the unit square. */
export const toyObjective: Objective = {
  id: 'toy',
  label: 'Toy: one parameter matters',
  params: [
    { name: 'important parameter', symbol: 'u', low: 0, high: 1, log: false },
    { name: 'unimportant parameter', symbol: 'v', low: 0, high: 1, log: false },
  ],
  valueName: 'value',
  evaluate: ([u = 0, v = 0], fidelity) => toyValue(u, v, fidelity),
};

/** The objective with this id. */
export function objectiveOf(id: ObjectiveId): Objective {
  return id === 'real' ? realObjective : toyObjective;
}
