/**
 * What the Trainer trains, as plain JSON: a model spec (the shape of one example and a list of
 * layers) and a train spec (the model, the data, the loss, the optimiser, the batch size, the
 * clipping and the seed). A spec crosses to a worker by postMessage, sits in a URL or an exercise
 * file, and `JSON.parse(JSON.stringify(spec))` trains exactly as `spec` does.
 *
 * The layers are the layer stack's (lib/ml/layer-stack: PyTorch's class names and keyword
 * arguments, `{ type: 'Conv2d', args: { in_channels: 1, … } }`), plus two the stack calculator does
 * not have: `RNN` (nn.RNN, whose output is the first element of the tuple it returns) and `Select`
 * (`x.select(dim, index)`: `output[:, -1]` is the readout of the last step). They are kept out of
 * the calculator's schema on purpose: that schema drives a CNN shape calculator, its PyTorch
 * importer, exporter and link codec, all of which read (N, C, H, W) images and nn.Sequential code,
 * where an RNN's tuple cannot be followed by another layer and indexing is not a module.
 */
import type { DType, optim } from '../../engine';
import type { Layer } from '../layer-stack';
import type { ClipMode, Task } from './config';

/**
 * How a layer's weight starts, applied after the layer is built with PyTorch's default (which
 * draws weight then bias): `default` keeps it; `xavier` is xavier_uniform_ with `gain` (1 if
 * absent), `he` is kaiming_normal_(nonlinearity='relu') (fan_in), `zeros` is constant_ 0, `normal`
 * is normal_(0, std). `xavier`, `he` and `zeros` also set the bias to 0; `default` and `normal`
 * keep it. Then the weight is multiplied by `scale` (1 if absent), and the bias set to `bias` if given.
 */
export type LayerInit = (
  | { readonly scheme: 'default'; readonly scale?: number }
  | { readonly scheme: 'xavier'; readonly gain?: number; readonly scale?: number }
  | { readonly scheme: 'he'; readonly scale?: number }
  | { readonly scheme: 'zeros' }
  | { readonly scheme: 'normal'; readonly std: number; readonly scale?: number }
) & {
  /** Last of all, every entry of the bias is set to this (absent: the bias is left as above). */
  readonly bias?: number;
};

/** What any layer of a model spec may carry besides its type and arguments. */
interface Labelled {
  /** What the charts call this layer; see `watchedWeights` for the default. */
  readonly name?: string;
}

/** A layer of the layer stack (Linear, Conv2d, ReLU, Dropout, Flatten, BatchNorm2d …), with an initialisation for Linear and Conv2d. */
export type StackLayer = Layer & Labelled & { readonly init?: LayerInit };

/** nn.RNN's constructor arguments, PyTorch's names. */
export interface RnnArgs {
  readonly input_size: number;
  readonly hidden_size: number;
  readonly num_layers: number;
  readonly nonlinearity: 'tanh' | 'relu';
  readonly bias: boolean;
  readonly batch_first: boolean;
  readonly dropout: number;
  readonly bidirectional: boolean;
}

/**
 * nn.RNN, passing on `output` (its whole top-layer sequence) and dropping h_n. `init.ih` applies
 * to every weight_ih_l{k} (with bias_ih_l{k}), `init.hh` to every weight_hh_l{k} (with bias_hh_l{k}).
 */
export interface RnnLayer extends Labelled {
  readonly type: 'RNN';
  readonly args: RnnArgs;
  readonly init?: { readonly ih?: LayerInit; readonly hh?: LayerInit };
}

/** torch.select(x, dim, index): drops dimension `dim`, keeping entry `index` (negative counts from the end). */
export interface SelectLayer extends Labelled {
  readonly type: 'Select';
  readonly args: { readonly dim: number; readonly index: number };
}

/** One layer of a model spec. */
export type ModelLayer = StackLayer | RnnLayer | SelectLayer;

/** A network: the layers in order, applied to examples of shape `input`. */
export interface ModelSpec {
  /**
   * One example's shape, without the batch: [F] for F features, [C, H, W] for an image, [L, H_in]
   * for a sequence read by an RNN with batch_first. The data's features are reshaped to it.
   */
  readonly input: readonly number[];
  readonly layers: readonly ModelLayer[];
}

/**
 * The loss, by the engine's function name: `binaryCrossEntropyWithLogits` on one logit per
 * example (target 0 or 1), `mseLoss` on one number per example, `crossEntropy` on one logit per
 * class (target the class index); and `sigmoidMseLoss`, mseLoss(sigmoid(z), y) on one logit per
 * example (target 0 or 1), the squared error of a sigmoid output that the backpropagation lesson
 * races against cross-entropy.
 */
export type LossName = 'binaryCrossEntropyWithLogits' | 'mseLoss' | 'crossEntropy' | 'sigmoidMseLoss';

/** The optimiser: the engine's optim.SGD or optim.Adam with their options (PyTorch's, camelCased). */
export type OptimizerSpec = ({ readonly type: 'SGD' } & optim.SGDOptions) | ({ readonly type: 'Adam' } & optim.AdamOptions);

/** A complete, reproducible description of a training run of any model. */
export interface TrainSpec {
  readonly model: ModelSpec;
  /** The data, generated from `seed` (see taskData). */
  readonly data: Task;
  readonly loss: LossName;
  readonly optimizer: OptimizerSpec;
  readonly batchSize: number;
  readonly clip: { readonly mode: ClipMode; readonly threshold: number };
  /** Seeds the data, the initial weights, the minibatch order and (separately) the dropout masks. */
  readonly seed: number;
  /**
   * The weights' and the batches' number type: float32 (the default, as on the pages) or float64
   * (to compare with PyTorch's float64 to 1e-12). The data are generated in float32 either way.
   */
  readonly dtype?: DType;
}

/** True for the layers that have a weight to initialise and whose gradient the charts watch. */
export function hasWeights(layer: ModelLayer): layer is Extract<ModelLayer, { type: 'Linear' | 'Conv2d' | 'RNN' }> {
  return layer.type === 'Linear' || layer.type === 'Conv2d' || layer.type === 'RNN';
}
