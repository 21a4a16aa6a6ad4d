/**
 * The data a run trains on (Task), and the gradient lessons' runs in their own words (TrainConfig:
 * an MLP of `depth` hidden layers or an RNN, an activation, an initialisation, an optimiser and
 * clipping), which trainSpecOf() turns into the general TrainSpec (spec.ts) that the Trainer
 * trains. Plain data, so it can cross to a worker and sit in a URL.
 */

/** Hidden-layer activations the training lessons compare. */
export type HiddenActivation = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu';
/**
 * Weight initialisations: PyTorch's default for nn.Linear, Xavier (Glorot) uniform, He (Kaiming)
 * normal, or every weight and bias zero (to show why symmetry must be broken).
 */
export type InitScheme = 'default' | 'xavier' | 'he' | 'zeros';
/** Optimisers: plain SGD, SGD with momentum 0.9, or Adam. */
export type OptimizerName = 'sgd' | 'momentum' | 'adam';
/** Gradient clipping: none, by value, by global norm (clip_grad_norm_), or each tensor by its own norm. */
export type ClipMode = 'none' | 'value' | 'norm' | 'tensor';
/**
 * A classification run's loss on its one output logit z: binary cross-entropy on p = σ(z)
 * (`binaryCrossEntropyWithLogits`, the default), or squared error on p, mse_loss(σ(z), y).
 */
export type ClassificationLoss = 'crossEntropy' | 'squaredError';
/** The 2-D classification datasets. */
export type DatasetName = 'circles' | 'moons' | 'spiral' | 'xor';

/** Classify 2-D points with an MLP (binary cross-entropy on one logit). */
export type ClassificationTask = GeneratedClassificationTask | OwnClassificationTask;

/** Classify the points of a generated dataset. */
export interface GeneratedClassificationTask {
  kind: 'classification';
  dataset: DatasetName;
  /** Number of points, train and test together. */
  n: number;
  noise: number;
}

/** Classify the reader's own points (drawn or loaded from a file), carried in the task itself. */
export interface OwnClassificationTask {
  kind: 'classification';
  dataset: 'own';
  /** Number of points, train and test together: points.length. */
  n: number;
  /** The points in the networks' units (x1, x2 scaled, then the class 0 or 1), in the reader's order. */
  points: readonly (readonly [number, number, 0 | 1])[];
}

/** Fit y = x·w* + noise with an MLP (mean squared error). */
export interface RegressionTask {
  kind: 'regression';
  n: number;
  features: number;
}

/**
 * Read a sequence of L numbers with nn.RNN (ReLU) and predict their sum divided by √L from the
 * last hidden state (mean squared error). Gradients must travel back through all L steps.
 */
export interface SequenceTask {
  kind: 'sequence';
  n: number;
  seqLen: number;
}

/** Classify small images of digits (pixelDigits: one channel, size × size pixels, 10 classes). */
export interface ImageTask {
  kind: 'images';
  dataset: 'digits';
  /** Number of images, train and test together. */
  n: number;
  /** Height and width in pixels. */
  size: number;
  noise: number;
}

/** The data of a run, generated from its seed by taskData(). */
export type Task = ClassificationTask | RegressionTask | SequenceTask | ImageTask;

/** A run of the gradient lessons (vanishing and exploding gradients), complete and reproducible. */
export interface TrainConfig {
  /** 2-D points and regression train an MLP; sequences train an RNN. */
  task: ClassificationTask | RegressionTask | SequenceTask;
  /** Seeds the data, the initial weights and the minibatch order. */
  seed: number;
  /** Hidden layers of the MLP, or stacked layers of the RNN. */
  depth: number;
  /** Units per hidden layer (the RNN's hidden_size). */
  width: number;
  activation: HiddenActivation;
  init: InitScheme;
  /** Xavier's gain (xavier_uniform_'s `gain`); 1 when absent, PyTorch's default. Ignored by the other schemes. */
  gain?: number;
  /** Multiplies every initial weight (1 = the scheme as published); large values make gradients explode. */
  initScale: number;
  lr: number;
  optimizer: OptimizerName;
  batchSize: number;
  clip: { mode: ClipMode; threshold: number };
  /** Classification only: the loss on the output logit; cross-entropy when absent. */
  outputLoss?: ClassificationLoss;
  /**
   * The output layer's bias starts at this value instead of the initialisation's draw (absent:
   * the draw). A large negative bias makes the network say class 0, confidently, for every point.
   */
  outputBias?: number;
}
