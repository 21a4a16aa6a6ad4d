/**
 * Shapes and parameters of PyTorch's nn.RNN, computed without building any tensor, with PyTorch's
 * own warnings and errors in its own words. The checks, their order and their messages follow
 * torch/nn/modules/rnn.py (RNNBase.__init__, RNN.__init__, RNN.forward, check_input,
 * check_hidden_size; pytorch/pytorch at e6f551aa3e44ae79694352a686f9cf503768ead6).
 *
 * Symbols, as in PyTorch's documentation: N = batch size, L = sequence length,
 * D = 2 if bidirectional else 1, H_in = input_size, H_out = hidden_size, and S = D * num_layers.
 *
 *   input   (L, H_in) unbatched, (L, N, H_in), or (N, L, H_in) with batch_first
 *   h_0     (S, H_out) unbatched, else (S, N, H_out): batch_first does not apply
 *   output  (L, D * H_out) unbatched, (L, N, D * H_out), or (N, L, D * H_out) with batch_first
 *   h_n     (S, H_out) unbatched, else (S, N, H_out)
 */
import { linearParameterCount } from './conv';
import { pythonFloat, pythonList, pythonTuple } from '../../common';

/** nn.RNN's constructor arguments (PyTorch's names in camelCase). */
export interface RnnConfig {
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  nonlinearity: 'tanh' | 'relu';
  bias: boolean;
  batchFirst: boolean;
  dropout: number;
  bidirectional: boolean;
}

/** nn.RNN's defaults for everything but the two sizes. */
export const RNN_DEFAULTS: Omit<RnnConfig, 'inputSize' | 'hiddenSize'> = {
  numLayers: 1,
  nonlinearity: 'tanh',
  bias: true,
  batchFirst: false,
  dropout: 0,
  bidirectional: false,
};

/**
 * A Python exception or warning, named by its class, worded as PyTorch words it. PyTorch 2.x
 * rewrote some of nn.RNN's checks (torch/nn/modules/rnn.py); those messages carry `wording: '2.x'`
 * and the widget names the version, since PyTorch 1.13 says something else for the same mistake.
 */
export interface PyTorchMessage {
  kind: 'ValueError' | 'RuntimeError' | 'TypeError' | 'UserWarning';
  message: string;
  /** Set when only PyTorch 2.x words it so; absent when 1.13 and 2.x say the same. */
  wording?: '2.x';
}

/** One learnable tensor of nn.RNN: its PyTorch name, shape and number of entries. */
export interface RnnParameter {
  name: string;
  shape: readonly number[];
  count: number;
  /** Layer k (0 is the one that reads the input). */
  layer: number;
  /** true for the reverse direction of a bidirectional RNN (names end in _reverse). */
  reverse: boolean;
}

/** D: 2 if bidirectional, else 1. */
export function directions(config: Pick<RnnConfig, 'bidirectional'>): 1 | 2 {
  return config.bidirectional ? 2 : 1;
}

/** Features each layer reads: H_in for layer 0, D * H_out for the layers above it. */
export function layerInputSize(config: RnnConfig, layer: number): number {
  return layer === 0 ? config.inputSize : directions(config) * config.hiddenSize;
}

/**
 * Every parameter in PyTorch's order: for each layer k, for each direction, weight_ih_l{k},
 * weight_hh_l{k} and (with bias) bias_ih_l{k}, bias_hh_l{k}, with "_reverse" for direction 1.
 * weight_ih_l0 is (H_out, H_in), weight_ih_l{k > 0} is (H_out, D * H_out).
 */
