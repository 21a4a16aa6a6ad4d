/**
 * The layer-stack calculator: given an input (N, C, H, W) and a list of layers, each layer's
 * output shape, parameter count (weights and biases apart), the memory of its output for the
 * whole batch in float32, and its multiply-adds, without building a tensor.
 *
 * When a layer cannot take its input, its row carries the error in words. The rows after it go on
 * where the layer's own arguments still decide its output (a Linear whose in_features is wrong
 * still gives out_features): they are computed as if the error were fixed and marked `assumed`.
 * Where nothing can be said (a kernel larger than its input, a missing Flatten), the later rows
 * are `unknown`; their parameter counts, which depend only on their arguments, are still given.
 */
import { conv2dParameterCount, linearParameterCount } from '../shapes';
import { buildProblem } from './conv-shape';
import { layerOutput, type Outcome, type ShapeInfo } from './layer-shapes';
import type { Layer, StackInput } from './schema';

/** A tensor shape, outermost dimension first. */
export type Shape = readonly number[];

/** Trainable parameters of a layer, weights and biases apart. */
export interface ParamCount {
  readonly weights: number;
  readonly biases: number;
}

/**
 * How a row was computed: `ok`; `error` (this layer cannot take its input); `assumed` (computed
 * after an earlier error, as if it were fixed); `unknown` (cannot be computed after an error).
 */
export type RowStatus = 'ok' | 'error' | 'assumed' | 'unknown';

/** One layer's line of the table. */
export interface LayerRow {
  readonly index: number;
  readonly layer: Layer;
  readonly status: RowStatus;
  /** The shape this layer receives (null when unknown). */
  readonly input: Shape | null;
  /** Its output; for an error row, the output it would have once fixed (null if that is unknown). */
  readonly output: Shape | null;
  /** Its trainable parameters; null when the layer itself cannot be built (Conv2d groups). */
  readonly params: ParamCount | null;
  /** Numbers it keeps that are not trained (BatchNorm2d's running statistics). */
  readonly buffers: number;
  /** Its output for the whole batch in float32 (4 bytes a number); null when unknown. */
  readonly outputBytes: number | null;
  /** Multiply-adds of a Conv2d or Linear for the whole batch; null for other layers or when unknown. */
  readonly multAdds: number | null;
  /** What is wrong, in words (status `error`). */
  readonly error: string | null;
  /** The message PyTorch gives for the same mistake, when we know it word for word. */
  readonly pytorchError: string | null;
  /** Why this course's engine cannot reproduce the error (a PyTorch rule it does not model), or null. */
  readonly engineMisses: string | null;
  /** The error stops PyTorch when it builds the layer, before the model runs. */
  readonly atBuild: boolean;
  /** Remarks: rounding in the size formula, PyTorch warnings, in-place layers. */
  readonly notes: readonly string[];
}

/** The whole table: rows and totals. */
export interface StackResult {
  readonly input: Shape;
  readonly inputBytes: number;
  readonly rows: readonly LayerRow[];
  /** The last layer's output, or null if it is unknown or an error came before it. */
  readonly output: Shape | null;
  readonly weights: number;
  readonly biases: number;
  readonly parameters: number;
  /** The parameters in float32. */
  readonly parameterBytes: number;
  readonly buffers: number;
  /** Sum of every computed layer output (rows with a known output), in bytes. */
  readonly outputBytes: number;
  /** The largest single output, in bytes, and its row. */
  readonly largestOutput: { readonly index: number; readonly bytes: number } | null;
  readonly multAdds: number;
  /** Index of the first row with an error, or null. */
  readonly firstError: number | null;
  /**
   * The row whose error PyTorch meets first: a layer it refuses to build (building the model
   * comes before running it), else the first error. Null when there is none.
   */
  readonly pytorchStops: number | null;
  /** Rows whose output could not be computed (left out of the memory totals). */
  readonly unknownRows: number;
  /** Layers whose parameters could not be counted (left out of the parameter totals). */
  readonly uncountedLayers: number;
}

/** Bytes of one float32 number. */
export const FLOAT32_BYTES = 4;

