/**
 * The gradient lessons' runs (TrainConfig) as train specs: an MLP for 2-D points and regression,
 * nn.RNN with a readout of its last step for sequences. The only place that tells the two apart;
 * the Trainer trains whatever spec it is given.
 */
import { defaultLayer } from '../layer-stack';
import type { HiddenActivation, TrainConfig } from './config';
import type { LayerInit, ModelLayer, ModelSpec, OptimizerSpec, StackLayer, TrainSpec } from './spec';

function activationLayer(activation: HiddenActivation): StackLayer {
  switch (activation) {
    case 'sigmoid':
      return defaultLayer('Sigmoid');
    case 'tanh':
      return defaultLayer('Tanh');
    case 'relu':
      return defaultLayer('ReLU');
    case 'leakyRelu':
      return defaultLayer('LeakyReLU', { negative_slope: 0.01 });
  }
}

const linear = (inFeatures: number, outFeatures: number, init: LayerInit | undefined): StackLayer => ({
  ...defaultLayer('Linear', { in_features: inFeatures, out_features: outFeatures }),
  ...(init ? { init } : {}),
});

/**
 * A hidden layer's initialisation, exactly as the vanishing lesson prints it: PyTorch's default
 * (U(−1/√n, 1/√n) for weight and bias), Xavier uniform with the config's gain, He normal for
 * ReLU, or zeros; Xavier and He zero the bias. Then the weight is multiplied by `initScale`.
 */
function hiddenInit(config: TrainConfig): LayerInit | undefined {
  const scale = config.initScale === 1 ? {} : { scale: config.initScale };
  switch (config.init) {
    case 'default':
      return config.initScale === 1 ? undefined : { scheme: 'default', ...scale };
    case 'xavier':
      return { scheme: 'xavier', gain: config.gain ?? 1, ...scale };
    case 'he':
      return { scheme: 'he', ...scale };
    case 'zeros':
      return { scheme: 'zeros' };
  }
}

/**
 * The output layer has no activation: Xavier with gain 1 under Xavier and He, zeros under zeros,
 * never scaled; its bias then set to `outputBias` if the config gives one.
 */
function headInit(config: TrainConfig): LayerInit | undefined {
  const bias = config.outputBias === undefined ? {} : { bias: config.outputBias };
  if (config.init === 'zeros') return { scheme: 'zeros', ...bias };
  if (config.init === 'default') return config.outputBias === undefined ? undefined : { scheme: 'default', ...bias };
  return { scheme: 'xavier', gain: 1, ...bias };
}

/** An MLP F → width (× depth hidden layers, each followed by the activation) → 1. */
export function mlpSpec(config: TrainConfig, inputs: number): ModelSpec {
  const layers: ModelLayer[] = [];
  for (let d = 0; d < config.depth; d++) layers.push(linear(d === 0 ? inputs : config.width, config.width, hiddenInit(config)), activationLayer(config.activation));
  layers.push(linear(config.depth === 0 ? inputs : config.width, 1, headInit(config)));
  return { input: [inputs], layers };
}

/**
 * nn.RNN(1, width, depth layers, ReLU, batch_first) reading a sequence of L numbers one at a time,
 * the last step's output (`output[:, -1]`), and a Linear head. The recurrent weights are drawn from
 * N(0, initScale² / width), whose spectral radius is about initScale: above 1, signals and
 * gradients grow geometrically through time.
 */
export function rnnSpec(config: TrainConfig, seqLen: number): ModelSpec {
  return {
    input: [seqLen, 1],
    layers: [
      {
        type: 'RNN',
        args: { input_size: 1, hidden_size: config.width, num_layers: config.depth, nonlinearity: 'relu', bias: true, batch_first: true, dropout: 0, bidirectional: false },
        init: { hh: { scheme: 'normal', std: config.initScale / Math.sqrt(config.width) } },
      },
      { type: 'Select', args: { dim: 1, index: -1 } },
      { ...linear(config.width, 1, undefined), name: 'head' },
    ],
  };
}

function optimizerSpec(config: TrainConfig): OptimizerSpec {
  switch (config.optimizer) {
    case 'sgd':
      return { type: 'SGD', lr: config.lr };
    case 'momentum':
      return { type: 'SGD', lr: config.lr, momentum: 0.9 };
    case 'adam':
      return { type: 'Adam', lr: config.lr };
  }
}

/** The train spec of a gradient lesson's run; the Trainer gives the same numbers for either. */
export function trainSpecOf(config: TrainConfig): TrainSpec {
  const { task } = config;
  return {
    model: task.kind === 'sequence' ? rnnSpec(config, task.seqLen) : mlpSpec(config, task.kind === 'classification' ? 2 : task.features),
    data: task,
    loss: task.kind !== 'classification' ? 'mseLoss' : config.outputLoss === 'squaredError' ? 'sigmoidMseLoss' : 'binaryCrossEntropyWithLogits',
    optimizer: optimizerSpec(config),
    batchSize: config.batchSize,
    clip: config.clip,
    seed: config.seed,
  };
}