export function rnnParameters(config: RnnConfig): RnnParameter[] {
  const H = config.hiddenSize;
  const list: RnnParameter[] = [];
  for (let layer = 0; layer < config.numLayers; layer++) {
    for (let d = 0; d < directions(config); d++) {
      const suffix = `_l${layer}${d === 1 ? '_reverse' : ''}`;
      const input = linearParameterCount(layerInputSize(config, layer), H, config.bias);
      const hidden = linearParameterCount(H, H, config.bias);
      const add = (name: string, shape: readonly number[], count: number): void => {
        list.push({ name: name + suffix, shape, count, layer, reverse: d === 1 });
      };
      add('weight_ih', [H, layerInputSize(config, layer)], input.weights);
      add('weight_hh', [H, H], hidden.weights);
      if (config.bias) {
        add('bias_ih', [H], input.biases);
        add('bias_hh', [H], hidden.biases);
      }
    }
  }
  return list;
}

/** Total number of learnable numbers: nn.RNN(10, 20, 2) has 1,480, bidirectional 3,760. */
export function rnnParameterCount(config: RnnConfig): number {
  return rnnParameters(config).reduce((n, p) => n + p.count, 0);
}

/**
 * What nn.RNN(...) says when it is built: the exception it raises, if any, and its warnings, in
 * PyTorch's order (nonlinearity, dropout's range, the one-layer dropout warning, hidden_size,
 * num_layers).
 */
export function rnnConstructorCheck(config: RnnConfig): { error: PyTorchMessage | undefined; warnings: PyTorchMessage[] } {
  const warnings: PyTorchMessage[] = [];
  const fail = (kind: PyTorchMessage['kind'], message: string, wording?: '2.x') => ({ error: pytorchMessage(kind, message, wording), warnings });
  const nonlinearity: string = config.nonlinearity;
  if (nonlinearity !== 'tanh' && nonlinearity !== 'relu') {
    return fail('ValueError', `Unknown nonlinearity '${nonlinearity}'. Select from 'tanh' or 'relu'.`, '2.x');
  }
  if (!(config.dropout >= 0 && config.dropout <= 1)) {
    return fail('ValueError', 'dropout should be a number in range [0, 1] representing the probability of an element being zeroed');
  }
  if (config.dropout > 0 && config.numLayers === 1) {
    warnings.push({
      kind: 'UserWarning',
      message:
        'dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects ' +
        `num_layers greater than 1, but got dropout=${pythonFloat(config.dropout)} and num_layers=${config.numLayers}`,
    });
  }
  if (!Number.isInteger(config.hiddenSize)) return fail('TypeError', 'hidden_size should be of type int, got: float', '2.x');
  if (config.hiddenSize <= 0) return fail('ValueError', 'hidden_size must be greater than zero', '2.x');
  if (config.numLayers <= 0) return fail('ValueError', 'num_layers must be greater than zero', '2.x');
  return { error: undefined, warnings };
}

/** An exception as PyTorch words it, `wording` set when only PyTorch 2.x words it so (see PyTorchMessage). */
function pytorchMessage(kind: PyTorchMessage['kind'], message: string, wording?: '2.x'): PyTorchMessage {
  return wording === undefined ? { kind, message } : { kind, message, wording };
}

/** What a forward call returns: the shapes of output and h_n, or the exception PyTorch raises. */
export type RnnForwardShapes = { ok: true; output: number[]; hN: number[] } | { ok: false; error: PyTorchMessage };

/**
 * The shapes rnn(input, h_0) returns for a valid module, or the exception it raises, checked in
 * PyTorch's order: input dimensions, h_0's dimensions, input.size(-1), then h_0's shape. Omit
 * h0Shape for rnn(input), which starts from zeros. PyTorch adds the batch dimension before
 * comparing h_0, so an unbatched call reports shapes with a batch of 1: "Expected hidden size
 * (2, 1, 20), got [1, 1, 20]".
 */
