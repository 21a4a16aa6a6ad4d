/**
 * The activations evaluated by the autograd engine: f(z) from the forward pass and f'(z) from
 * backward(), never from the closed forms (which are kept as the independent reference the tests
 * compare against).
 */
import { tensor, type Tensor } from '../../engine';
import type { ActivationName, ActivationParams } from '../../ml/activations';

/** Applies one activation to a tensor with the engine's ops. */
export function applyActivation(name: ActivationName, z: Tensor, p: ActivationParams): Tensor {
  switch (name) {
    case 'identity':
      return z;
    case 'sigmoid':
      return z.sigmoid();
    case 'tanh':
      return z.tanh();
    case 'relu':
      return z.relu();
    case 'leakyRelu':
      return z.leakyRelu(p.alpha);
    case 'swish':
      return z.mul(z.mul(p.beta).sigmoid());
  }
}

/**
 * f(z) and f'(z) at each point, in float64: one forward pass over all points, then
 * f(z).sum().backward(), which leaves f'(z_i) in z.grad because each output depends on its own
 * input only.
 */
export function valueAndDerivative(
  name: ActivationName,
  p: ActivationParams,
  points: Float64Array,
): { value: Float64Array; derivative: Float64Array } {
  const z = tensor(points, { dtype: 'float64', requiresGrad: true });
  const y = applyActivation(name, z, p);
  // The identity returns z itself; multiply by one so backward has a graph to walk.
  const out = y === z ? z.mul(1) : y;
  out.sum().backward();
  const grad = z.grad;
  if (!grad) throw new Error(`valueAndDerivative: no gradient reached z for ${name}`);
  return { value: Float64Array.from(out.data), derivative: Float64Array.from(grad.data) };
}
