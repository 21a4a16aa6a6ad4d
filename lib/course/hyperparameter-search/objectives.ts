/**
 * The two functions the methods minimise. The real one is the validation loss of a small network
 * trained from a fixed seed, as a function of the learning rate and the weight decay; the toy one is
 * Bergstra and Bengio's (2012) case of one parameter that matters and one that barely does.
 */
import { Trainer, trainSpecOf, type TrainConfig } from '../../ml/training';
import type { Hyperparameter } from './space';
import type { Objective, ObjectiveId } from './objective';
import { valueOf } from './space';
import { toyObjective } from './toy-objective';

export { TOY_OPTIMUM, toyObjective, toyValue } from './toy-objective';
export type { Objective, ObjectiveId } from './objective';

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

/** The objective with this id. */
export function objectiveOf(id: ObjectiveId): Objective {
  return id === 'real' ? realObjective : toyObjective;
}
