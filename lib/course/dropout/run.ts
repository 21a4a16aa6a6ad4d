/**
 * One training run of the lesson's CNN on the digits, epoch by epoch: Adam (with weight decay as
 * PyTorch's Adam applies it, added to the gradient) on minibatches in training mode, and after
 * each epoch the loss and accuracy on the whole training and validation sets in evaluation mode.
 * Deterministic: the same settings give the same numbers.
 */
import { crossEntropy, noGrad, optim, Rng, tensor, type Tensor } from '../../engine';
import type { Dataset } from '../../ml/datasets';
import { DROPOUT_SEED, SpecModel } from '../../ml/training';
import { splitDigits, type DigitSet, type DigitSplits } from './digits';
import { DEFAULT_SHAPE, digitsCnn, type DropoutPlacement, type NetworkShape } from './network';
import { drawShifts, MAX_SHIFT, SHIFT_SEED, shiftImages } from './shift';

/** Everything a run depends on. */
export interface DropoutSettings {
  /** Training digits, balanced by class (100 up to 2,000). */
  readonly trainSize: number;
  /** Dropout probability (0 for none). */
  readonly p: number;
  readonly placement: DropoutPlacement;
  /** Adam's weight_decay (an L2 penalty added to the gradient). */
  readonly weightDecay: number;
  readonly learningRate: number;
  readonly epochs: number;
  readonly batchSize: number;
  /** Seeds the split, the weights, the minibatch order and (separately) the dropout masks and the shifts. */
  readonly seed: number;
  /** Data augmentation: each training image of a minibatch moved by up to this many whole pixels in x and y (0, the default, for none). */
  readonly shift?: number;
}

/** The lesson's default run: 500 digits, dropout 0.5 between the fully connected layers. */
export const DEFAULT_SETTINGS: DropoutSettings = { trainSize: 500, p: 0.5, placement: 'fc', weightDecay: 0, learningRate: 0.003, epochs: 30, batchSize: 32, seed: 1, shift: 0 };

/** Loss and accuracy on the training and validation sets after an epoch (epoch 0: before training). */
export interface EpochRecord {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly validationLoss: number;
  readonly validationAccuracy: number;
}

/** Mean cross-entropy, accuracy and each row's predicted class (the arg max) of `logits` (N, 10) against class labels. */
function measure(logits: Tensor, y: Tensor): { loss: number; accuracy: number; predictions: Uint8Array } {
  const loss = crossEntropy(logits, y).item();
  const classes = logits.shape[1] ?? 1;
  const predictions = new Uint8Array(y.data.length);
  let correct = 0;
  for (let i = 0; i < y.data.length; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if ((logits.data[i * classes + c] ?? -Infinity) > (logits.data[i * classes + best] ?? -Infinity)) best = c;
    predictions[i] = best;
    if (best === y.data[i]) correct++;
  }
  return { loss, accuracy: correct / y.data.length, predictions };
}

/** Checks the settings, saying what was expected and what was got. */
export function checkSettings(settings: DropoutSettings): void {
  const bad = (name: string, expected: string, got: number): never => {
    throw new RangeError(`${name}: expected ${expected}, got ${got}`);
  };
  if (!(settings.learningRate > 0 && settings.learningRate <= 1)) bad('learning rate', 'a number in (0, 1]', settings.learningRate);
  if (!(settings.weightDecay >= 0 && settings.weightDecay <= 1)) bad('weight decay', 'a number in [0, 1]', settings.weightDecay);
  if (!(Number.isInteger(settings.epochs) && settings.epochs >= 1 && settings.epochs <= 500)) bad('epochs', 'a whole number from 1 to 500', settings.epochs);
  if (!(Number.isInteger(settings.batchSize) && settings.batchSize >= 1)) bad('batch size', 'a whole number ≥ 1', settings.batchSize);
  const shift = settings.shift ?? 0;
  if (!(Number.isInteger(shift) && shift >= 0 && shift <= MAX_SHIFT)) bad('shift', `a whole number of pixels from 0 to ${MAX_SHIFT}`, shift);
}

/** A run in progress: call step() until done. */
export class DropoutRun {
  readonly model: SpecModel;
  readonly splits: DigitSplits;
  readonly history: EpochRecord[] = [];
  readonly #optimizer: optim.Adam;
  readonly #order: Rng;
  readonly #shifts: Rng;
  readonly #side: number;
  #batches: number[][] = [];
  #step = 0;
  #validationPredictions: Uint8Array = new Uint8Array(0);

