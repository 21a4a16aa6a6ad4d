/**
 * Builds each supported layer as a module of our autograd engine (lib/engine), so that a real
 * forward pass can check the calculator. Where the engine has the layer (nn.Conv2d, nn.Linear,
 * nn.MaxPool2d, nn.ReLU, ...) it is used as it is. The rest are small modules written here from
 * the engine's ops, each a few lines, following PyTorch's definitions:
 *
 * - Conv2d with groups > 1: `groups` engine nn.Conv2d modules on slices of the channels, concatenated
 *   (exactly what a grouped convolution computes, and the same parameter count);
 * - Conv2d with padding='same': pads as PyTorch does (the extra row or column at the bottom/right),
 *   then an engine nn.Conv2d without padding;
 * - BatchNorm2d in eval mode (running statistics 0 and 1), AdaptiveAvg/MaxPool2d with PyTorch's
 *   window bounds floor(i·H/out) to ceil((i+1)·H/out), ReLU6, ELU, GELU, Softplus with beta, Identity.
 *
 * GELU uses its tanh form (the engine has no erf): the shape, which is what is checked, is the same.
 */
import {
  cat,
  clamp,
  exp,
  mean,
  max,
  mul,
  nn,
  pad,
  softplus,
  sub,
  tanh,
  where,
  gt,
  add,
  div,
  sqrt,
  ones,
  zeros,
  type Rng,
  type Tensor,
} from '../engine';
import type { Layer, LayerOf } from './schema';

type Module = nn.Module;

/** An elementwise function as a module. */
class Elementwise extends nn.Module {
  constructor(private readonly f: (x: Tensor) => Tensor) {
    super();
  }
  forward(x: Tensor): Tensor {
    return this.f(x);
  }
}

/** Conv2d with groups > 1: one engine nn.Conv2d per group, on its slice of the input channels. */
class GroupedConv2d extends nn.Module {
  readonly #groups: nn.Conv2d[];
  readonly #inPerGroup: number;
  constructor(layer: LayerOf<'Conv2d'>, padding: readonly [number, number], rng: Rng) {
    super();
    const { in_channels, out_channels, kernel_size, stride, dilation, groups, bias } = layer.args;
    if (in_channels % groups !== 0) throw new RangeError('in_channels must be divisible by groups');
    if (out_channels % groups !== 0) throw new RangeError('out_channels must be divisible by groups');
    this.#inPerGroup = in_channels / groups;
    this.#groups = Array.from({ length: groups }, (_, g) =>
      this.registerModule(String(g), new nn.Conv2d(in_channels / groups, out_channels / groups, kernel_size, { rng, bias, stride, padding, dilation })),
    );
  }
  forward(x: Tensor): Tensor {
    const channelDim = x.ndim - 3;
    if (x.shape[channelDim] !== this.#inPerGroup * this.#groups.length) {
      throw new RangeError(`conv2d: expected ${this.#inPerGroup * this.#groups.length} input channels, got ${x.shape[channelDim]}`);
    }
    return cat(
      this.#groups.map((conv, g) => conv.forward(x.narrow(channelDim, g * this.#inPerGroup, this.#inPerGroup))),
      channelDim,
    );
  }
}

/** Pads (left, right, top, bottom) before a module, as Conv2d(padding='same') does. */
class PadThen extends nn.Module {
  readonly #inner: Module;
  constructor(
    private readonly amounts: readonly [number, number, number, number],
    inner: Module,
  ) {
    super();
    this.#inner = this.registerModule('conv', inner);
  }
  forward(x: Tensor): Tensor {
    if (x.ndim !== 3 && x.ndim !== 4) throw new RangeError(`conv2d: expected a 3-D (unbatched) or 4-D (batched) input, got ${x.ndim}-D`);
    return this.#inner.forward(pad(x, this.amounts));
  }
}

