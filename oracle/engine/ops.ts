/**
 * Every public op of lib/engine as a row: how to draw a case, how the engine computes it, and the
 * same computation in PyTorch as a Python expression over the inputs a, b, c (all of them: ts),
 * the parameters p and the dtype. The runner (run-ops.ts) compares outputs and the input
 * gradients of sum(out * w) for a random w.
 */
import type { OpDef } from './op-def';
import { ACTIVATIONS, ELEMENTWISE, REDUCING } from './ops-elementwise';
import { CREATION, LOSSES } from './ops-losses';
import { PRODUCTS, WINDOWED } from './ops-products';
import { SHAPING } from './ops-shapes';

export type { Draw, OpDef, Params } from './op-def';

/** The whole table, grouped as the engine's README lists the ops. */
export const OP_GROUPS: readonly { readonly group: string; readonly ops: readonly OpDef[] }[] = [
  { group: 'elementwise', ops: ELEMENTWISE },
  { group: 'reductions', ops: REDUCING },
  { group: 'shapes', ops: SHAPING },
  { group: 'products and windows', ops: [...PRODUCTS, ...WINDOWED] },
  { group: 'activations', ops: ACTIVATIONS },
  { group: 'losses', ops: LOSSES },
  { group: 'creation and init', ops: CREATION },
];
