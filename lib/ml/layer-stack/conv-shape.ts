/**
 * What nn.Conv2d does to a shape, checked in the order PyTorch 1.13 checks it, with its messages:
 *
 * 1. when the layer is built: in_channels and out_channels divisible by groups, and
 *    padding='same' only with stride 1;
 * 2. a padding_mode other than 'zeros' pads first with F.pad (reflect needs each side's padding
 *    smaller than the input, circular at most as large; the rank must suit F.pad), and the
 *    convolution then runs on the padded input without padding of its own;
 * 3. padding='same' in zeros mode pads the odd extra row or column first, then the rest evenly;
 * 4. the convolution: a 3-D or 4-D input, the channel count (PyTorch quotes the input as it is
 *    after steps 2 and 3, with a batch of 1 added to an unbatched input), and a kernel no larger
 *    than the padded input.
 *
 * The padding mode changes only which inputs are accepted, never the output shape.
 */
import type { LayerOf, Size2 } from './schema';
import { describeInput, fail, ok, plural, spatialInput, torchList, tuple, windows, withSpatial, type Outcome, type Shape, type ShapeInfo } from './shape-rules';

type Conv2dLayer = LayerOf<'Conv2d'>;

/** Each side's padding per dimension, [[top, bottom], [left, right]]. */
type Sides = readonly [readonly [number, number], readonly [number, number]];

/** fail(), typed as the failure it is. */
const failed = (message: string, assumed: ShapeInfo | null, pytorch: string): Extract<Outcome, { ok: false }> => fail(message, assumed, pytorch) as Extract<Outcome, { ok: false }>;

const ENGINE_ZEROS_ONLY = 'the engine pads with zeros only, so it cannot reproduce PyTorch’s rules for the other padding modes';

/** The padding PyTorch applies on each side, for explicit padding or 'same'. */
function paddingSides(layer: Conv2dLayer): Sides {
  const { padding, kernel_size: k, dilation } = layer.args;
  if (padding !== 'same') return [[padding[0], padding[0]], [padding[1], padding[1]]];
  const side = (i: 0 | 1): [number, number] => {
    const total = dilation[i] * (k[i] - 1);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  };
  return [side(0), side(1)];
}

/** F.pad's check of a non-zero padding mode (PyTorch 1.13's messages), or null if it passes. */
function padModeError(mode: string, shape: Shape, sides: Sides): { message: string; pytorch: string } | null {
  const rank = shape.length;
  const modeText = `padding_mode='${mode}'`;
  if (rank < 3) {
    return {
      message: `Conv2d with ${modeText} pads with F.pad first, which needs a 3-D (C, H, W) or 4-D (N, C, H, W) input, got ${describeInput(shape)}`,
      pytorch: rank === 1 ? 'Padding length too large' : 'Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now',
    };
  }
  if (mode === 'circular' && rank === 3) {
    return {
      message: `Conv2d with ${modeText} fails on an unbatched input in PyTorch 1.13: F.pad's circular mode wants a batch dimension here; give the input as (1, C, H, W)`,
      pytorch: 'Invalid padding size, expected 2 but got 4',
    };
  }
  const names = ['height', 'width'] as const;
  // F.pad checks the width (its argument #4) before the height (#6).
  for (const i of [1, 0] as const) {
    const size = shape[rank - 2 + i]!;
    const [before, after] = sides[i];
    if (mode === 'reflect' && (before >= size || after >= size)) {
      return {
        message: `Conv2d with ${modeText} mirrors the input at its edges, so each side’s padding must be smaller than the input’s ${names[i]} ${size}, got padding (${before}, ${after})`,
        pytorch: `Argument #${i === 1 ? 4 : 6}: Padding size should be less than the corresponding input dimension, but got: padding (${before}, ${after}) at dimension ${rank - 2 + i} of input ${rank}`,
      };
    }
    if (mode === 'circular' && (before > size || after > size)) {
      return {
        message: `Conv2d with ${modeText} wraps the input around, so each side’s padding can be at most the input’s ${names[i]} ${size}, got padding (${before}, ${after})`,
        pytorch: 'Padding value causes wrapping around more than once.',
      };
    }
  }
  return null;
}

/**
 * Why PyTorch refuses to build this Conv2d at all (groups that do not divide the channels,
 * padding='same' with a stride), or null. It needs no input: it is known for any row.
 */
