/** optim.Adam: adaptive moment estimation, PyTorch's update rule. */
import { Optimizer } from './optimizer';
import type { Tensor } from '../tensor';
import { allocate, type Data } from '../storage';

/** Adam options, PyTorch's defaults: lr 1e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 0. */
export interface AdamOptions {
  readonly lr?: number;
  readonly betas?: readonly [number, number];
  readonly eps?: number;
  readonly weightDecay?: number;
}

interface Moments {
  step: number;
  readonly m: Data;
  readonly v: Data;
}

/**
 * With g = grad + weightDecay * p: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, then
 * p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps) at step t.
 */
export class Adam extends Optimizer {
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  readonly #state = new Map<Tensor, Moments>();

  /** Adam over params. */
  constructor(params: Iterable<Tensor>, { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0 }: AdamOptions = {}) {
    super(params, lr);
    this.betas = betas;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  /** One update of every parameter with a gradient. Mutates parameter data and the moment estimates. */
  step(): void {
    const [b1, b2] = this.betas;
    for (const p of this.params) {
      if (p.grad === null) continue;
      let s = this.#state.get(p);
      if (s === undefined) {
        s = { step: 0, m: allocate(p.dtype, p.data.length), v: allocate(p.dtype, p.data.length) };
        this.#state.set(p, s);
      }
      s.step += 1;
      const stepSize = this.lr / (1 - b1 ** s.step);
      const correction2 = Math.sqrt(1 - b2 ** s.step);
      const { m, v } = s;
      const w = p.data;
      const g = p.grad.data;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i]! + this.weightDecay * w[i]!;
        m[i] = b1 * m[i]! + (1 - b1) * gi;
        v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
        w[i] = w[i]! - (stepSize * m[i]!) / (Math.sqrt(v[i]!) / correction2 + this.eps);
      }
    }
  }
}
