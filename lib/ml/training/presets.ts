/**
 * The runs the gradient lessons start from, as complete configs. Tests train exactly these, so
 * what the lessons promise ("with ReLU and He the network learns") is checked.
 */
import type { TrainConfig } from './config';

/** Ten sigmoid layers of 32 units with PyTorch's default initialisation, on two circles: the gradient vanishes. */
export const DEEP_SIGMOID: TrainConfig = {
  task: { kind: 'classification', dataset: 'circles', n: 1000, noise: 0.1 },
  seed: 1,
  depth: 10,
  width: 32,
  activation: 'sigmoid',
  init: 'default',
  initScale: 1,
  lr: 0.1,
  optimizer: 'sgd',
  batchSize: 32,
  clip: { mode: 'none', threshold: 1 },
};

/** The same network with ReLU and He initialisation: it learns. */
export const DEEP_RELU_HE: TrainConfig = { ...DEEP_SIGMOID, activation: 'relu', init: 'he' };

/** A ReLU regression MLP whose initial weights are twice He's: the first steps explode. */
export const EXPLODING_MLP: TrainConfig = {
  task: { kind: 'regression', n: 1000, features: 20 },
  seed: 1,
  depth: 6,
  width: 64,
  activation: 'relu',
  init: 'he',
  initScale: 2,
  lr: 0.01,
  optimizer: 'sgd',
  batchSize: 32,
  clip: { mode: 'none', threshold: 1 },
};

/**
 * A ReLU RNN over 30 steps whose recurrent weights have spectral radius about 2: with half the
 * units off at each step the gradient still grows about ρ²/2 = 2 times per step, and the
 * unclipped run overflows within a few updates for nearly every seed (the lesson says how often).
 */
export const EXPLODING_RNN: TrainConfig = {
  ...EXPLODING_MLP,
  task: { kind: 'sequence', n: 1000, seqLen: 30 },
  depth: 1,
  width: 32,
  initScale: 2,
  lr: 0.01,
};
