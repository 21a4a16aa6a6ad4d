/**
 * What each layer type does to a shape, with PyTorch's rules and errors in words. The spatial
 * sizes come from windowOutputSize() in lib/shapes/conv.ts (H_out = floor((H + 2p − d(k − 1) − 1) / s) + 1).
 */
import { windowOutputSize } from '../shapes/conv';
import type { Layer, LayerOf, Size2 } from './schema';

type Shape = readonly number[];

/**
 * A shape, and for each dimension the sizes it was flattened from (null if it was not), so that
 * an error can say "9216 (256 × 6 × 6)".
 */
export interface ShapeInfo {
  readonly shape: Shape;
  readonly parts: readonly (readonly number[] | null)[];
}

/** A layer's output, or the error with the output it would give once fixed (null if unknown). */
export type Outcome =
  | { readonly ok: true; readonly output: ShapeInfo; readonly notes: string[] }
  | { readonly ok: false; readonly message: string; readonly pytorch?: string; readonly assumed: ShapeInfo | null; readonly notes: string[] };

const plain = (shape: Shape): ShapeInfo => ({ shape, parts: shape.map(() => null) });
const ok = (output: ShapeInfo, notes: string[] = []): Outcome => ({ ok: true, output, notes });
const fail = (message: string, assumed: ShapeInfo | null, pytorch?: string, notes: string[] = []): Outcome =>
  pytorch === undefined ? { ok: false, message, assumed, notes } : { ok: false, message, pytorch, assumed, notes };

const tuple = (shape: Shape): string => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
const torchList = (shape: Shape): string => `[${shape.join(', ')}]`;
const describeInput = (shape: Shape): string => `a ${shape.length}-D input ${tuple(shape)}`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const product = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);
const signed = (n: number): string => (n < 0 ? `−${-n}` : String(n));

/** Python's range of valid dims for a rank, and the dim made non-negative (or null if out of range). */
function normalizeDim(dim: number, rank: number): number | null {
  const r = Math.max(rank, 1);
  return dim >= -r && dim < r ? (dim < 0 ? dim + r : dim) : null;
}

function dimError(name: string, dim: number, shape: Shape): Outcome {
  const r = Math.max(shape.length, 1);
  return fail(
    `${name} is out of range for ${describeInput(shape)}: use −${r} to ${r - 1}, got ${signed(dim)}`,
    null,
    `Dimension out of range (expected to be in range of [-${r}, ${r - 1}], but got ${dim})`,
  );
}

/** One spatial dimension of a windowed layer. */
interface WindowDim {
  readonly size: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;
  /** Pooling's ceil_mode=True: round up. */
  readonly ceilMode?: boolean;
}

/** The output height and width of a windowed layer, with notes on rounding, or the error. */
function windows(type: string, dims: readonly [WindowDim, WindowDim]): { ok: true; size: Size2; notes: string[] } | { ok: false; message: string; outputs: [number, number] } {
  const names = ['height', 'width'] as const;
  const results = dims.map((d) => windowOutputSize(d.size, d));
  const sizes = dims.map((d, i) => {
    const r = results[i]!;
    return r.ok ? r.size : Math.floor((d.size + 2 * d.padding - d.dilation * (d.kernel - 1) - 1) / d.stride) + 1;
  }) as [number, number];
  const bad = results.findIndex((r) => !r.ok);
  if (bad >= 0) {
    const r = results[bad]!;
    const reason = r.ok ? '' : r.reason;
    const size = sizes[bad]!;
    const outcome = size === 0 ? `the output ${names[bad]} would be 0` : `no output ${bad === 0 ? 'row' : 'column'} fits (the formula gives ${signed(size)})`;
    return { ok: false, message: `${type}: the window does not fit in the input’s ${names[bad]}: ${reason}, so ${outcome}`, outputs: sizes };
  }
  const notes: string[] = [];
  const inexact = dims.map((d, i) => (results[i]!.ok && !(results[i] as { exact: boolean }).exact ? floorNote(d, i === 0 ? 'row' : 'column') : null));
  const same = inexact[0] !== null && floorNote(dims[0], 'x') === floorNote(dims[1], 'x');
  if (same) notes.push(`Height and width: ${floorNote(dims[0], 'row and column')}`);
  else inexact.forEach((n, i) => n !== null && notes.push(`${i === 0 ? 'Height' : 'Width'}: ${n}`));
  return { ok: true, size: sizes, notes };
}

