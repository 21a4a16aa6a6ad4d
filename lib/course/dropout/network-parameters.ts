/**
 * A trained network's parameters as plain arrays (what the worker sends the page at the end of
 * each epoch: 11,178 float32 numbers, 44.7 KB, for the default network), and the page's own copy
 * of the network built from them, to classify a drawn digit in evaluation mode and to show the
 * first layer's filters.
 */
import { nn, noGrad, Rng, softmax, tensor } from '../../engine';
import { type ModelSpec, SpecModel } from '../../ml/training';

/** One parameter: its PyTorch name ('0.weight'), shape and values. */
export interface ParameterArray {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** A network after `epoch` epochs (0: the initial weights): its spec (layer list) and every parameter, in the order of namedParameters(). */
export interface NetworkParameters {
  readonly epoch: number;
  readonly spec: ModelSpec;
  readonly arrays: readonly ParameterArray[];
}

/** A copy of the model's spec and parameters now (later training does not change it). */
export function captureParameters(model: SpecModel, epoch: number): NetworkParameters {
  return { epoch, spec: model.spec, arrays: model.namedParameters().map(([name, t]) => ({ name, shape: [...t.shape], data: Float32Array.from(t.data) })) };
}

/** How many numbers the parameters hold. */
export function parameterCount(parameters: NetworkParameters): number {
  return parameters.arrays.reduce((n, a) => n + a.data.length, 0);
}

/** Copies the parameters into the model's (mutates the model); throws, naming the parameter, if a name or shape differs. */
export function loadParameters(model: nn.Module, parameters: NetworkParameters): void {
  const own = model.namedParameters();
  const names = (list: readonly { name: string }[]): string => list.map((p) => p.name).join(', ');
  if (own.length !== parameters.arrays.length) {
    throw new RangeError(`loadParameters: expected ${own.length} parameters (${names(own.map(([name]) => ({ name })))}), got ${parameters.arrays.length} (${names(parameters.arrays)})`);
  }
  own.forEach(([name, t], i) => {
    const given = parameters.arrays[i];
    if (given?.name !== name || given.shape.join('×') !== t.shape.join('×')) {
      throw new RangeError(`loadParameters: expected ${name} of shape ${t.shape.join('×')}, got ${given?.name ?? 'nothing'} of shape ${given?.shape.join('×') ?? '–'}`);
    }
    t.data.set(given.data);
  });
}

/** A digit as one network reads it: logits, softmax probabilities and the predicted class. */
export interface Classification {
  readonly logits: Float32Array;
  readonly probabilities: readonly number[];
  readonly predicted: number;
}

/** The arg max (the first, on a tie). */
function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? -Infinity) > (values[best] ?? -Infinity)) best = i;
  return best;
}

/** A network rebuilt from delivered parameters, in evaluation mode (dropout off), to classify single images. */
export class DigitClassifier {
  readonly #model: SpecModel;
  /** Side of the square image the network reads. */
  readonly side: number;

  /** Builds the network from the parameters' spec and loads the parameters into it. */
  constructor(readonly parameters: NetworkParameters) {
    // The generators only fill the weights that loadParameters then replaces.
    this.#model = new SpecModel(parameters.spec, { weights: new Rng(0), dropout: new Rng(0) });
    loadParameters(this.#model, parameters);
    this.#model.eval();
    const [channels, height, width] = parameters.spec.input;
    if (channels !== 1 || height !== width || height === undefined) throw new RangeError(`DigitClassifier: expected a network reading 1 × side × side images, got input ${parameters.spec.input.join(' × ')}`);
    this.side = height;
  }

  /** The network's reading of one side × side digit (grey levels on 0 … 1), in evaluation mode. */
  classify(pixels: ArrayLike<number>): Classification {
    if (pixels.length !== this.side * this.side) throw new RangeError(`classify: expected ${this.side} × ${this.side} = ${this.side ** 2} pixels, got ${pixels.length}`);
    const logits = noGrad(() => this.#model.forward(tensor(Float32Array.from(pixels)).reshape([1, 1, this.side, this.side])));
    const probabilities = Array.from(softmax(logits, 1).data);
    const values = Float32Array.from(logits.data);
    return { logits: values, probabilities, predicted: argmax(values) };
  }
}

/** The first convolution's filters: `count` kernels of size × size (row-major, one after another) and their biases. */
export interface FirstLayerFilters {
  readonly count: number;
  readonly size: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/** The first layer's filters: the first 4-D parameter (the first Conv2d's weight, of 1 input channel) and the bias after it. */
export function firstLayerFilters(parameters: NetworkParameters): FirstLayerFilters {
  const at = parameters.arrays.findIndex((a) => a.shape.length === 4);
  const weight = parameters.arrays[at];
  const [count = 0, channels = 0, height = 0, width = 0] = weight?.shape ?? [];
  if (!weight || channels !== 1 || height !== width) throw new RangeError(`firstLayerFilters: expected a convolution weight of shape C×1×k×k, got ${weight ? weight.shape.join('×') : 'none'}`);
  const bias = parameters.arrays[at + 1];
  return { count, size: height, weights: weight.data, bias: bias?.shape.length === 1 && bias.shape[0] === count ? bias.data : new Float32Array(count) };
}

/**
 * A string that tells two networks apart (the epoch and a weighted sum of every parameter), so a
 * page can keep one classifier while the same network is delivered again (each delivery is a new
 * copy) and build a new one when the network changes, also after a restart at the same epoch.
 */
export function networkFingerprint(parameters: NetworkParameters): string {
  let sum = 0;
  let k = 0;
  for (const array of parameters.arrays) for (let i = 0; i < array.data.length; i++) sum += (array.data[i] ?? 0) * ++k;
  return `${parameters.epoch}:${k}:${sum}`;
}