/** BatchNorm2d in eval mode: (x − running_mean) / sqrt(running_var + eps) · weight + bias. */
class BatchNorm2dEval extends nn.Module {
  readonly #weight: Tensor | null;
  readonly #bias: Tensor | null;
  readonly #mean: Tensor;
  readonly #var: Tensor;
  constructor(private readonly layer: LayerOf<'BatchNorm2d'>) {
    super();
    const C = layer.args.num_features;
    this.#weight = layer.args.affine ? this.registerParameter('weight', ones([C])) : null;
    this.#bias = layer.args.affine ? this.registerParameter('bias', zeros([C])) : null;
    this.#mean = zeros([C]); // buffers, not parameters, as in PyTorch
    this.#var = ones([C]);
  }
  forward(x: Tensor): Tensor {
    const C = this.layer.args.num_features;
    if (x.ndim !== 4) throw new RangeError(`expected 4D input (got ${x.ndim}D input)`);
    if (x.shape[1] !== C) throw new RangeError(`running_mean should contain ${x.shape[1]} elements not ${C}`);
    const perChannel = (t: Tensor): Tensor => t.reshape([1, C, 1, 1]);
    let y = div(sub(x, perChannel(this.#mean)), sqrt(add(perChannel(this.#var), this.layer.args.eps)));
    if (this.#weight && this.#bias) y = add(mul(y, perChannel(this.#weight)), perChannel(this.#bias));
    return y;
  }
}

/** Adaptive pooling: output cell i covers input rows floor(i·H/out) to ceil((i+1)·H/out), as in PyTorch. */
class AdaptivePool2d extends nn.Module {
  constructor(
    private readonly size: readonly [number | null, number | null],
    private readonly reduce: 'mean' | 'max',
  ) {
    super();
  }
  forward(x: Tensor): Tensor {
    if (x.ndim !== 3 && x.ndim !== 4) throw new RangeError(`adaptive pooling: expected a 3-D or 4-D input, got ${x.ndim}-D`);
    const along = (t: Tensor, dim: number, out: number): Tensor => {
      const size = t.shape[dim]!;
      const cells = Array.from({ length: out }, (_, i) => {
        const start = Math.floor((i * size) / out);
        const end = Math.ceil(((i + 1) * size) / out);
        const window = t.slice(dim, start, end);
        return this.reduce === 'mean' ? mean(window, dim, true) : max(window, dim, true);
      });
      return cat(cells, dim);
    };
    const [oh, ow] = this.size;
    const rows = along(x, x.ndim - 2, oh ?? x.shape[x.ndim - 2]!);
    return along(rows, x.ndim - 1, ow ?? x.shape[x.ndim - 1]!);
  }
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

function conv2d(layer: LayerOf<'Conv2d'>, rng: Rng): Module {
  const { in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias } = layer.args;
  const numeric = padding === 'same' ? ([0, 0] as const) : padding;
  const core = groups === 1 ? new nn.Conv2d(in_channels, out_channels, kernel_size, { rng, bias, stride, padding: numeric, dilation }) : new GroupedConv2d(layer, numeric, rng);
  if (padding !== 'same') return core;
  if (stride[0] !== 1 || stride[1] !== 1) throw new RangeError("padding='same' is not supported for strided convolutions");
  const total = [dilation[0] * (kernel_size[0] - 1), dilation[1] * (kernel_size[1] - 1)] as const;
  const top = Math.floor(total[0] / 2);
  const left = Math.floor(total[1] / 2);
  return new PadThen([left, total[1] - left, top, total[0] - top], core);
}

/**
 * The engine module for a layer that will receive inputs of rank `inputRank` (Softmax with
 * dim=None picks its dimension from it, as PyTorch does). Weights are drawn from `rng`.
 */
export function engineModule(layer: Layer, inputRank: number, rng: Rng): Module {
  switch (layer.type) {
    case 'Conv2d':
      return conv2d(layer, rng);
    case 'Linear':
      return new nn.Linear(layer.args.in_features, layer.args.out_features, { rng, bias: layer.args.bias });
    case 'MaxPool2d':
      return new nn.MaxPool2d(layer.args.kernel_size, {
        stride: layer.args.stride ?? layer.args.kernel_size,
        padding: layer.args.padding,
        dilation: layer.args.dilation,
        ceilMode: layer.args.ceil_mode,
      });
    case 'AvgPool2d':
      return new nn.AvgPool2d(layer.args.kernel_size, { stride: layer.args.stride ?? layer.args.kernel_size, padding: layer.args.padding, ceilMode: layer.args.ceil_mode });
    case 'AdaptiveAvgPool2d':
      return new AdaptivePool2d(layer.args.output_size, 'mean');
    case 'AdaptiveMaxPool2d':
      return new AdaptivePool2d(layer.args.output_size, 'max');
    case 'BatchNorm2d':
      return new BatchNorm2dEval(layer);
    case 'Flatten':
      return new nn.Flatten(layer.args.start_dim, layer.args.end_dim);
    case 'Dropout':
    case 'Dropout2d':
      return new nn.Dropout(layer.args.p, { rng }).eval();
    case 'ReLU':
      return new nn.ReLU();
    case 'Tanh':
      return new nn.Tanh();
    case 'Sigmoid':
      return new nn.Sigmoid();
    case 'SiLU':
      return new nn.SiLU();
    case 'LeakyReLU':
      return new nn.LeakyReLU(layer.args.negative_slope);
    case 'Softplus': {
      const beta = layer.args.beta;
      return beta === 1 ? new nn.Softplus() : new Elementwise((x) => div(softplus(mul(x, beta)), beta));
    }
    case 'Softmax':
    case 'LogSoftmax': {
      const implicit = inputRank === 0 || inputRank === 1 || inputRank === 3 ? 0 : 1;
      const dim = layer.args.dim ?? implicit;
      return layer.type === 'Softmax' ? new nn.Softmax(dim) : new nn.LogSoftmax(dim);
    }
    case 'ReLU6':
      return new Elementwise((x) => clamp(x, 0, 6));
    case 'ELU': {
      const alpha = layer.args.alpha;
      return new Elementwise((x) => where(gt(x, 0), x, mul(sub(exp(x), 1), alpha)));
    }
    case 'GELU':
      return new Elementwise((x) => mul(mul(x, 0.5), add(tanh(mul(add(x, mul(mul(mul(x, x), x), 0.044715)), SQRT_2_OVER_PI)), 1)));
    case 'Identity':
      return new Elementwise((x) => x);
  }
}

/** Trainable parameters of an engine module, from its real tensors: weights and biases apart. */
export function engineParameterCount(module: Module): { weights: number; biases: number } {
  let weights = 0;
  let biases = 0;
  for (const [name, t] of module.namedParameters()) {
    if (name === 'bias' || name.endsWith('.bias')) biases += t.numel();
    else weights += t.numel();
  }
  return { weights, biases };
}