/** Explains floor() in the size formula (or ceil(), with ceil_mode) when the stride does not divide evenly. */
function floorNote(d: WindowDim, unit: string): string {
  const { size, kernel, stride, padding, dilation } = d;
  const span = dilation * (kernel - 1) + 1;
  const numerator = size + 2 * padding - span;
  const quotient = numerator / stride;
  const shown = Number.isInteger(quotient * 100) ? String(quotient) : `${quotient.toFixed(2)}…`;
  if (d.ceilMode) {
    // How many windows rounding up gives, and whether PyTorch's rule (in windowOutputSize) drops the last.
    const up = Math.ceil(quotient) + 1;
    const result = windowOutputSize(size, d);
    const kept = !result.ok || result.size === up;
    return kept
      ? `(${size} + 2 × ${padding} − ${span}) / ${stride} = ${shown} is rounded up (ceil_mode=True), so ${up} positions fit and the last window hangs over the edge of the padded input.`
      : `(${size} + 2 × ${padding} − ${span}) / ${stride} = ${shown} is rounded up (ceil_mode=True) to ${up} positions, but the last would start in the right padding, so PyTorch drops it: ${up - 1}.`;
  }
  const left = numerator % stride;
  const what = left === 1 ? `last ${unit} of the padded input ${unit.includes(' and ') ? 'are' : 'is'}` : `last ${left} ${unit.replace(/(row|column)/g, '$1s')} of the padded input are`;
  return `(${size} + 2 × ${padding} − ${span}) / ${stride} = ${shown} is rounded down, so ${Math.floor(quotient) + 1} positions fit and the ${what} never covered.`;
}

function spatialInput(type: string, x: ShapeInfo, wants = '3-D (C, H, W) or 4-D (N, C, H, W)'): { ok: true } | { ok: false; outcome: Outcome } {
  const rank = x.shape.length;
  if (rank === 3 || rank === 4) return { ok: true };
  const hint = rank === 2 ? ' It comes after a Flatten or Linear; spatial layers go before them.' : '';
  return { ok: false, outcome: fail(`${type} expects a ${wants} input, got ${describeInput(x.shape)}.${hint}`, null) };
}

/** The shape with channels and spatial sizes replaced (batch dimension kept if present). */
function withSpatial(x: ShapeInfo, channels: number, [h, w]: readonly [number, number]): ShapeInfo {
  return plain([...x.shape.slice(0, -3), channels, h, w]);
}

function conv2d(layer: LayerOf<'Conv2d'>, x: ShapeInfo): Outcome {
  const { in_channels: cin, out_channels: cout, kernel_size: k, stride, padding, dilation, groups } = layer.args;
  const rank = spatialInput('Conv2d', x);
  if (!rank.ok) {
    const outcome = rank.outcome as Extract<Outcome, { ok: false }>;
    return fail(outcome.message, null, `Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: ${torchList(x.shape)}`);
  }
  const [C, H, W] = x.shape.slice(-3) as [number, number, number];
  const notes: string[] = [];
  let pads: Size2 = [0, 0];
  if (padding === 'same') {
    const total = [dilation[0] * (k[0] - 1), dilation[1] * (k[1] - 1)];
    pads = [Math.floor(total[0]! / 2), Math.floor(total[1]! / 2)];
    if (total.some((t) => t % 2 === 1)) {
      notes.push(`padding='same' with an even kernel pads unevenly: PyTorch adds the extra ${total[0]! % 2 === 1 ? 'row' : 'column'} at the bottom or right.`);
    }
  } else {
    pads = padding;
  }
  const spatial =
    padding === 'same'
      ? ({ ok: true, size: [H, W], notes: [] } as const)
      : windows('Conv2d', [
          { size: H, kernel: k[0], stride: stride[0], padding: pads[0], dilation: dilation[0] },
          { size: W, kernel: k[1], stride: stride[1], padding: pads[1], dilation: dilation[1] },
        ]);
  const assumed = spatial.ok ? withSpatial(x, cout, spatial.size) : null;
  if (cin % groups !== 0 || cout % groups !== 0) {
    const which = cin % groups !== 0 ? `in_channels = ${cin}` : `out_channels = ${cout}`;
    return fail(`Conv2d: ${which} must be divisible by groups = ${groups}; PyTorch refuses to build this layer.`, assumed, `${cin % groups !== 0 ? 'in' : 'out'}_channels must be divisible by groups`);
  }
  if (padding === 'same' && (stride[0] !== 1 || stride[1] !== 1)) {
    return fail(`Conv2d: padding='same' needs stride 1, got stride ${tuple(stride)}; PyTorch refuses to build this layer.`, assumed, "padding='same' is not supported for strided convolutions");
  }
  if (C !== cin) {
    return fail(
      `Conv2d expects in_channels = ${C} (its input has ${plural(C, 'channel')}), got ${cin}`,
      assumed,
      `Given groups=${groups}, weight of size [${cout}, ${cin / groups}, ${k[0]}, ${k[1]}], expected input${torchList(x.shape)} to have ${cin} channels, but got ${C} channels instead`,
    );
  }
  if (!spatial.ok) {
    const span = [dilation[0] * (k[0] - 1) + 1, dilation[1] * (k[1] - 1) + 1];
    return fail(
      spatial.message,
      null,
      `Calculated padded input size per channel: (${H + 2 * pads[0]} x ${W + 2 * pads[1]}). Kernel size: (${span[0]} x ${span[1]}). Kernel size can't be greater than actual input size`,
    );
  }
  return ok(withSpatial(x, cout, spatial.size), [...notes, ...spatial.notes]);
}

