/** Test helper for the optimizer tests. */
import { tensor } from '../create';
import type { Tensor } from '../tensor';

/** A float64 parameter with a given gradient. */
export function param(values: number[], grad: number[]): Tensor {
  const p = tensor(values, { dtype: 'float64', requiresGrad: true });
  p.grad = tensor(grad, { dtype: 'float64' });
  return p;
}
