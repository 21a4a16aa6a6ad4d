/** Parameter-free layers: activations, Flatten, Dropout, and the Sequential container. */
import { Module } from './module';
import { dropout, leakyRelu, logSoftmax, relu, sigmoid, silu, softmax, softplus, tanh } from '../ops/activations';
import { flatten } from '../ops/shaping';
import type { Tensor } from '../tensor';
import type { Rng } from '../../random';

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
/** Elementwise log(1 + e^x). Any shape. */
export class Softplus extends Module {
  /** softplus(x). */
  forward(x: Tensor): Tensor { return softplus(x); }
}
/** Elementwise x if x > 0 else negativeSlope * x. Any shape. */
export class LeakyReLU extends Module {
  /** A leaky ReLU with the given slope for negative inputs (default 0.01). */
  constructor(readonly negativeSlope = 0.01) { super(); }
  /** leakyRelu(x). */
  forward(x: Tensor): Tensor { return leakyRelu(x, this.negativeSlope); }
}
/** Softmax along `dim`. Any shape. */
export class Softmax extends Module {
  /** Softmax along dim. */
  constructor(readonly dim: number) { super(); }
  /** softmax(x, dim). */
  forward(x: Tensor): Tensor { return softmax(x, this.dim); }
}
/** Log-softmax along `dim`. Any shape. */
export class LogSoftmax extends Module {
  /** Log-softmax along dim. */
  constructor(readonly dim: number) { super(); }
  /** logSoftmax(x, dim). */
  forward(x: Tensor): Tensor { return logSoftmax(x, this.dim); }
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
  readonly #rng: Rng;
  /** Dropout with probability p (default 0.5), drawing masks from options.rng. */
  constructor(readonly p: number, { rng }: { readonly rng: Rng }) {
    super();
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Dropout: probability has to be between 0 and 1, but got ${p}`);
    this.#rng = rng;
  }
  /** dropout(x, p) when training; x in eval mode. Advances the rng when training. */
  forward(x: Tensor): Tensor {
    return dropout(x, this.p, { training: this.training, rng: this.#rng });
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