function pool(layer: LayerOf<'MaxPool2d'> | LayerOf<'AvgPool2d'>, x: ShapeInfo): Outcome {
  const type = layer.type;
  const rank = spatialInput(type, x);
  if (!rank.ok) return rank.outcome;
  const { kernel_size: k, padding: p, ceil_mode: ceilMode } = layer.args;
  const stride = layer.args.stride ?? k;
  const dilation: Size2 = layer.type === 'MaxPool2d' ? layer.args.dilation : [1, 1];
  const [C, H, W] = x.shape.slice(-3) as [number, number, number];
  const spatial = windows(type, [
    { size: H, kernel: k[0], stride: stride[0], padding: p[0], dilation: dilation[0], ceilMode },
    { size: W, kernel: k[1], stride: stride[1], padding: p[1], dilation: dilation[1], ceilMode },
  ]);
  const assumed = spatial.ok ? withSpatial(x, C, spatial.size) : null;
  if (p[0] > Math.floor(k[0] / 2) || p[1] > Math.floor(k[1] / 2)) {
    return fail(
      `${type}: padding can be at most half the kernel size: kernel_size ${tuple(k)} allows padding up to ${tuple([Math.floor(k[0] / 2), Math.floor(k[1] / 2)])}, got ${tuple(p)}`,
      assumed,
      poolPaddingError(k, p, dilation),
    );
  }
  if (!spatial.ok) {
    return fail(
      spatial.message,
      null,
      `Given input size: (${C}x${H}x${W}). Calculated output size: (${C}x${spatial.outputs[0]}x${spatial.outputs[1]}). Output size is too small`,
    );
  }
  return ok(withSpatial(x, C, spatial.size), spatial.notes);
}

/**
 * PyTorch's words for too much pooling padding: its first check compares each dimension (height
 * first) with half the dilated kernel; a dilated kernel that passes fails the second, on the kernel.
 */
function poolPaddingError(k: Size2, p: Size2, d: Size2): string {
  for (const i of [0, 1] as const) {
    if (p[i] > Math.floor(((k[i] - 1) * d[i] + 1) / 2)) {
      return `pad should be at most half of effective kernel size, but got pad=${p[i]}, kernel_size=${k[i]} and dilation=${d[i]}`;
    }
  }
  return `pad should be smaller than or equal to half of kernel size, but got padW = ${p[1]}, padH = ${p[0]}, kW = ${k[1]}, kH = ${k[0]}`;
}

function adaptivePool(layer: LayerOf<'AdaptiveAvgPool2d'> | LayerOf<'AdaptiveMaxPool2d'>, x: ShapeInfo): Outcome {
  const rank = spatialInput(layer.type, x);
  if (!rank.ok) return rank.outcome;
  const [C, H, W] = x.shape.slice(-3) as [number, number, number];
  const [oh, ow] = layer.args.output_size;
  const size: Size2 = [oh ?? H, ow ?? W];
  const notes: string[] = [];
  if (size[0] === H && size[1] === W) notes.push(`The input is already ${H} × ${W}, so this layer passes it through unchanged (it matters for other input sizes).`);
  else if (size[0] > H || size[1] > W) notes.push('The output is larger than the input, so neighbouring output cells share input cells.');
  return ok(withSpatial(x, C, size), notes);
}

function batchNorm(layer: LayerOf<'BatchNorm2d'>, x: ShapeInfo): Outcome {
  const C = layer.args.num_features;
  if (x.shape.length !== 4) {
    return fail(`BatchNorm2d expects a 4-D input (N, C, H, W), got ${describeInput(x.shape)}`, null, `expected 4D input (got ${x.shape.length}D input)`);
  }
  if (x.shape[1] !== C) {
    return fail(`BatchNorm2d expects num_features = ${x.shape[1]} (its input has ${plural(x.shape[1]!, 'channel')}), got ${C}`, x, `running_mean should contain ${x.shape[1]} elements not ${C}`);
  }
  const notes: string[] = [];
  if (layer.args.track_running_stats) {
    notes.push(`Also keeps running_mean and running_var (${C} numbers each) and num_batches_tracked: buffers, saved in the state_dict but not trained.`);
  }
  const [N, , H, W] = x.shape as [number, number, number, number];
  if (N * H * W === 1) notes.push('In training mode PyTorch refuses this: with N × H × W = 1 there is one value per channel (“Expected more than 1 value per channel when training”).');
  return ok(x, notes);
}

