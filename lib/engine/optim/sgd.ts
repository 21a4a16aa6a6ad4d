/** optim.SGD: stochastic gradient descent with momentum and weight decay, PyTorch's update rule. */
import { atLeastZero, checkOptionNames, Optimizer } from './optimizer';
import type { Tensor } from '../tensor';
import { allocate, type Data } from '../storage';

/**
 * SGD options; all but lr default to 0 / false as in PyTorch. lr, momentum and weightDecay must be
 * >= 0; nesterov needs momentum > 0 and dampening 0 (PyTorch's rules).
 */
export interface SGDOptions {
  readonly lr: number;
  readonly momentum?: number;
  readonly dampening?: number;
  readonly weightDecay?: number;
  readonly nesterov?: boolean;
}

/**
 * p -= lr * d, where g = grad + weightDecay * p and d = g without momentum; with momentum,
 * b = momentum * b + (1 - dampening) * g (b = g on the first step) and d = b, or g + momentum * b
 * with nesterov.
 */
export class SGD extends Optimizer {
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;
  readonly #buffers = new Map<Tensor, Data>();

  /** SGD over params. */
  constructor(params: Iterable<Tensor>, options: SGDOptions) {
    checkOptionNames('SGD', options, ['lr', 'momentum', 'dampening', 'weightDecay', 'nesterov']);
    const { lr, momentum = 0, dampening = 0, weightDecay = 0, nesterov = false } = options;
    if (lr === undefined) throw new TypeError("parameter group didn't specify a value of required optimization parameter lr");
    super(params, lr);
    // PyTorch 1.13's checks, in its order and words.
    atLeastZero(momentum, 'momentum value');
    atLeastZero(weightDecay, 'weight_decay value');
    if (nesterov && (momentum <= 0 || dampening !== 0)) throw new RangeError('Nesterov momentum requires a momentum and zero dampening');
    this.momentum = momentum;
    this.dampening = dampening;
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
  }

  /** One update of every parameter with a gradient. Mutates parameter data and momentum buffers. */
  step(): void {
    const { lr, momentum, dampening, weightDecay, nesterov } = this;
    for (const p of this.params) {
      if (p.grad === null) continue;
      const w = p.data;
      const g = p.grad.data;
      let buf = this.#buffers.get(p);
      const first = buf === undefined;
      if (momentum !== 0 && buf === undefined) {
        buf = allocate(p.dtype, w.length);
        this.#buffers.set(p, buf);
      }
      for (let i = 0; i < w.length; i++) {
        let d = g[i]! + weightDecay * w[i]!;
        if (buf !== undefined) {
          const b = first ? d : momentum * buf[i]! + (1 - dampening) * d;
          buf[i] = b;
          d = nesterov ? d + momentum * b : b;
        }
        w[i] = w[i]! - lr * d;
      }
    }
  }
}
