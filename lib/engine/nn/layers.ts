/** Parameter-free layers: activations, Identity, Flatten, Dropout, Dropout2d, and the Sequential container. */
import { Module } from './module';
import { dropout, dropout2d, elu, gelu, hardtanh, leakyRelu, logSoftmax, relu, relu6, sigmoid, silu, softmax, softplus, tanh } from '../ops/activations';
import { flatten } from '../ops/shaping';
import type { Tensor } from '../tensor';
import type { Rng } from '../random';

/** Elementwise max(x, 0). Any shape. */
export class ReLU extends Module {
  /** relu(x). */
  forward(x: Tensor): Tensor { return relu(x); }
}
/** Elementwise tanh. Any shape. */
export class Tanh extends Module {
  /** tanh(x). */
  forward(x: Tensor): Tensor { return tanh(x); }
}
/** Elementwise logistic sigmoid. Any shape. */
export class Sigmoid extends Module {
  /** sigmoid(x). */
  forward(x: Tensor): Tensor { return sigmoid(x); }
}
/** Elementwise x * sigmoid(x). Any shape. */
export class SiLU extends Module {
  /** silu(x). */
  forward(x: Tensor): Tensor { return silu(x); }
}
/** Elementwise log(1 + e^(beta x)) / beta, and x where beta x > threshold. Any shape. */
export class Softplus extends Module {
  /** Softplus with PyTorch's defaults beta = 1, threshold = 20. */
  constructor(readonly beta = 1, readonly threshold = 20) { super(); }
  /** softplus(x, beta, threshold). */
  forward(x: Tensor): Tensor { return softplus(x, this.beta, this.threshold); }
}
/** Elementwise min(max(x, 0), 6). Any shape. */
export class ReLU6 extends Module {
  /** relu6(x). */
  forward(x: Tensor): Tensor { return relu6(x); }
}
/** Elementwise x clamped to [minVal, maxVal] (gradient 0 at the bounds). Any shape. */
export class Hardtanh extends Module {
  /** Hardtanh with PyTorch's defaults -1 and 1. */
  constructor(readonly minVal = -1, readonly maxVal = 1) {
    super();
    if (!(maxVal > minVal)) throw new RangeError(`Hardtanh: expected maxVal > minVal, got minVal ${minVal} and maxVal ${maxVal}`);
  }
  /** hardtanh(x, minVal, maxVal). */
  forward(x: Tensor): Tensor { return hardtanh(x, this.minVal, this.maxVal); }
}
/** Elementwise x if x > 0 else alpha (e^x − 1). Any shape. */
export class ELU extends Module {
  /** An ELU with PyTorch's default alpha = 1. */
  constructor(readonly alpha = 1) { super(); }
  /** elu(x, alpha). */
  forward(x: Tensor): Tensor { return elu(x, this.alpha); }
}
/** Elementwise x Φ(x), exactly (erf) or with approximate 'tanh'. Any shape. */
export class GELU extends Module {
  /** A GELU, exact unless approximate is 'tanh'. */
  constructor(readonly approximate: 'none' | 'tanh' = 'none') {
    super();
    if (approximate !== 'none' && approximate !== 'tanh') throw new RangeError(`GELU: approximate argument must be either none or tanh. Got '${String(approximate)}'`);
  }
  /** gelu(x, approximate). */
  forward(x: Tensor): Tensor { return gelu(x, this.approximate); }
}
/** Returns its input unchanged. Any shape. */
export class Identity extends Module {
  /** x itself. */
  forward(x: Tensor): Tensor { return x; }
}
/** Elementwise x if x > 0 else negativeSlope * x. Any shape. */
export class LeakyReLU extends Module {
  /** A leaky ReLU with the given slope for negative inputs (default 0.01). */
  constructor(readonly negativeSlope = 0.01) { super(); }
  /** leakyRelu(x). */
  forward(x: Tensor): Tensor { return leakyRelu(x, this.negativeSlope); }
}
/**
 * The dimension PyTorch's Softmax and LogSoftmax use when created without one (dim=None): 0 for
 * inputs of 0, 1 or 3 dimensions, else 1 (a legacy rule PyTorch warns about; give dim instead).
 */
export const implicitSoftmaxDim = (ndim: number): number => (ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1);

/** Softmax along `dim` (PyTorch's legacy choice when dim is null). Any shape. */
export class Softmax extends Module {
  /** Softmax along dim. */
  constructor(readonly dim: number | null = null) { super(); }
  /** softmax(x, dim). */
  forward(x: Tensor): Tensor { return softmax(x, this.dim ?? implicitSoftmaxDim(x.ndim)); }
}
/** Log-softmax along `dim` (PyTorch's legacy choice when dim is null). Any shape. */
export class LogSoftmax extends Module {
  /** Log-softmax along dim. */
  constructor(readonly dim: number | null = null) { super(); }
  /** logSoftmax(x, dim). */
  forward(x: Tensor): Tensor { return logSoftmax(x, this.dim ?? implicitSoftmaxDim(x.ndim)); }
}

/** Merges dimensions startDim..endDim (default: all but the batch). (N, *) -> (N, prod(*)). */
export class Flatten extends Module {
  /** Flattens startDim..endDim. */
  constructor(readonly startDim = 1, readonly endDim = -1) { super(); }
  /** flatten(x, startDim, endDim). */
  forward(x: Tensor): Tensor { return flatten(x, this.startDim, this.endDim); }
}

/** In training mode zeroes elements with probability p and scales the rest by 1/(1-p); identity in eval mode. */
export class Dropout extends Module {
  /** The generator the masks are drawn from. */
  protected readonly rng: Rng;
  /** Dropout with probability p, drawing masks from options.rng. */
  constructor(readonly p: number, { rng }: { readonly rng: Rng }) {
    super();
    if (!(p >= 0 && p <= 1)) throw new RangeError(`dropout probability has to be between 0 and 1, but got ${p}`);
    this.rng = rng;
  }
  /** dropout(x, p) when training; x in eval mode. Advances the rng when training. */
  forward(x: Tensor): Tensor {
    return dropout(x, this.p, { training: this.training, rng: this.rng });
  }
}

/** In training mode zeroes whole channels with probability p and scales the rest by 1/(1-p); identity in eval mode. */
export class Dropout2d extends Dropout {
  /** dropout2d(x, p) when training; x in eval mode. Advances the rng when training. */
  override forward(x: Tensor): Tensor {
    return dropout2d(x, this.p, { training: this.training, rng: this.rng });
  }
}

/** Modules applied one after another; their parameters are named '0.weight', '1.bias', ... */
export class Sequential extends Module {
  readonly #layers: Module[];
  /** A chain of modules, each taking the previous one's output. */
  constructor(...layers: Module[]) {
    super();
    this.#layers = layers.map((layer, i) => this.registerModule(String(i), layer));
  }
  /** Number of layers. */
  get length(): number {
    return this.#layers.length;
  }
  /** The layer at `index` (negative counts from the end). */
  at(index: number): Module | undefined {
    return this.#layers.at(index);
  }
  /** Feeds x through every layer in turn. */
  forward(x: Tensor): Tensor {
    let y = x;
    for (const layer of this.#layers) y = layer.forward(y);
    return y;
  }
}
