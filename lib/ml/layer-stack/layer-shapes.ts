/**
 * What each layer type does to a shape, with PyTorch's rules and errors in words. The spatial
 * sizes come from windowOutputSize() in lib/ml/shapes/conv.ts (H_out = floor((H + 2p − d(k − 1) − 1) / s) + 1);
 * Conv2d's rules, with its padding modes, are in conv-shape.ts.
 */
import { conv2d } from './conv-shape';
import type { Layer, LayerOf, Size2 } from './schema';
import {
  describeInput,
  dimError,
  fail,
  normalizeDim,
  ok,
  plain,
  plural,
  product,
  spatialInput,
  tuple,
  windows,
  withSpatial,
  type Outcome,
  type ShapeInfo,
} from './shape-rules';

export type { Outcome, ShapeInfo } from './shape-rules';

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
      poolPaddingError(k, p),
    );
  }
  if (!spatial.ok) {
    return fail(
      spatial.message,
      null,
      `Given input size: (${C}x${H}x${W}). Calculated output size: (${C}x${spatial.outputs[0]}x${spatial.outputs[1]}). Output size is too small`,
    );
  }
  if (layer.type === 'AvgPool2d' && layer.args.divisor_override === 0) {
    return fail('AvgPool2d: divisor_override=0 would divide every window’s sum by zero; PyTorch refuses it when the layer runs', assumed, 'divisor must be not zero');
  }
  const notes = [...spatial.notes];
  if (layer.type === 'AvgPool2d' && layer.args.divisor_override !== null) {
    notes.push(`divisor_override=${layer.args.divisor_override}: each window’s sum is divided by ${layer.args.divisor_override} instead of the number of values it covers. The values change, not the shape.`);
  }
  return ok(withSpatial(x, C, spatial.size), notes);
}

/**
 * PyTorch 1.13's words for too much pooling padding: it checks the height, then the width, each
 * against half its kernel (dilation plays no part).
 */
function poolPaddingError(k: Size2, p: Size2): string {
  const i = p[0] > Math.floor(k[0] / 2) ? 0 : 1;
  return `pad should be at most half of kernel size, but got pad=${p[i]} and kernel_size=${k[i]}`;
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
  const { track_running_stats: tracks, affine } = layer.args;
  const [N, channels, H, W] = x.shape as [number, number, number, number];
  const oneValue = `Expected more than 1 value per channel when training, got input size torch.Size([${x.shape.join(', ')}])`;
  // Without running statistics, BatchNorm2d normalises with the batch's own, in eval mode too.
  if (!tracks && N * H * W === 1) {
    return {
      ...(fail(
        'BatchNorm2d with track_running_stats=False normalises with the statistics of the batch itself, even in eval mode, and N × H × W = 1 leaves one value per channel to compute them from',
        x,
        oneValue,
      ) as Extract<Outcome, { ok: false }>),
      engineMisses: 'the engine’s BatchNorm2d always uses running statistics, so it cannot reproduce this rule of PyTorch’s',
    };
  }
  if (channels !== C && (tracks || affine)) {
    const held = tracks ? 'running_mean' : 'weight';
    return fail(`BatchNorm2d expects num_features = ${channels} (its input has ${plural(channels, 'channel')}), got ${C}`, x, `${held} should contain ${channels} elements not ${C}`);
  }
  const notes: string[] = [];
  if (channels !== C) {
    notes.push(`With affine=False and track_running_stats=False, BatchNorm2d keeps no number per channel, so PyTorch accepts ${plural(channels, 'channel')} although num_features = ${C}.`);
  }
  if (tracks) {
    notes.push(`Also keeps running_mean and running_var (${C} numbers each) and num_batches_tracked: buffers, saved in the state_dict but not trained.`);
    if (N * H * W === 1) notes.push(`In training mode PyTorch refuses this: with N × H × W = 1 there is one value per channel (“${oneValue}”). The copied code runs in eval mode, with the running statistics.`);
  }
  return ok(x, notes);
}

function softmax(layer: LayerOf<'Softmax'> | LayerOf<'LogSoftmax'>, x: ShapeInfo): Outcome {
  const rank = x.shape.length;
  const notes: string[] = [];
  let dim = layer.args.dim;
  if (dim === null) {
    dim = rank === 0 || rank === 1 || rank === 3 ? 0 : 1;
    // PyTorch names the function in its warning: softmax, log_softmax.
    const fn = layer.type === 'Softmax' ? 'softmax' : 'log_softmax';
    notes.push(`dim=None: PyTorch picks dim=${dim} for ${describeInput(x.shape)} and warns: “Implicit dimension choice for ${fn} has been deprecated. Change the call to include dim=X as an argument.”`);
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
