/**
 * One training run, step by step: minibatch SGD/Adam on a task from config.ts, with gradient
 * clipping, the per-layer gradient norms the lessons plot, and a clean stop when the loss or the
 * gradients stop being finite. Deterministic: the same config gives the same numbers.
 */
import { binaryCrossEntropyWithLogits, clipGradNorm, clipGradValue, gradNorm, mseLoss, noGrad, optim, tensor, type Tensor } from '../../engine';
import type { Dataset, Split } from '../datasets';
import { Rng } from '../../engine';
import { activationHistograms, type ActivationHistograms } from './activation-stats';
import type { TrainConfig } from './config';
import { taskData } from './data';
import { buildMlp, buildSequenceModel, type TrainableModel } from './model';

/** What one update did. */
export interface StepRecord {
  /** The step number after this update (the first update is step 1). */
  step: number;
  /** Loss on the minibatch, before the update. */
  loss: number;
  /**
   * Global L2 norm of all gradients before and after clipping. When clipping by global norm it is
   * the norm clipGradNorm computes (in float32, as PyTorch 1.13 does: Infinity past about 1.8 × 10¹⁹).
   */
  normBefore: number;
  normAfter: number;
  /** ‖∂L/∂W‖ of each watched weight (before clipping), first layer first. */
  layerNorms: Float64Array;
  /** The loss or the gradient norm was Infinity or NaN: the update was not applied. */
  diverged: boolean;
}

/** Loss and accuracy on the whole train and test sets (accuracy is NaN for regression). */
export interface Evaluation {
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /**
   * Hidden units whose pre-activation is ≤ 0 on every training example: with ReLU they output 0
   * and get no gradient ("dead"); −1 when the hidden activation is not ReLU or leaky ReLU.
   */
  inactiveUnits: number;
}

function createOptimizer(config: TrainConfig, params: Tensor[]): optim.Optimizer {
  switch (config.optimizer) {
    case 'sgd':
      return new optim.SGD(params, { lr: config.lr });
    case 'momentum':
      return new optim.SGD(params, { lr: config.lr, momentum: 0.9 });
    case 'adam':
      return new optim.Adam(params, { lr: config.lr });
  }
}

function rowsOf(data: Dataset, rows: ArrayLike<number>): { x: Tensor; y: Tensor } {
  const { features } = data;
  const x = new Float32Array(rows.length * features);
  const y = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] ?? 0;
    x.set(data.x.subarray(r * features, (r + 1) * features), i * features);
    y[i] = data.y[r] ?? NaN;
  }
  return { x: tensor(x).reshape([rows.length, features]), y: tensor(y).reshape([rows.length, 1]) };
}

/** Scales each gradient tensor whose own L2 norm exceeds `maxNorm` down to it. Mutates `.grad`. */
function clipEachTensorNorm(params: Tensor[], maxNorm: number): void {
  for (const p of params) {
    if (!p.grad) continue;
    const norm = gradNorm([p]);
    if (norm <= maxNorm) continue;
    const k = maxNorm / (norm + 1e-6);
    const g = p.grad.data;
    for (let i = 0; i < g.length; i++) g[i] = (g[i] ?? 0) * k;
  }
}

/** A training run in progress. */
export class Trainer {
  /** Train and test data (generated from the seed). */
  readonly data: Split;
  readonly model: TrainableModel;
  readonly #optimizer: optim.Optimizer;
  readonly #params: Tensor[];
  readonly #rng: Rng;
  #order: number[] = [];
  #cursor = 0;
  #step = 0;
  readonly #trainAll: { x: Tensor; y: Tensor };
  readonly #testAll: { x: Tensor; y: Tensor };

  /** Builds the data, the model and the optimiser for `config`. */
  constructor(readonly config: TrainConfig) {
    this.data = taskData(config.task, config.seed);
    this.#rng = new Rng(config.seed);
    this.model =
      config.task.kind === 'sequence' ? buildSequenceModel(config, this.#rng) : buildMlp(config, this.data.train.features, this.#rng);
    this.#params = this.model.parameters();
    this.#optimizer = createOptimizer(config, this.#params);
    const all = (d: Dataset): number[] => Array.from({ length: d.n }, (_, i) => i);
    this.#trainAll = rowsOf(this.data.train, all(this.data.train));
    this.#testAll = rowsOf(this.data.test, all(this.data.test));
  }

  /** Number of updates applied so far. */
  get step(): number {
    return this.#step;
  }

  /** Names of the watched weights, first layer first. */
  get layerNames(): string[] {
    return this.model.watched.map((w) => w.name);
  }

  #loss(prediction: Tensor, target: Tensor): Tensor {
    return this.config.task.kind === 'classification' ? binaryCrossEntropyWithLogits(prediction, target) : mseLoss(prediction, target);
  }

