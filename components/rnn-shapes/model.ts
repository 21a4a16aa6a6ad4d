/** RNN shapes widget: its URL fields (PyTorch's argument names) and everything derived from them. */
import {
  type PyTorchMessage,
  rnnConstructorCheck,
  type RnnConfig,
  rnnForwardShapes,
  type RnnForwardShapes,
  rnnHiddenShape,
  rnnInputShape,
  type RnnParameter,
  rnnParameters,
} from '../../lib/ml/shapes';
import { booleanField, enumField, type Field, numberField, parseStrictNumber, type ValuesOf } from '../../lib/common';
import { parseShape, SHAPE_LIMITS } from './shape-text';

/** Largest sizes the controls accept. */
export const LIMITS = { size: SHAPE_LIMITS.size, numLayers: 6, seqLen: 100, batch: 64, h0Dims: SHAPE_LIMITS.dims } as const;

/** What the reader passes as h_0: nothing (PyTorch uses zeros), one of the expected shape, or a shape of their own. */
export type H0Choice = 'omit' | 'expected' | readonly number[];

/** The input's last size: input_size itself ('match'), or a number of the reader's choosing. */
export type FeaturesChoice = 'match' | number;

/** A whole number from 1 to max, from text; undefined if it is not one. */
function wholeNumber(text: string, max: number): number | undefined {
  const value = parseStrictNumber(text);
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= max ? value : undefined;
}

const h0Field: Field<H0Choice> = {
  default: 'expected',
  expected: `omit, expected, or a shape such as 2,3,20 (1 to ${LIMITS.h0Dims} whole numbers)`,
  parse: (raw) => (raw === 'omit' || raw === 'expected' ? raw : parseShape(raw)),
  format: (value) => (typeof value === 'string' ? value : value.join(',')),
};

const featuresField: Field<FeaturesChoice> = {
  default: 'match',
  expected: `match, or a whole number from 1 to ${LIMITS.size}`,
  parse: (raw) => (raw === 'match' ? raw : wholeNumber(raw, LIMITS.size)),
  format: String,
};

/**
 * URL fields, named as PyTorch names the arguments; the defaults are the example in PyTorch's
 * documentation: nn.RNN(10, 20, 2), input torch.randn(5, 3, 10), h0 torch.randn(2, 3, 20).
 */
export const rnnSchema = {
  input_size: numberField({ default: 10, min: 1, max: LIMITS.size, integer: true }),
  hidden_size: numberField({ default: 20, min: 1, max: LIMITS.size, integer: true }),
  num_layers: numberField({ default: 2, min: 1, max: LIMITS.numLayers, integer: true }),
  nonlinearity: enumField(['tanh', 'relu'] as const, 'tanh'),
  bias: booleanField(true),
  batch_first: booleanField(false),
  dropout: numberField({ default: 0, min: 0, max: 1 }),
  bidirectional: booleanField(false),
  seq_len: numberField({ default: 5, min: 1, max: LIMITS.seqLen, integer: true }),
  batch: numberField({ default: 3, min: 1, max: LIMITS.batch, integer: true }),
  unbatched: booleanField(false),
  input_features: featuresField,
  h_0: h0Field,
  seed: numberField({ default: 0, min: 0, max: 999_999, integer: true }),
};

/** The widget's settings. */
export type RnnValues = ValuesOf<typeof rnnSchema>;

/** Everything the widget shows for one setting, computed by the shape calculator. */
export interface RnnView {
  config: RnnConfig;
  inputShape: number[];
  /** The shape h_0 must have. */
  expectedH0: number[];
  /** The h_0 passed, or undefined when it is omitted. */
  h0Shape: number[] | undefined;
  forward: RnnForwardShapes;
  /** The exception nn.RNN(...) raises, if any, then its warnings. */
  constructorError: PyTorchMessage | undefined;
  warnings: PyTorchMessage[];
  parameters: RnnParameter[];
  total: number;
}

/** The nn.RNN arguments a setting describes. */
export function configOf(v: RnnValues): RnnConfig {
  return {
    inputSize: v.input_size,
    hiddenSize: v.hidden_size,
    numLayers: v.num_layers,
    nonlinearity: v.nonlinearity,
    bias: v.bias,
    batchFirst: v.batch_first,
    dropout: v.dropout,
    bidirectional: v.bidirectional,
  };
}

/** The calculator's answer for a setting: tensors' shapes, what the call returns or raises, parameters. */
export function viewOf(v: RnnValues): RnnView {
  const config = configOf(v);
  const call = { seqLen: v.seq_len, batch: v.batch, unbatched: v.unbatched };
  const inputShape = rnnInputShape(config, call, v.input_features === 'match' ? config.inputSize : v.input_features);
  const expectedH0 = rnnHiddenShape(config, call);
  const h0Shape = v.h_0 === 'omit' ? undefined : v.h_0 === 'expected' ? expectedH0 : [...v.h_0];
  const built = rnnConstructorCheck(config);
  const parameters = rnnParameters(config);
  return {
    config,
    inputShape,
    expectedH0,
    h0Shape,
    forward: rnnForwardShapes(config, inputShape, h0Shape),
    constructorError: built.error,
    warnings: built.warnings,
    parameters,
    total: parameters.reduce((n, p) => n + p.count, 0),
  };
}

/**
 * Multiply-adds of the forward pass: every layer, direction, step and batch row does
 * H_out · (layer input size + H_out) of them.
 */
export function forwardCost(config: RnnConfig, inputShape: readonly number[]): number {
  const D = config.bidirectional ? 2 : 1;
  const rows = inputShape.slice(0, -1).reduce((a, b) => a * b, 1); // L · N
  let perRow = 0;
  for (let k = 0; k < config.numLayers; k++) {
    perRow += config.hiddenSize * ((k === 0 ? config.inputSize : D * config.hiddenSize) + config.hiddenSize);
  }
  return rows * D * perRow;
}

/** Forward passes up to this many multiply-adds run by themselves (a fraction of a second). */
export const AUTO_RUN_COST = 1e8;
/** Beyond this the page does not run the forward pass at all (tens of seconds or more). */
export const MAX_RUN_COST = 4e9;