export function buildProblem(layer: Conv2dLayer, assumed: ShapeInfo | null = null): Extract<Outcome, { ok: false }> | null {
  const { in_channels: cin, out_channels: cout, stride, padding, groups } = layer.args;
  if (cin % groups !== 0 || cout % groups !== 0) {
    const which = cin % groups !== 0 ? `in_channels = ${cin}` : `out_channels = ${cout}`;
    return { ...failed(`Conv2d: ${which} must be divisible by groups = ${groups}; PyTorch refuses to build this layer.`, assumed, `${cin % groups !== 0 ? 'in' : 'out'}_channels must be divisible by groups`), atBuild: true };
  }
  if (padding === 'same' && (stride[0] !== 1 || stride[1] !== 1)) {
    return { ...failed(`Conv2d: padding='same' needs stride 1, got stride ${tuple(stride)}; PyTorch refuses to build this layer.`, assumed, "padding='same' is not supported for strided convolutions"), atBuild: true };
  }
  return null;
}

/** The output of nn.Conv2d for input `x`, or the error PyTorch 1.13 gives first. */
export function conv2d(layer: Conv2dLayer, x: ShapeInfo): Outcome {
  const { in_channels: cin, out_channels: cout, kernel_size: k, stride, padding, dilation, groups, padding_mode: mode } = layer.args;
  const sides = paddingSides(layer);
  const notes: string[] = [];
  if (padding === 'same' && sides.some(([a, b]) => a !== b)) {
    const odd = sides[0][0] !== sides[0][1] ? (sides[1][0] !== sides[1][1] ? 'row and column' : 'row') : 'column';
    notes.push(`padding='same' with an even kernel pads unevenly: PyTorch adds the extra ${odd} at the bottom or right.`);
  }
  if (mode !== 'zeros') notes.push(`padding_mode='${mode}' fills the padding ${MODE_FILLS[mode] ?? 'differently'}; the shapes are the same as with zeros.`);

  const rankOk = x.shape.length === 3 || x.shape.length === 4;
  const [C, H, W] = rankOk ? (x.shape.slice(-3) as [number, number, number]) : [0, 0, 0];
  // padding='same' keeps the size (it needs stride 1, checked below); otherwise the size formula.
  const spatial = !rankOk
    ? null
    : padding === 'same'
      ? ({ ok: true, size: [H, W] as Size2, notes: [] as string[] } as const)
      : windows('Conv2d', [
          { size: H, kernel: k[0], stride: stride[0], padding: padding[0], dilation: dilation[0] },
          { size: W, kernel: k[1], stride: stride[1], padding: padding[1], dilation: dilation[1] },
        ]);
  const assumed = spatial?.ok ? withSpatial(x, cout, spatial.size) : null;

  const refused = buildProblem(layer, assumed);
  if (refused) return refused;
  if (mode !== 'zeros') {
    const padError = padModeError(mode, x.shape, sides);
    if (padError) return { ok: false, message: padError.message, pytorch: padError.pytorch, assumed, notes, engineMisses: ENGINE_ZEROS_ONLY };
  }
  if (!rankOk) {
    const rank = spatialInput('Conv2d', x);
    const message = rank.ok ? '' : (rank.outcome as Extract<Outcome, { ok: false }>).message;
    return fail(message, null, `Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: ${torchList(x.shape)}`);
  }
  // The input as the convolution itself sees it: padded already by F.pad (other modes) or by
  // the odd extra of 'same' (zeros), and batched.
  const prepadded = (i: 0 | 1, size: number): number =>
    mode !== 'zeros' ? size + sides[i][0] + sides[i][1] : padding === 'same' ? size + sides[i][1] - sides[i][0] : size;
  const seen = [...(x.shape.length === 3 ? [1] : [x.shape[0]!]), C, prepadded(0, H), prepadded(1, W)];
  if (C !== cin) {
    const padded = seen[2] !== H || seen[3] !== W ? `; PyTorch quotes the input after padding it${mode === 'zeros' ? ' by the odd extra row or column' : ''}` : '';
    return fail(
      `Conv2d expects in_channels = ${C} (its input has ${plural(C, 'channel')}), got ${cin}${padded}`,
      assumed,
      `Given groups=${groups}, weight of size [${cout}, ${cin / groups}, ${k[0]}, ${k[1]}], expected input${torchList(seen)} to have ${cin} channels, but got ${C} channels instead`,
    );
  }
  if (spatial && !spatial.ok) {
    const span = [dilation[0] * (k[0] - 1) + 1, dilation[1] * (k[1] - 1) + 1];
    return fail(
      spatial.message,
      null,
      `Calculated padded input size per channel: (${H + sides[0][0] + sides[0][1]} x ${W + sides[1][0] + sides[1][1]}). Kernel size: (${span[0]} x ${span[1]}). Kernel size can't be greater than actual input size`,
    );
  }
  return ok(withSpatial(x, cout, spatial!.ok ? spatial!.size : [H, W]), [...notes, ...(spatial?.ok ? spatial.notes : [])]);
}

const MODE_FILLS: Record<string, string> = {
  reflect: 'with the input mirrored at its edges (the edge itself not repeated)',
  replicate: 'with copies of the edge values',
  circular: 'with the opposite edge of the input, as if it wrapped around',
};
