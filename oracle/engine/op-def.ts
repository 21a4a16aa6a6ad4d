/**
 * The shape of a row of the op table (ops.ts): how to draw a case, how the engine computes it,
 * and the same computation in PyTorch as a Python expression.
 */
import type { DType, Rng, Tensor } from '../../lib/engine';
import type { Json } from '../bridge';
import type { Drawn } from './draw';

/** Op parameters (JSON, so that Python gets them as they are). */
export type Params = { readonly [key: string]: Json };

/** A drawn case: inputs and parameters. */
export interface Draw<P extends Params = Params> {
  readonly inputs: readonly Drawn[];
  readonly params: P;
}

/** One row of the table. */
export interface OpDef<P extends Params = Params> {
  readonly name: string;
  /** Python expression: inputs a, b, c and ts, parameters p, dtype; may use torch, F, nn, math. */
  readonly torch: string;
  draw(rng: Rng): Draw<P>;
  engine(inputs: readonly Tensor[], p: P, dtype: DType): Tensor;
  /** No gradient to compare (comparisons, argmax, one-hot, creation). */
  readonly valuesOnly?: boolean;
}

/** A row with typed parameters, as a row of the table. */
export const op = <P extends Params>(def: OpDef<P>): OpDef => def as unknown as OpDef;
/** No parameters. */
export const none = {} as const;
/** Input k of a case. */
export const t = (i: readonly Tensor[], k: number): Tensor => i[k]!;