  /** Splits the digits, builds the network and evaluates it before any training (epoch 0). */
  constructor(
    readonly settings: DropoutSettings,
    digits: DigitSet,
    shape: NetworkShape = { ...DEFAULT_SHAPE, side: digits.side },
  ) {
    checkSettings(settings);
    this.#side = digits.side;
    this.splits = splitDigits(digits, settings.trainSize, settings.seed);
    const weights = new Rng(settings.seed);
    this.model = new SpecModel(digitsCnn(settings.p, settings.placement, shape), { weights, dropout: new Rng(settings.seed ^ DROPOUT_SEED) });
    this.#order = new Rng(settings.seed ^ 0x0bd3_2c5);
    this.#shifts = new Rng(settings.seed ^ SHIFT_SEED);
    this.#optimizer = new optim.Adam(this.model.parameters(), { lr: settings.learningRate, weightDecay: settings.weightDecay });
    this.history.push(this.#evaluate(0));
  }

  /** Epochs finished. */
  get epoch(): number {
    return this.history.length - 1;
  }

  /** The class the network predicted for each validation digit at the last evaluation (the end of the last epoch). */
  get validationPredictions(): Uint8Array {
    return this.#validationPredictions;
  }

  /** Minibatch updates applied. */
  get steps(): number {
    return this.#step;
  }

  /** Minibatches in one epoch. */
  get stepsPerEpoch(): number {
    return Math.ceil(this.settings.trainSize / this.settings.batchSize);
  }

  /** True once every epoch has run. */
  get done(): boolean {
    return this.epoch >= this.settings.epochs;
  }

  /** Digits `rows` of `data` as a batch: x (N, 1, side, side) and y (N) class indices; `shifts` (dx, dy per digit, as drawShifts gives them) moves each image. */
  batch(data: Dataset, rows?: readonly number[], shifts?: Int8Array): { x: Tensor; y: Tensor } {
    const picked = rows ?? Array.from({ length: data.n }, (_, i) => i);
    let x = new Float32Array(picked.length * data.features);
    const y = new Float32Array(picked.length);
    picked.forEach((r, i) => {
      x.set(data.x.subarray(r * data.features, (r + 1) * data.features), i * data.features);
      y[i] = data.y[r] ?? NaN;
    });
    if (shifts) x = shiftImages(x, this.#side, shifts);
    return { x: tensor(x).reshape([picked.length, 1, this.#side, this.#side]), y: tensor(y) };
  }

  /** One minibatch update in training mode; at the end of an epoch, evaluates and returns its record. */
  step(): EpochRecord | undefined {
    if (this.done) return undefined;
    if (this.#batches.length === 0) {
      const order = this.#order.shuffle(Array.from({ length: this.splits.train.n }, (_, i) => i));
      for (let i = 0; i < order.length; i += this.settings.batchSize) this.#batches.push(order.slice(i, i + this.settings.batchSize));
      this.#batches.reverse();
    }
    const rows = this.#batches.pop() ?? [];
    const shift = this.settings.shift ?? 0;
    // Without shifts nothing is drawn: the run is the one it was before augmentation existed.
    const { x, y } = this.batch(this.splits.train, rows, shift > 0 ? drawShifts(this.#shifts, rows.length, shift) : undefined);
    this.#optimizer.zeroGrad();
    crossEntropy(this.model.train().forward(x), y).backward();
    this.#optimizer.step();
    this.#step++;
    if (this.#batches.length > 0) return undefined;
    const record = this.#evaluate(this.epoch + 1);
    this.history.push(record);
    return record;
  }

  /** Runs every remaining epoch; returns the history. */
  runToEnd(): EpochRecord[] {
    while (!this.done) this.step();
    return this.history;
  }

  /** The model's logits for every digit of `data`, in evaluation mode (or training mode, to show what forgetting eval() does). */
  logits(data: Dataset, mode: 'eval' | 'train' = 'eval'): Tensor {
    return noGrad(() => (mode === 'eval' ? this.model.eval() : this.model.train()).forward(this.batch(data).x));
  }

  /** Loss, accuracy and predicted classes on `data` in the given mode. */
  measure(data: Dataset, mode: 'eval' | 'train' = 'eval'): { loss: number; accuracy: number; predictions: Uint8Array } {
    return measure(this.logits(data, mode), this.batch(data).y);
  }

  #evaluate(epoch: number): EpochRecord {
    const train = this.measure(this.splits.train);
    const validation = this.measure(this.splits.validation);
    this.#validationPredictions = validation.predictions;
    return { epoch, trainLoss: train.loss, trainAccuracy: train.accuracy, validationLoss: validation.loss, validationAccuracy: validation.accuracy };
  }
}
