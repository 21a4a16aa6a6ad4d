/**
 * One training run, step by step, of any model spec (spec.ts): minibatch SGD or Adam with gradient
 * clipping, the per-layer gradient norms the lessons plot, activation histograms, dead units, and
 * a clean stop when the loss or the gradients stop being finite. Dropout and BatchNorm2d train in
 * training mode; everything that measures (evaluate, gradientNorms, activationHistograms,
 * boundary) runs in evaluation mode, as model.eval() in PyTorch. Deterministic: the same spec gives
 * the same numbers.
 */
import { binaryCrossEntropyWithLogits, clipGradNorm, clipGradValue, crossEntropy, gradNorm, mseLoss, noGrad, optim, Rng, tensor, type DType, type Tensor } from '../../engine';
import type { Dataset, Split } from '../datasets';
import { activationHistograms, type ActivationHistograms } from './activation-stats';
import type { TrainConfig } from './config';
import { taskData } from './data';
import { trainSpecOf } from './from-config';
import { layerActivation, SpecModel } from './model';
import type { LossName, OptimizerSpec, TrainSpec } from './spec';

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
  /** The training rows of this update's minibatch, in order. */
  rows: readonly number[];
}

/** Loss and accuracy on the whole train and test sets (accuracy is NaN for regression). */
export interface Evaluation {
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /**
   * Units of the ReLU and leaky ReLU layers whose input is ≤ 0 on every training example: they
   * output 0 (ReLU) and get no gradient ("dead"). A unit is a feature of (N, F) or a channel of
   * (N, C, H, W). −1 when the model has no ReLU or leaky ReLU layer.
   */
  inactiveUnits: number;
}

/** The dropout masks are drawn from Rng(seed ^ DROPOUT_SEED), apart from the weights and the minibatch order (see ModelRngs). */
export const DROPOUT_SEED = 0xd20f_0a7e;

function createOptimizer(spec: OptimizerSpec, params: Tensor[]): optim.Optimizer {
  if (spec.type === 'SGD') {
    const { type: _, ...options } = spec;
    return new optim.SGD(params, options);
  }
  if (spec.type === 'Adam') {
    const { type: _, ...options } = spec;
    return new optim.Adam(params, options);
  }
  const type: unknown = (spec as { type: unknown }).type;
  throw new RangeError(`optimizer: expected type 'SGD' or 'Adam', got ${JSON.stringify(type)}`);
}

function computeLoss(name: LossName, prediction: Tensor, target: Tensor): Tensor {
  switch (name) {
    case 'binaryCrossEntropyWithLogits':
      return binaryCrossEntropyWithLogits(prediction, target);
    case 'mseLoss':
      return mseLoss(prediction, target);
    case 'crossEntropy':
      return crossEntropy(prediction, target);
    case 'sigmoidMseLoss':
      return mseLoss(prediction.sigmoid(), target);
  }
}

/** True for the losses on one logit per example with a 0 or 1 target (a sigmoid output). */
const isBinary = (name: LossName): boolean => name === 'binaryCrossEntropyWithLogits' || name === 'sigmoidMseLoss';

/** The share of predictions that name the right class (NaN for mseLoss, which has no classes). */
function accuracy(name: LossName, prediction: Tensor, target: Tensor): number {
  const p = prediction.data;
  const t = target.data;
  if (name === 'mseLoss') return NaN;
  let correct = 0;
  if (isBinary(name)) {
    for (let i = 0; i < p.length; i++) if ((p[i] ?? 0) > 0 === (t[i] ?? 0) > 0.5) correct++;
    return correct / p.length;
  }
  const classes = prediction.shape[1] ?? 1;
  for (let i = 0; i < t.length; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if ((p[i * classes + c] ?? -Infinity) > (p[i * classes + best] ?? -Infinity)) best = c;
    if (best === t[i]) correct++;
  }
  return correct / t.length;
}

/** True if `run` is a TrainSpec (it has a model) rather than a gradient lesson's TrainConfig. */
export function isTrainSpec(run: TrainSpec | TrainConfig): run is TrainSpec {
  return 'model' in run;
}

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
const formatShape = (shape: readonly (number | string)[]): string => `(${shape.join(', ')})`;

/** Examples `rows` of `data` as a batch: x of shape (N, ...input); y (N, 1), or (N) class indices for crossEntropy. */
function rowsOf(data: Dataset, rows: ArrayLike<number>, input: readonly number[], loss: LossName, dtype: DType): { x: Tensor; y: Tensor } {
  const { features } = data;
  const x = new Float32Array(rows.length * features);
  const y = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] ?? 0;
    x.set(data.x.subarray(r * features, (r + 1) * features), i * features);
    y[i] = data.y[r] ?? NaN;
  }
  return {
    x: tensor(x, { dtype }).reshape([rows.length, ...input]),
    y: tensor(y, { dtype }).reshape(loss === 'crossEntropy' ? [rows.length] : [rows.length, 1]),
  };
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

