/**
 * A model spec (spec.ts) built into the engine's modules, layer by layer in the spec's order:
 * the layer stack's layers by the layer stack's own builder (engineModule), nn.RNN and Select
 * here. Each layer draws its default weights and then its `init`'s from one generator, in that
 * order; dropout masks come from a second generator, so that adding dropout changes neither the
 * initial weights nor the minibatch order.
 *
 * The built model also names the weights whose gradient norms the charts plot (watchedWeights)
 * and hands out the input of every activation layer (the pre-activations z the histograms and the
 * dead-unit count read). These names are the only ones: the bars, the tables, the charts and the
 * sentences all print them as they are.
 */
import { nn, type DType, type Rng, type Tensor } from '../../engine';
import { DEFAULT_ACTIVATION_PARAMS } from '../activations';
import { engineModule } from '../layer-stack';
import type { LayerActivation } from './activation-stats';
import { initialise } from './init';
import { hasWeights, type ModelLayer, type ModelSpec, type RnnLayer, type StackLayer } from './spec';

/** The name the charts give the last layer with weights, unless the spec names it. */
export const OUTPUT_LAYER = 'output';

/** A weight whose gradient norm the charts plot, with the name they show. */
export interface WatchedWeight {
  name: string;
  weight: Tensor;
}

/** The input z of one activation layer, and the activation g it goes through. */
export interface ActivationInput {
  /** Index of the activation layer in the spec. */
  layer: number;
  activation: LayerActivation;
  z: Tensor;
}

/** The generators a model draws from (its weights, and the masks of its dropout layers), and its parameters' dtype. */
export interface ModelRngs {
  weights: Rng;
  dropout: Rng;
  /** float32 unless given. */
  dtype?: DType;
}

/** x.select(dim, index) as a layer. */
class Select extends nn.Module {
  constructor(
    readonly dim: number,
    readonly index: number,
  ) {
    super();
  }
  /** x.select(dim, index). */
  forward(x: Tensor): Tensor {
    return x.select(this.dim, this.index);
  }
}

/** One built layer: its spec, its module (for parameters and train/eval), and its forward pass. */
interface Built {
  spec: ModelLayer;
  module: nn.Module<never[], unknown>;
  forward: (x: Tensor) => Tensor;
}

/** The activation of a layer whose g has a closed form in lib/ml/activations, else undefined. */
export function layerActivation(layer: ModelLayer): LayerActivation | undefined {
  const p = DEFAULT_ACTIVATION_PARAMS;
  switch (layer.type) {
    case 'Sigmoid':
      return { name: 'sigmoid', params: p };
    case 'Tanh':
      return { name: 'tanh', params: p };
    case 'ReLU':
      return { name: 'relu', params: p };
    case 'LeakyReLU':
      return { name: 'leakyRelu', params: { ...p, alpha: layer.args.negative_slope } };
    case 'SiLU':
      return { name: 'swish', params: { ...p, beta: 1 } };
    default:
      return undefined;
  }
}

function buildRnn(layer: RnnLayer, { weights: rng, dtype }: ModelRngs): Built {
  const a = layer.args;
  const rnn = new nn.RNN(a.input_size, a.hidden_size, {
    rng,
    ...(dtype === undefined ? {} : { dtype }),
    numLayers: a.num_layers,
    nonlinearity: a.nonlinearity,
    bias: a.bias,
    batchFirst: a.batch_first,
    dropout: a.dropout,
    bidirectional: a.bidirectional,
  });
  const named = new Map(rnn.namedParameters());
  for (const [name, weight] of named) {
    const kind = name.startsWith('weight_ih') ? 'ih' : name.startsWith('weight_hh') ? 'hh' : undefined;
    const init = kind === undefined ? undefined : layer.init?.[kind];
    if (init) initialise(weight, named.get(name.replace('weight', 'bias')) ?? null, init, rng);
  }
  return { spec: layer, module: rnn, forward: (x) => rnn.forward(x)[0] };
}

/**
 * Arguments the calculator accepts but the engine's modules do not compute (they change no shape,
 * so the calculator's engine check builds them without): training with them would give PyTorch's
 * shapes with other numbers, so the model refuses them.
 */
function unsupported(layer: StackLayer): string | null {
  if (layer.type === 'Conv2d' && layer.args.padding_mode !== 'zeros') return `padding_mode='${layer.args.padding_mode}' is not in the engine yet (it pads with zeros only)`;
  if (layer.type === 'AvgPool2d' && layer.args.divisor_override !== null) return 'divisor_override is not in the engine yet';
  return null;
}

