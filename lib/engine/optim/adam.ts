/** optim.Adam: adaptive moment estimation, PyTorch's update rule (with its AMSGrad variant). */
import { atLeastZero, checkOptionNames, Optimizer } from './optimizer';
import type { Tensor } from '../tensor';
import { allocate, type Data } from '../storage';

/**
 * Adam options, PyTorch's defaults: lr 1e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 0, amsgrad
 * false. lr, eps and weightDecay must be >= 0 and each beta in [0, 1) (PyTorch's rules).
 */
export interface AdamOptions {
  readonly lr?: number;
  readonly betas?: readonly [number, number];
  readonly eps?: number;
  readonly weightDecay?: number;
  /** Divide by the largest v seen so far instead of the current v (Reddi et al., 2018). */
  readonly amsgrad?: boolean;
}

interface Moments {
  step: number;
  readonly m: Data;
  readonly v: Data;
  /** The running maximum of v, kept only with amsgrad. */
  readonly vMax: Data | null;
}

/**
 * With g = grad + weightDecay * p: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, then
 * p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps) at step t. With amsgrad, v in the
 * denominator is replaced by vMax = max(vMax, v), the largest v so far.
 */
export class Adam extends Optimizer {
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  readonly amsgrad: boolean;
  readonly #state = new Map<Tensor, Moments>();

  /** Adam over params. */
  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    checkOptionNames('Adam', options, ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad']);
    const { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0, amsgrad = false } = options;
    super(params, lr);
    // PyTorch 1.13's checks, in its order and words.
    atLeastZero(eps, 'epsilon value');
    betas.forEach((beta, i) => {
      if (!(beta >= 0 && beta < 1)) throw new RangeError(`Invalid beta parameter at index ${i}: ${beta}`);
    });
    atLeastZero(weightDecay, 'weight_decay value');
    this.betas = betas;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.amsgrad = amsgrad;
  }

  /** One update of every parameter with a gradient. Mutates parameter data and the moment estimates. */
  step(): void {
    const [b1, b2] = this.betas;
    for (const p of this.params) {
      if (p.grad === null) continue;
      let s = this.#state.get(p);
      if (s === undefined) {
        const n = p.data.length;
        s = { step: 0, m: allocate(p.dtype, n), v: allocate(p.dtype, n), vMax: this.amsgrad ? allocate(p.dtype, n) : null };
        this.#state.set(p, s);
      }
      s.step += 1;
      const stepSize = this.lr / (1 - b1 ** s.step);
      const correction2 = Math.sqrt(1 - b2 ** s.step);
      const { m, v, vMax } = s;
      const w = p.data;
      const g = p.grad.data;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]! + this.weightDecay * w[i]!;
        m[i] = b1 * m[i]! + (1 - b1) * gi;
        v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
        let denominator = v[i]!;
        if (vMax !== null) denominator = vMax[i] = Math.max(vMax[i]!, v[i]!);
        w[i] = w[i]! - (stepSize * m[i]!) / (Math.sqrt(denominator) / correction2 + this.eps);
      }
    }
  }
}