export function rnnForwardShapes(config: RnnConfig, inputShape: readonly number[], h0Shape?: readonly number[]): RnnForwardShapes {
  const fail = (kind: PyTorchMessage['kind'], message: string, wording?: '2.x'): RnnForwardShapes => ({ ok: false, error: pytorchMessage(kind, message, wording) });
  for (const shape of h0Shape === undefined ? [inputShape] : [inputShape, h0Shape]) {
    if (!shape.every((n) => Number.isInteger(n) && n >= 1)) throw new RangeError(`rnnForwardShapes: sizes must be whole numbers ≥ 1, got ${pythonList(shape)}`);
  }
  const dims = inputShape.length;
  if (dims !== 2 && dims !== 3) return fail('ValueError', `RNN: Expected input to be 2D or 3D, got ${dims}D tensor instead`, '2.x');
  const batched = dims === 3;
  if (h0Shape !== undefined && !batched && h0Shape.length !== 2) {
    return fail('RuntimeError', `For unbatched 2-D input, hx should also be 2-D but got ${h0Shape.length}-D tensor`);
  }
  if (h0Shape !== undefined && batched && h0Shape.length !== 3) {
    return fail('RuntimeError', `For batched 3-D input, hx should also be 3-D but got ${h0Shape.length}-D tensor`);
  }
  const features = inputShape[dims - 1] ?? 0;
  if (features !== config.inputSize) {
    return fail('RuntimeError', `input.size(-1) must be equal to input_size. Expected ${config.inputSize}, got ${features}`);
  }
  // Batched from here on, as PyTorch does: (L, 1, H_in) or (1, L, H_in), and h_0 (S, 1, H_out).
  const [first = 1, second = 1] = inputShape;
  const [L, N] = !batched ? [first, 1] : config.batchFirst ? [second, first] : [first, second];
  const S = directions(config) * config.numLayers;
  const expected = [S, N, config.hiddenSize];
  if (h0Shape !== undefined) {
    const given = batched ? h0Shape : [h0Shape[0] ?? 0, 1, h0Shape[1] ?? 0];
    if (given.some((n, i) => n !== expected[i])) return fail('RuntimeError', `Expected hidden size ${pythonTuple(expected)}, got ${pythonList(given)}`);
  }
  const width = directions(config) * config.hiddenSize;
  if (!batched) return { ok: true, output: [L, width], hN: [S, config.hiddenSize] };
  return { ok: true, output: config.batchFirst ? [N, L, width] : [L, N, width], hN: expected };
}

/** How the reader calls the module: sequence length, batch size (or unbatched), input features. */
export interface RnnCall {
  seqLen: number;
  batch: number;
  unbatched: boolean;
}

/** The input's shape for a call: (L, H_in), (L, N, H_in) or (N, L, H_in); `features` replaces H_in. */
export function rnnInputShape(config: RnnConfig, call: RnnCall, features = config.inputSize): number[] {
  if (call.unbatched) return [call.seqLen, features];
  return config.batchFirst ? [call.batch, call.seqLen, features] : [call.seqLen, call.batch, features];
}

/** The shape h_0 must have: (S, H_out) unbatched, else (S, N, H_out), whatever batch_first says. */
export function rnnHiddenShape(config: RnnConfig, call: Pick<RnnCall, 'batch' | 'unbatched'>): number[] {
  const S = directions(config) * config.numLayers;
  return call.unbatched ? [S, config.hiddenSize] : [S, call.batch, config.hiddenSize];
}

/** A dimension's symbol as PyTorch's documentation writes it. */
export type RnnSymbol = 'N' | 'L' | 'H_in' | 'H_out' | 'D * H_out' | 'D * num_layers';

/** The symbolic shapes of input, h_0, output and h_n for a layout, as in PyTorch's documentation. */
export function rnnSymbolicShapes(batchFirst: boolean, unbatched: boolean): Record<'input' | 'h0' | 'output' | 'hN', RnnSymbol[]> {
  const hidden: RnnSymbol[] = unbatched ? ['D * num_layers', 'H_out'] : ['D * num_layers', 'N', 'H_out'];
  const sequence = (features: RnnSymbol): RnnSymbol[] =>
    unbatched ? ['L', features] : batchFirst ? ['N', 'L', features] : ['L', 'N', features];
  return { input: sequence('H_in'), h0: hidden, output: sequence('D * H_out'), hN: hidden };
}
