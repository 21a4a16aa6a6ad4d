/** The base of the optimizers: a list of parameters, a learning rate, and PyTorch's argument checks. */
import type { Tensor } from '../tensor';

/** Updates parameters from their `.grad`; subclasses define the rule in step(). */
export abstract class Optimizer {
  /** The parameters this optimizer updates. */
  readonly params: readonly Tensor[];
  /** Learning rate; may be changed between steps (for schedules). */
  lr: number;

  /** An optimizer over `params` (e.g. model.parameters()). */
  constructor(params: Iterable<Tensor>, lr: number) {
    // NOTE: PyTorch 1.13's SGD lets NaN through (`lr < 0.0` is false for NaN); we refuse it as Adam does.
    atLeastZero(lr, 'learning rate');
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

/** Throws PyTorch's `Invalid <what>: <value>` unless value is a number >= 0 (NaN is refused). */
export function atLeastZero(value: number, what: string): void {
  if (typeof value !== 'number') throw new TypeError(`Invalid ${what}: expected a number, got ${JSON.stringify(value)}`);
  if (!(value >= 0)) throw new RangeError(`Invalid ${what}: ${value}`);
}

/**
 * Refuses options the optimizer does not have, which JavaScript would otherwise ignore silently
 * (PyTorch: "SGD.__init__() got an unexpected keyword argument 'amsgrad'"). PyTorch's snake_case
 * spellings get a pointer to the camelCase name.
 */
export function checkOptionNames(optimizer: string, options: object, known: readonly string[]): void {
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue;
    const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const hint = camel !== name && known.includes(camel) ? ` (did you mean ${camel}?)` : '';
    throw new TypeError(`${optimizer}() got an unexpected option '${name}'${hint}; its options are ${known.join(', ')}`);
  }
}
