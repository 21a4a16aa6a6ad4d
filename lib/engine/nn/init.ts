/**
 * Weight initialisation, as in torch.nn.init. Each fills a tensor in place from an explicit Rng
 * and returns it. Mutates the tensor; advances the rng.
 */
import type { Tensor } from '../tensor';
import type { Rng } from '../random';

/** Activation a gain is computed for (PyTorch's calculate_gain). */
export type Nonlinearity = 'linear' | 'conv2d' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'selu';

/** Recommended scale for weights feeding `nonlinearity` (PyTorch's calculate_gain); `param` is leakyRelu's slope. */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear': case 'conv2d': case 'sigmoid': return 1;
    case 'tanh': return 5 / 3;
    case 'relu': return Math.SQRT2;
    case 'leakyRelu': return Math.sqrt(2 / (1 + (param ?? 0.01) ** 2));
    case 'selu': return 3 / 4;
  }
}

/** fan_in and fan_out of a weight: (out, in, *kernel) -> (in * kernel, out * kernel). */
export function fans(t: Tensor): { fanIn: number; fanOut: number } {
  if (t.ndim < 2) throw new RangeError('init: fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  const receptive = t.shape.slice(2).reduce((a, b) => a * b, 1);
  return { fanIn: t.shape[1]! * receptive, fanOut: t.shape[0]! * receptive };
}

/** Fills t with draws from U(low, high). Mutates t. */
export function uniform(t: Tensor, rng: Rng, low = 0, high = 1): Tensor {
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.uniform(low, high);
  return t;
}

/** Fills t with draws from N(mean, std^2). Mutates t. */
export function normal(t: Tensor, rng: Rng, mean = 0, std = 1): Tensor {
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.normal(mean, std);
  return t;
}

/** Fills t with `value`. Mutates t. */
export function constant(t: Tensor, value: number): Tensor {
  t.data.fill(value);
  return t;
}

/** Xavier/Glorot uniform: U(-b, b) with b = gain sqrt(6 / (fan_in + fan_out)). Mutates t. */
export function xavierUniform(t: Tensor, rng: Rng, { gain = 1 }: { gain?: number } = {}): Tensor {
  const { fanIn, fanOut } = fans(t);
  const bound = gain * Math.sqrt(6 / (fanIn + fanOut));
  return uniform(t, rng, -bound, bound);
}

/** Xavier/Glorot normal: N(0, std^2) with std = gain sqrt(2 / (fan_in + fan_out)). Mutates t. */
export function xavierNormal(t: Tensor, rng: Rng, { gain = 1 }: { gain?: number } = {}): Tensor {
  const { fanIn, fanOut } = fans(t);
  return normal(t, rng, 0, gain * Math.sqrt(2 / (fanIn + fanOut)));
}

/** Options of the He (Kaiming) initialisations, PyTorch's defaults: a = 0, fanIn, leakyRelu. */
export interface KaimingOptions {
  /** Negative slope of the leaky ReLU that follows. */
  readonly a?: number;
  /** Preserve the variance of activations (fanIn) or of gradients (fanOut). */
  readonly mode?: 'fanIn' | 'fanOut';
  readonly nonlinearity?: Nonlinearity;
}

function kaimingStd(t: Tensor, { a = 0, mode = 'fanIn', nonlinearity = 'leakyRelu' }: KaimingOptions): number {
  const { fanIn, fanOut } = fans(t);
  return calculateGain(nonlinearity, a) / Math.sqrt(mode === 'fanIn' ? fanIn : fanOut);
}

/** He/Kaiming uniform: U(-b, b) with b = gain sqrt(3 / fan). Mutates t. */
export function kaimingUniform(t: Tensor, rng: Rng, options: KaimingOptions = {}): Tensor {
  const bound = Math.sqrt(3) * kaimingStd(t, options);
  return uniform(t, rng, -bound, bound);
}

/** He/Kaiming normal: N(0, std^2) with std = gain / sqrt(fan). Mutates t. */
export function kaimingNormal(t: Tensor, rng: Rng, options: KaimingOptions = {}): Tensor {
  return normal(t, rng, 0, kaimingStd(t, options));
}