/**
 * A training run in progress. Made from a TrainSpec, or from a gradient lesson's TrainConfig
 * (through trainSpecOf, with the same numbers); `config` is what it was made from.
 */
export class Trainer<C extends TrainSpec | TrainConfig = TrainSpec | TrainConfig> {
  /** The spec being trained. */
  readonly spec: TrainSpec;
  /** Train and test data (generated from the seed). */
  readonly data: Split;
  readonly model: SpecModel;
  readonly #optimizer: optim.Optimizer;
  readonly #params: Tensor[];
  readonly #rng: Rng;
  #order: number[] = [];
  #cursor = 0;
  #step = 0;
  readonly #trainAll: { x: Tensor; y: Tensor };
  readonly #testAll: { x: Tensor; y: Tensor };

  /**
   * Builds the data, the model and the optimiser. Throws, naming the layer, if the model cannot
   * read the data's examples or its output does not fit the loss.
   */
  constructor(readonly config: C) {
    const spec = isTrainSpec(config) ? config : trainSpecOf(config);
    this.spec = spec;
    this.data = taskData(spec.data, spec.seed);
    const { input } = spec.model;
    if (product(input) !== this.data.train.features) {
      throw new RangeError(
        `Trainer: the model reads examples of shape ${formatShape(input)} (${product(input)} numbers), but each example of the data has ${this.data.train.features}`,
      );
    }
    this.#rng = new Rng(spec.seed);
    const dtype = spec.dtype === undefined ? {} : { dtype: spec.dtype };
    this.model = new SpecModel(spec.model, { weights: this.#rng, dropout: new Rng(spec.seed ^ DROPOUT_SEED), ...dtype });
    this.#params = this.model.parameters();
    this.#optimizer = createOptimizer(spec.optimizer, this.#params);
    const all = (d: Dataset): number[] => Array.from({ length: d.n }, (_, i) => i);
    this.#trainAll = this.#rows(this.data.train, all(this.data.train));
    this.#testAll = this.#rows(this.data.test, all(this.data.test));
    this.#checkOutput();
  }

  /** Number of updates applied so far. */
  get step(): number {
    return this.#step;
  }

  /** Names of the watched weights, first layer first. */
  get layerNames(): string[] {
    return this.model.watched.map((w) => w.name);
  }

  /** True when the model reads 2-D points and gives one logit (for a sigmoid): boundary() can draw its decision boundary. */
  get hasBoundary(): boolean {
    return this.spec.model.input.length === 1 && this.spec.model.input[0] === 2 && isBinary(this.spec.loss);
  }

  #rows(data: Dataset, rows: ArrayLike<number>): { x: Tensor; y: Tensor } {
    return rowsOf(data, rows, this.spec.model.input, this.spec.loss, this.spec.dtype ?? 'float32');
  }

  /** Runs one example through the model in evaluation mode (no draws, no statistics updated) and checks its output against the loss. */
  #checkOutput(): void {
    const output = noGrad(() => this.model.eval().forward(this.#trainAll.x.narrow(0, 0, 1))).shape.slice(1);
    const { loss } = this.spec;
    const classes = this.data.train.classes;
    const expected = loss === 'crossEntropy' ? [classes] : [1];
    if (loss === 'crossEntropy' && classes < 2) throw new RangeError(`Trainer: crossEntropy needs class labels, but the data (${this.spec.data.kind}) has none`);
    if (output.length !== 1 || output[0] !== expected[0]) {
      throw new RangeError(`Trainer: ${loss} needs an output of shape ${formatShape(['N', ...expected].map(String))}, but the model gives ${formatShape(['N', ...output].map(String))}`);
    }
  }

  #nextBatch(): number[] {
    const { n } = this.data.train;
    const size = Math.min(this.spec.batchSize, n);
    if (this.#cursor + size > this.#order.length) {
      this.#order = this.#rng.shuffle(Array.from({ length: n }, (_, i) => i));
      this.#cursor = 0;
    }
    const batch = this.#order.slice(this.#cursor, this.#cursor + size);
    this.#cursor += size;
    return batch;
  }

  /** One minibatch update in training mode: forward, backward, clip, optimiser step. Mutates the model. */
  trainStep(): StepRecord {
    const rows = this.#nextBatch();
    const { x, y } = this.#rows(this.data.train, rows);
    this.#optimizer.zeroGrad();
    const loss = computeLoss(this.spec.loss, this.model.train().forward(x), y);
    loss.backward();
    const lossValue = loss.item();
    const layerNorms = Float64Array.from(this.model.watched, (w) => gradNorm([w.weight]));
    const { mode, threshold } = this.spec.clip;
    const normBefore =
      mode === 'norm' ? clipGradNorm(this.#params, threshold) : mode === 'value' ? clipGradValue(this.#params, threshold) : gradNorm(this.#params);
    if (mode === 'tensor') clipEachTensorNorm(this.#params, threshold);
    const normAfter = mode === 'none' ? normBefore : gradNorm(this.#params);
    const diverged = !Number.isFinite(lossValue) || !Number.isFinite(normBefore);
    if (!diverged) {
      this.#optimizer.step();
      this.#step++;
    }
    return { step: this.#step + (diverged ? 1 : 0), loss: lossValue, normBefore, normAfter, layerNorms, diverged, rows };
  }

  /**
   * The gradient of the loss on the first `rows` training examples (a random sample: the split is
   * shuffled) at the current weights: each watched layer's norm, and the global norm of all
   * parameters' gradients. In evaluation mode, with no update, no clipping and no batch drawn, so
   * that the run stays as it would have been (no dropout mask drawn, no BatchNorm statistics moved).
   */
  gradientNorms(rows = 256): { layers: Float64Array; total: number } {
    const sample = this.#sample(rows);
    this.#optimizer.zeroGrad();
    computeLoss(this.spec.loss, this.model.eval().forward(sample.x), sample.y).backward();
    const layers = Float64Array.from(this.model.watched, (w) => gradNorm([w.weight]));
    const total = gradNorm(this.#params);
    this.#optimizer.zeroGrad();
    return { layers, total };
  }

  /**
   * Histograms of the activations of every activation layer (sigmoid, tanh, ReLU, leaky ReLU,
   * SiLU) on the first `rows` training examples (the sample gradientNorms uses), in evaluation
   * mode, with how many examples that is. None for a model without such layers (the RNN).
   */
  activationHistograms(rows = 256): ActivationHistograms & { examples: number } {
    const { x } = this.#sample(rows);
    const histograms = noGrad(() => {
      const inputs = this.model.eval().activationInputs(x);
      return activationHistograms(
        inputs.map(({ z }) => z.data),
        inputs.map(({ activation }) => activation),
      );
    });
    return { ...histograms, examples: x.shape[0] ?? 0 };
  }

  /** The first `rows` training examples (a random sample: the split is shuffled). */
  #sample(rows: number): { x: Tensor; y: Tensor } {
    return this.#rows(this.data.train, Array.from({ length: Math.min(rows, this.data.train.n) }, (_, i) => i));
  }

  /** Loss and accuracy on the full train and test sets, in evaluation mode, without building a graph. */
  evaluate(): Evaluation {
    return noGrad(() => {
      this.model.eval();
      const measure = ({ x, y }: { x: Tensor; y: Tensor }): [number, number] => {
        const prediction = this.model.forward(x);
        return [computeLoss(this.spec.loss, prediction, y).item(), accuracy(this.spec.loss, prediction, y)];
      };
      const [trainLoss, trainAccuracy] = measure(this.#trainAll);
      const [testLoss, testAccuracy] = measure(this.#testAll);
      return { trainLoss, testLoss, trainAccuracy, testAccuracy, inactiveUnits: this.#inactiveUnits() };
    });
  }

  #inactiveUnits(): number {
    const isRelu = (name: string | undefined): boolean => name === 'relu' || name === 'leakyRelu';
    // No forward pass for a model without ReLU layers (a sigmoid MLP is evaluated often).
    if (!this.spec.model.layers.some((layer) => isRelu(layerActivation(layer)?.name))) return -1;
    const relus = this.model.activationInputs(this.#trainAll.x).filter(({ activation }) => isRelu(activation.name));
    let inactive = 0;
    for (const { z } of relus) {
      const [n = 0, units = 1] = z.shape;
      const size = product(z.shape.slice(2));
      for (let j = 0; j < units; j++) {
        let active = false;
        for (let i = 0; i < n && !active; i++) for (let k = 0; k < size && !active; k++) active = (z.data[(i * units + j) * size + k] ?? 0) > 0;
        if (!active) inactive++;
      }
    }
    return inactive;
  }

  /**
   * The probability of class 1 on a resolution × resolution grid over [−extent, extent]², row by
   * row from the top (y = +extent) down, for drawing the decision boundary. Only for models of
   * 2-D points with one logit (hasBoundary).
   */
  boundary(resolution: number, extent: number): Float32Array {
    if (!this.hasBoundary) {
      throw new RangeError(`boundary: expected a model of 2-D points with one logit (binaryCrossEntropyWithLogits or sigmoidMseLoss), got input ${formatShape(this.spec.model.input)} and ${this.spec.loss}`);
    }
    const grid = new Float32Array(resolution * resolution * 2);
    for (let r = 0; r < resolution; r++) {
      for (let c = 0; c < resolution; c++) {
        const k = 2 * (r * resolution + c);
        grid[k] = -extent + ((c + 0.5) * 2 * extent) / resolution;
        grid[k + 1] = extent - ((r + 0.5) * 2 * extent) / resolution;
      }
    }
    return noGrad(() => {
      const logits = this.model.eval().forward(tensor(grid, { dtype: this.spec.dtype ?? 'float32' }).reshape([resolution * resolution, 2])).sigmoid();
      return Float32Array.from(logits.data);
    });
  }
}
