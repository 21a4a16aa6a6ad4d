/** The base of the optimizers: a list of parameters and a learning rate. */
import type { Tensor } from '../tensor';

/** Updates parameters from their `.grad`; subclasses define the rule in step(). */
export abstract class Optimizer {
  /** The parameters this optimizer updates. */
  readonly params: readonly Tensor[];
  /** Learning rate; may be changed between steps (for schedules). */
  lr: number;

  /** An optimizer over `params` (e.g. model.parameters()). */
  constructor(params: Iterable<Tensor>, lr: number) {
    if (!(lr >= 0)) throw new RangeError(`Invalid learning rate: ${lr}`);
    this.params = [...params];
    this.lr = lr;
  }

  /** Applies one update to every parameter that has a gradient. Mutates parameter data. */
  abstract step(): void;

  /** Clears every parameter's gradient (sets `.grad` to null). Mutates. */
  zeroGrad(): void {
    for (const p of this.params) p.grad = null;
  }
}