/** Number of elements of a shape. */
export function numel(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A shape written as in PyTorch's documentation: (1, 96, 55, 55). */
export function formatShape(shape: Shape): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/** Trainable parameters of a layer from its arguments alone, or null if PyTorch would refuse to build it. */
export function parameterCount(layer: Layer): ParamCount | null {
  switch (layer.type) {
    case 'Conv2d': {
      const { in_channels: cin, out_channels: cout, kernel_size, groups, bias } = layer.args;
      if (cin % groups !== 0 || cout % groups !== 0) return null;
      return conv2dParameterCount(cin, cout, kernel_size, { bias, groups });
    }
    case 'Linear':
      return linearParameterCount(layer.args.in_features, layer.args.out_features, layer.args.bias);
    case 'BatchNorm2d':
      return layer.args.affine ? { weights: layer.args.num_features, biases: layer.args.num_features } : { weights: 0, biases: 0 };
    default:
      return { weights: 0, biases: 0 };
  }
}

/** Numbers a layer stores that are not trained: BatchNorm2d's running_mean, running_var and num_batches_tracked. */
export function bufferCount(layer: Layer): number {
  return layer.type === 'BatchNorm2d' && layer.args.track_running_stats ? 2 * layer.args.num_features + 1 : 0;
}

/** Multiply-adds of a Conv2d or Linear producing `output` from `input`; null for other layers. */
export function multAddCount(layer: Layer, input: Shape, output: Shape): number | null {
  if (layer.type === 'Conv2d') {
    const { in_channels, groups, kernel_size } = layer.args;
    return numel(output) * (in_channels / groups) * kernel_size[0] * kernel_size[1];
  }
  if (layer.type === 'Linear') return (numel(input) / (input.at(-1) ?? 1)) * layer.args.in_features * layer.args.out_features;
  return null;
}

/** The input shape (N, C, H, W) of a stack. */
export function inputShape(input: StackInput): Shape {
  return [input.batch, input.channels, input.height, input.width];
}

/** Computes every row of the table and the totals. */
export function calculateStack(input: StackInput, layers: readonly Layer[]): StackResult {
  const first = inputShape(input);
  let x: ShapeInfo | null = { shape: first, parts: first.map(() => null) };
  let sawError = false;
  const rows: LayerRow[] = layers.map((layer, index) => {
    const params = parameterCount(layer);
    const buffers = bufferCount(layer);
    const base = { index, layer, params, buffers, error: null, pytorchError: null, engineMisses: null, atBuild: false, notes: [] as string[] };
    if (x === null) {
      // The input is unknown, but a layer PyTorch refuses to build is refused whatever its input.
      const refused = layer.type === 'Conv2d' ? buildProblem(layer) : null;
      const unknown = { ...base, input: null, output: null, outputBytes: null, multAdds: null };
      return refused ? { ...unknown, status: 'error', error: refused.message, pytorchError: refused.pytorch ?? null, atBuild: true } : { ...unknown, status: 'unknown' };
    }
    const inShape = x.shape;
    const outcome: Outcome = layerOutput(layer, x);
    const next = outcome.ok ? outcome.output : outcome.assumed;
    const status = !outcome.ok ? 'error' : sawError ? 'assumed' : 'ok';
    if (!outcome.ok) sawError = true;
    x = next;
    return {
      ...base,
      status,
      input: inShape,
      output: next?.shape ?? null,
      outputBytes: next ? numel(next.shape) * FLOAT32_BYTES : null,
      multAdds: outcome.ok ? multAddCount(layer, inShape, outcome.output.shape) : null,
      error: outcome.ok ? null : outcome.message,
      pytorchError: outcome.ok ? null : (outcome.pytorch ?? null),
      engineMisses: outcome.ok ? null : (outcome.engineMisses ?? null),
      atBuild: !outcome.ok && outcome.atBuild === true,
      notes: outcome.notes,
    };
  });
  return summarize(first, rows);
}

function summarize(input: Shape, rows: readonly LayerRow[]): StackResult {
  let weights = 0;
  let biases = 0;
  let buffers = 0;
  let outputBytes = 0;
  let multAdds = 0;
  let largestOutput: StackResult['largestOutput'] = null;
  for (const row of rows) {
    weights += row.params?.weights ?? 0;
    biases += row.params?.biases ?? 0;
    buffers += row.buffers;
    multAdds += row.multAdds ?? 0;
    if (row.outputBytes !== null && row.status !== 'error') {
      outputBytes += row.outputBytes;
      if (largestOutput === null || row.outputBytes > largestOutput.bytes) largestOutput = { index: row.index, bytes: row.outputBytes };
    }
  }
  const firstError = rows.find((r) => r.status === 'error')?.index ?? null;
  const pytorchStops = rows.find((r) => r.status === 'error' && r.atBuild)?.index ?? firstError;
  const last = rows.at(-1);
  return {
    input,
    inputBytes: numel(input) * FLOAT32_BYTES,
    rows,
    output: firstError !== null ? null : last ? last.output : input,
    weights,
    biases,
    parameters: weights + biases,
    parameterBytes: (weights + biases) * FLOAT32_BYTES,
    buffers,
    outputBytes,
    largestOutput,
    multAdds,
    firstError,
    pytorchStops,
    unknownRows: rows.filter((r) => r.output === null || r.status === 'error').length,
    uncountedLayers: rows.filter((r) => r.params === null).length,
  };
}