  #nextBatch(): number[] {
    const { n } = this.data.train;
    const size = Math.min(this.config.batchSize, n);
    if (this.#cursor + size > this.#order.length) {
      this.#order = this.#rng.shuffle(Array.from({ length: n }, (_, i) => i));
      this.#cursor = 0;
    }
    const batch = this.#order.slice(this.#cursor, this.#cursor + size);
    this.#cursor += size;
    return batch;
  }

  /** One minibatch update: forward, backward, clip, optimiser step. Mutates the model. */
  trainStep(): StepRecord {
    const { x, y } = rowsOf(this.data.train, this.#nextBatch());
    this.#optimizer.zeroGrad();
    const loss = this.#loss(this.model.forward(x), y);
    loss.backward();
    const lossValue = loss.item();
    const layerNorms = Float64Array.from(this.model.watched, (w) => gradNorm([w.weight]));
    const { mode, threshold } = this.config.clip;
    const normBefore =
      mode === 'norm' ? clipGradNorm(this.#params, threshold) : mode === 'value' ? clipGradValue(this.#params, threshold) : gradNorm(this.#params);
    if (mode === 'tensor') clipEachTensorNorm(this.#params, threshold);
    const normAfter = mode === 'none' ? normBefore : gradNorm(this.#params);
    const diverged = !Number.isFinite(lossValue) || !Number.isFinite(normBefore);
    if (!diverged) {
      this.#optimizer.step();
      this.#step++;
    }
    return { step: this.#step + (diverged ? 1 : 0), loss: lossValue, normBefore, normAfter, layerNorms, diverged };
  }

  /**
   * The gradient of the loss on the first `rows` training examples (a random sample: the split is
   * shuffled) at the current weights: each watched layer's norm, and the global norm of all
   * parameters' gradients. No update, no clipping and no batch drawn, so the run stays as it would
   * have been.
   */
  gradientNorms(rows = 256): { layers: Float64Array; total: number } {
    const sample = this.#sample(rows);
    this.#optimizer.zeroGrad();
    this.#loss(this.model.forward(sample.x), sample.y).backward();
    const layers = Float64Array.from(this.model.watched, (w) => gradNorm([w.weight]));
    const total = gradNorm(this.#params);
    this.#optimizer.zeroGrad();
    return { layers, total };
  }

  /**
   * Histograms of every hidden layer's activations on the first `rows` training examples (the
   * sample gradientNorms uses), with how many examples that is; none for the RNN.
   */
  activationHistograms(rows = 256): ActivationHistograms & { examples: number } {
    const { x } = this.#sample(rows);
    const histograms = noGrad(() => activationHistograms(this.model.preActivations(x).map((z) => z.data), this.config.activation));
    return { ...histograms, examples: x.shape[0] ?? 0 };
  }

  /** The first `rows` training examples (a random sample: the split is shuffled). */
  #sample(rows: number): { x: Tensor; y: Tensor } {
    return rowsOf(this.data.train, Array.from({ length: Math.min(rows, this.data.train.n) }, (_, i) => i));
  }

  /** Loss and accuracy on the full train and test sets, without building a graph. */
  evaluate(): Evaluation {
    return noGrad(() => {
      const measure = ({ x, y }: { x: Tensor; y: Tensor }): [number, number] => {
        const prediction = this.model.forward(x);
        const loss = this.#loss(prediction, y).item();
        if (this.config.task.kind !== 'classification') return [loss, NaN];
        let correct = 0;
        const p = prediction.data;
        const t = y.data;
        for (let i = 0; i < p.length; i++) if ((p[i] ?? 0) > 0 === (t[i] ?? 0) > 0.5) correct++;
        return [loss, correct / p.length];
      };
      const [trainLoss, trainAccuracy] = measure(this.#trainAll);
      const [testLoss, testAccuracy] = measure(this.#testAll);
      return { trainLoss, testLoss, trainAccuracy, testAccuracy, inactiveUnits: this.#inactiveUnits() };
    });
  }

  #inactiveUnits(): number {
    const { activation, task } = this.config;
    if (task.kind === 'sequence' || (activation !== 'relu' && activation !== 'leakyRelu')) return -1;
    let inactive = 0;
    for (const z of this.model.preActivations(this.#trainAll.x)) {
      const [n = 0, width = 0] = z.shape;
      for (let j = 0; j < width; j++) {
        let active = false;
        for (let i = 0; i < n && !active; i++) active = (z.data[i * width + j] ?? 0) > 0;
        if (!active) inactive++;
      }
    }
    return inactive;
  }

  /**
   * The probability of class 1 on a resolution × resolution grid over [−extent, extent]², row by
   * row from the top (y = +extent) down, for drawing the decision boundary.
   */
  boundary(resolution: number, extent: number): Float32Array {
    const grid = new Float32Array(resolution * resolution * 2);
    for (let r = 0; r < resolution; r++) {
      for (let c = 0; c < resolution; c++) {
        const k = 2 * (r * resolution + c);
        grid[k] = -extent + ((c + 0.5) * 2 * extent) / resolution;
        grid[k + 1] = extent - ((r + 0.5) * 2 * extent) / resolution;
      }
    }
    return noGrad(() => {
      const logits = this.model.forward(tensor(grid).reshape([resolution * resolution, 2])).sigmoid();
      return Float32Array.from(logits.data);
    });
  }
}