function softmax(layer: LayerOf<'Softmax'> | LayerOf<'LogSoftmax'>, x: ShapeInfo): Outcome {
  const rank = x.shape.length;
  const notes: string[] = [];
  let dim = layer.args.dim;
  if (dim === null) {
    dim = rank === 0 || rank === 1 || rank === 3 ? 0 : 1;
    notes.push(`dim=None: PyTorch picks dim=${dim} for ${describeInput(x.shape)} and warns: “Implicit dimension choice for ${layer.type.toLowerCase()} has been deprecated. Change the call to include dim=X as an argument.”`);
  }
  if (normalizeDim(dim, rank) === null) return dimError('dim', dim, x.shape);
  return ok(x, notes);
}

function flatten(layer: LayerOf<'Flatten'>, x: ShapeInfo): Outcome {
  const { start_dim, end_dim } = layer.args;
  const rank = x.shape.length;
  const start = normalizeDim(start_dim, rank);
  if (start === null) return dimError('start_dim', start_dim, x.shape);
  const end = normalizeDim(end_dim, rank);
  if (end === null) return dimError('end_dim', end_dim, x.shape);
  if (start > end) {
    return fail(`Flatten: start_dim (${start_dim}, dimension ${start}) comes after end_dim (${end_dim}, dimension ${end})`, null, 'flatten() has invalid args: start_dim cannot come after end_dim');
  }
  const merged = x.shape.slice(start, end + 1);
  const parts = x.parts.slice(start, end + 1).flatMap((p, i) => p ?? [merged[i]!]);
  const shape = [...x.shape.slice(0, start), product(merged), ...x.shape.slice(end + 1)];
  return ok({ shape, parts: [...x.parts.slice(0, start), merged.length > 1 || x.parts[start] ? parts : null, ...x.parts.slice(end + 1)] });
}

function linear(layer: LayerOf<'Linear'>, x: ShapeInfo): Outcome {
  const { in_features: fin, out_features: fout } = layer.args;
  const rank = x.shape.length;
  const last = x.shape.at(-1) ?? 1;
  const rows = product(x.shape.slice(0, -1));
  const output = plain([...x.shape.slice(0, -1), fout]);
  const pytorch = `mat1 and mat2 shapes cannot be multiplied (${rows}x${last} and ${fin}x${fout})`;
  if (rank > 2) {
    const perItem = product(x.shape.slice(1));
    if (last === fin) {
      return ok(output, [`Linear acts on the last dimension only: each of the ${rows} rows of length ${last} is mapped separately. For whole images, put nn.Flatten() before it.`]);
    }
    const fix = perItem === fin ? `; those ${perItem} numbers per image are exactly in_features` : '';
    return fail(
      `Linear expects in_features = ${last} (the last size of ${describeInput(x.shape)}), got ${fin}. Linear acts on the last dimension only: add nn.Flatten() before it to get ${tuple([x.shape[0]!, perItem])}${fix}.`,
      null,
      pytorch,
    );
  }
  if (last !== fin) {
    const parts = x.parts.at(-1);
    const breakdown = parts && parts.length > 1 ? ` (${parts.join(' × ')})` : '';
    return fail(`Linear expects in_features = ${last}${breakdown}, got ${fin}`, output, pytorch);
  }
  return ok(output);
}

/** The output of one layer given its input, or the error. */
export function layerOutput(layer: Layer, x: ShapeInfo): Outcome {
  switch (layer.type) {
    case 'Conv2d':
      return conv2d(layer, x);
    case 'MaxPool2d':
    case 'AvgPool2d':
      return pool(layer, x);
    case 'AdaptiveAvgPool2d':
    case 'AdaptiveMaxPool2d':
      return adaptivePool(layer, x);
    case 'BatchNorm2d':
      return batchNorm(layer, x);
    case 'Flatten':
      return flatten(layer, x);
    case 'Linear':
      return linear(layer, x);
    case 'Softmax':
    case 'LogSoftmax':
      return softmax(layer, x);
    case 'Dropout2d': {
      const rank = x.shape.length;
      const notes = rank === 3 || rank === 4 ? [] : [`Dropout2d drops whole channels of a 3-D or 4-D input; on ${describeInput(x.shape)} PyTorch warns and its behaviour differs.`];
      return ok(x, notes);
    }
    default:
      // Activations, Dropout and Identity work element by element: the shape passes through.
      return ok(x);
  }
}