function buildStackLayer(layer: StackLayer, rngs: ModelRngs): Built {
  const problem = unsupported(layer);
  if (problem !== null) throw new RangeError(problem);
  const dropout = layer.type === 'Dropout' || layer.type === 'Dropout2d';
  const module = engineModule(layer, dropout ? rngs.dropout : rngs.weights, rngs.dtype);
  if (layer.init) {
    if (!(module instanceof nn.Linear || module instanceof nn.Conv2d)) {
      throw new RangeError(`init: only Linear, Conv2d and RNN layers have weights to initialise, got init on ${layer.type}`);
    }
    initialise(module.weight, module.bias, layer.init, rngs.weights);
  }
  return { spec: layer, module, forward: (x) => module.forward(x) };
}

function buildLayer(layer: ModelLayer, rngs: ModelRngs): Built {
  if (layer.type === 'RNN') return buildRnn(layer, rngs);
  if (layer.type === 'Select') {
    const select = new Select(layer.args.dim, layer.args.index);
    return { spec: layer, module: select, forward: (x) => select.forward(x) };
  }
  return buildStackLayer(layer, rngs);
}

/**
 * The watched weights, first layer first: every Linear and Conv2d weight, and every weight of an
 * RNN. A layer with a `name` is shown by it (an RNN's weights as `name.weight_hh_l0`); otherwise
 * the k-th layer with weights is "layer k" and the last one "output", and an RNN's weights keep
 * PyTorch's names (weight_ih_l0, weight_hh_l0, …).
 */
function watchedWeights(built: readonly Built[]): WatchedWeight[] {
  const weighted = built.filter((b) => hasWeights(b.spec));
  return weighted.flatMap(({ spec, module }, k): WatchedWeight[] => {
    if (module instanceof nn.RNN) {
      return module
        .namedParameters()
        .filter(([name]) => name.startsWith('weight'))
        .map(([name, weight]) => ({ name: spec.name === undefined ? name : `${spec.name}.${name}`, weight }));
    }
    const weight = module instanceof nn.Linear || module instanceof nn.Conv2d ? module.weight : undefined;
    if (!weight) return [];
    return [{ name: spec.name ?? (k === weighted.length - 1 ? OUTPUT_LAYER : `layer ${k + 1}`), weight }];
  });
}

/** A model built from its spec: an nn.Module whose children are the spec's layers, '0', '1', … */
export class SpecModel extends nn.Module {
  /** The weights the charts watch, with their names, first layer first. */
  readonly watched: readonly WatchedWeight[];
  readonly #layers: readonly Built[];

  /** Builds every layer of `spec` in order, drawing weights and inits from `rngs.weights`. */
  constructor(
    readonly spec: ModelSpec,
    rngs: ModelRngs,
  ) {
    super();
    this.#layers = spec.layers.map((layer, i) => {
      try {
        const built = buildLayer(layer, rngs);
        this.registerModule(String(i), built.module);
        return built;
      } catch (error) {
        throw new RangeError(`${describeLayer(spec, i)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    this.watched = watchedWeights(this.#layers);
  }

  /** The module built for layer `index` of the spec (negative counts from the end). */
  at(index: number): nn.Module<never[], unknown> | undefined {
    return this.#layers.at(index)?.module;
  }

  /** The model's output for a batch x of shape (N, ...spec.input). */
  forward(x: Tensor): Tensor {
    return this.run(x);
  }

  /**
   * Runs the layers in turn on x, handing each layer's input to `visit` before the layer runs.
   * An error names the layer it came from by its index in the spec: "layers[4] (Linear): linear: mat1 and mat2 …".
   */
  run(x: Tensor, visit?: (index: number, input: Tensor) => void): Tensor {
    let y = x;
    this.#layers.forEach((layer, i) => {
      visit?.(i, y);
      try {
        y = layer.forward(y);
      } catch (error) {
        throw new RangeError(`${describeLayer(this.spec, i)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return y;
  }

  /** The input z of every activation layer that lib/ml/activations has (sigmoid, tanh, ReLU, leaky ReLU, SiLU), for inputs x. */
  activationInputs(x: Tensor): ActivationInput[] {
    const inputs: ActivationInput[] = [];
    this.run(x, (layer, z) => {
      const activation = layerActivation(this.spec.layers[layer] ?? { type: 'Identity', args: {} });
      if (activation) inputs.push({ layer, activation, z });
    });
    return inputs;
  }
}

/** "layers[4] (Linear)": where a layer is in the spec (not "layer k", which the charts use for the k-th layer with weights). */
function describeLayer(spec: ModelSpec, index: number): string {
  return `layers[${index}] (${spec.layers[index]?.type ?? 'missing'})`;
}
