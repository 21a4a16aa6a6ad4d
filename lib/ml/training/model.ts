/**
 * The models the training lessons use, built from the engine's nn modules: an MLP for the 2-D and
 * regression tasks, an RNN for the sequence task. Each model also names the weight tensors whose
 * gradient norms the lessons plot ("layer 1" … "layer D", "output", or the RNN's own parameter
 * names). These names are the only ones: the bars, the tables, the charts and the sentences all
 * print them as they are.
 */
import { nn, type Tensor } from '../../engine';
import type { Rng } from '../../engine';
import type { HiddenActivation, TrainConfig } from './config';

/** The name of an MLP's output layer (the linear layer after the last hidden layer). */
export const OUTPUT_LAYER = 'output';

/** A model as the trainer sees it: predict, its parameters, and the weights whose gradients are watched. */
export interface TrainableModel {
  /** Predictions, shape (N, 1), for inputs of shape (N, F). */
  forward(x: Tensor): Tensor;
  /** Pre-activations z of every hidden layer for inputs x, each (N, width); empty for the RNN. */
  preActivations(x: Tensor): Tensor[];
  parameters(): Tensor[];
  /** The watched weights, first layer first, with the names the charts show. */
  watched: { name: string; weight: Tensor }[];
}

function activationModule(activation: HiddenActivation): nn.Module {
  switch (activation) {
    case 'sigmoid':
      return new nn.Sigmoid();
    case 'tanh':
      return new nn.Tanh();
    case 'relu':
      return new nn.ReLU();
    case 'leakyRelu':
      return new nn.LeakyReLU(0.01);
  }
}

/**
 * Re-initialises a hidden layer by `config.init`, exactly as the vanishing lesson prints it:
 * PyTorch's default (already in place from the constructor: U(−1/√n, 1/√n) for weight and bias),
 * Xavier uniform U(−a, a) with a = gain·√(6 / (n_in + n_out)), He normal N(0, 2 / n_in), or zeros;
 * Xavier and He zero the bias. Then multiplies the weight by `config.initScale`. Mutates.
 */
function initialise(layer: nn.Linear, config: TrainConfig, rng: Rng): void {
  if (config.init === 'xavier') nn.init.xavierUniform(layer.weight, rng, { gain: config.gain ?? 1 });
  else if (config.init === 'he') nn.init.kaimingNormal(layer.weight, rng, { nonlinearity: 'relu' });
  else if (config.init === 'zeros') nn.init.constant(layer.weight, 0);
  if (config.init !== 'default' && layer.bias) nn.init.constant(layer.bias, 0);
  const scale = config.initScale;
  if (scale !== 1) for (let i = 0; i < layer.weight.data.length; i++) layer.weight.data[i] = (layer.weight.data[i] ?? 0) * scale;
}

/** An MLP F → width (× depth hidden layers, each followed by the activation) → 1. */
export function buildMlp(config: TrainConfig, inputs: number, rng: Rng): TrainableModel {
  const layers: nn.Module[] = [];
  const linears: nn.Linear[] = [];
  let fanIn = inputs;
  for (let d = 0; d < config.depth; d++) {
    const linear = new nn.Linear(fanIn, config.width, { rng });
    initialise(linear, config, rng);
    layers.push(linear, activationModule(config.activation));
    linears.push(linear);
    fanIn = config.width;
  }
  const head = new nn.Linear(fanIn, 1, { rng });
  // The output layer has no activation: Xavier with gain 1 under Xavier and He, zero under zeros.
  if (config.init === 'zeros') nn.init.constant(head.weight, 0);
  else if (config.init !== 'default') nn.init.xavierUniform(head.weight, rng);
  if (config.init !== 'default' && head.bias) nn.init.constant(head.bias, 0);
  layers.push(head);
  linears.push(head);
  const model = new nn.Sequential(...layers);
  const act = activationModule(config.activation);
  return {
    forward: (x) => model.forward(x),
    preActivations(x) {
      const zs: Tensor[] = [];
      let h = x;
      for (const linear of linears.slice(0, -1)) {
        const z = linear.forward(h);
        zs.push(z);
        h = act.forward(z);
      }
      return zs;
    },
    parameters: () => model.parameters(),
    watched: linears.map((l, i) => ({ name: i === linears.length - 1 ? OUTPUT_LAYER : `layer ${i + 1}`, weight: l.weight })),
  };
}

/**
 * nn.RNN(1, width, depth layers, ReLU, batch_first) reading the sequence one number at a time, and
 * a Linear head on the last step's hidden state. The recurrent weights are drawn from
 * N(0, initScale² / width), whose spectral radius is about initScale: above 1, signals and
 * gradients grow geometrically through time.
 */
export function buildSequenceModel(config: TrainConfig, rng: Rng): TrainableModel {
  const rnn = new nn.RNN(1, config.width, { rng, numLayers: config.depth, nonlinearity: 'relu', batchFirst: true });
  const named = new Map(rnn.namedParameters());
  for (let k = 0; k < config.depth; k++) {
    const whh = named.get(`weight_hh_l${k}`);
    if (whh) nn.init.normal(whh, rng, 0, config.initScale / Math.sqrt(config.width));
  }
  const head = new nn.Linear(config.width, 1, { rng });
  return {
    preActivations: () => [],
    forward(x) {
      const [n = 0, length = 0] = x.shape;
      const [output] = rnn.forward(x.reshape([n, length, 1]));
      return head.forward(output.select(1, length - 1));
    },
    parameters: () => [...rnn.parameters(), ...head.parameters()],
    watched: [
      ...rnn.namedParameters().filter(([name]) => name.startsWith('weight')).map(([name, weight]) => ({ name, weight })),
      { name: 'head', weight: head.weight },
    ],
  };
}
