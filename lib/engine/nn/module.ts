/** Module: the base of every layer. Holds named parameters and child modules, and a training flag. */
import type { Tensor } from '../tensor';

/**
 * A layer or model. Subclasses register their parameters and children in the order PyTorch does,
 * which gives namedParameters() PyTorch's names ('0.weight', 'weight_ih_l0', ...).
 */
export abstract class Module<In extends unknown[] = [Tensor], Out = Tensor> {
  /** True in training mode (dropout active), false after eval(). */
  training = true;
  readonly #parameters = new Map<string, Tensor>();
  readonly #buffers = new Map<string, Tensor>();
  readonly #children = new Map<string, Module<never[], unknown>>();

  /** The module's computation; subclasses define it. */
  abstract forward(...inputs: In): Out;

  /** Registers `t` as a trainable parameter called `name` and sets requiresGrad. Mutates `t`. */
  protected registerParameter(name: string, t: Tensor): Tensor {
    t.requiresGrad = true;
    this.#parameters.set(name, t);
    return t;
  }

  /**
   * Registers `t` as a buffer called `name`: state that is not trained but belongs to the module
   * (BatchNorm2d's running_mean), listed by namedBuffers() as in PyTorch.
   */
  protected registerBuffer(name: string, t: Tensor): Tensor {
    this.#buffers.set(name, t);
    return t;
  }

  /** Registers `module` as a child called `name` (its parameters get the prefix `name.`). */
  protected registerModule<M extends Module<never[], unknown>>(name: string, module: M): M {
    this.#children.set(name, module);
    return module;
  }

  /** Child modules with their names, in registration order. */
  namedChildren(): [string, Module<never[], unknown>][] {
    return [...this.#children];
  }

  /** All parameters with dotted PyTorch names ('0.weight', '2.bias', 'weight_hh_l1_reverse'...). */
  namedParameters(prefix = ''): [string, Tensor][] {
    const own = [...this.#parameters].map(([name, t]): [string, Tensor] => [prefix + name, t]);
    const nested = [...this.#children].flatMap(([name, child]) => child.namedParameters(`${prefix}${name}.`));
    return [...own, ...nested];
  }

  /** All buffers with dotted PyTorch names ('0.running_mean', ...). */
  namedBuffers(prefix = ''): [string, Tensor][] {
    const own = [...this.#buffers].map(([name, t]): [string, Tensor] => [prefix + name, t]);
    const nested = [...this.#children].flatMap(([name, child]) => child.namedBuffers(`${prefix}${name}.`));
    return [...own, ...nested];
  }

  /** All parameters, in the order of namedParameters(). */
  parameters(): Tensor[] {
    const out: Tensor[] = [];
    this.#collect(out);
    return out;
  }

  #collect(out: Tensor[]): void {
    for (const t of this.#parameters.values()) out.push(t);
    for (const child of this.#children.values()) child.#collect(out);
  }

  /** Sets training mode on this module and all children (dropout active when true). Mutates. */
  train(mode = true): this {
    this.training = mode;
    for (const child of this.#children.values()) child.train(mode);
    return this;
  }

  /** Switches to evaluation mode (same as train(false)). Mutates. */
  eval(): this {
    return this.train(false);
  }

  /** Clears every parameter's gradient (sets `.grad` to null). Mutates. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = null;
  }
}
