/**
 * One sigmoid output unit with logit z and target y, under the two losses the course uses:
 * cross-entropy (PyTorch's binary_cross_entropy_with_logits) and squared error ½(p − y)².
 * Loss and dL/dz come from the engine's autograd, in float64.
 */
import { binaryCrossEntropyWithLogits, mseLoss, tensor } from '../../engine';

/** Loss and gradient with respect to the logit, for both losses, at one z. */
export interface LossPoint {
  readonly z: number;
  /** The prediction σ(z). */
  readonly p: number;
  readonly crossEntropy: number;
  readonly crossEntropyGrad: number;
  readonly squaredError: number;
  readonly squaredErrorGrad: number;
}

/** The two losses and their dL/dz at logit z for target y (0 or 1), by autograd. */
export function lossesAt(z: number, y: 0 | 1): LossPoint {
  const ce = tensor(z, { dtype: 'float64', requiresGrad: true });
  const ceLoss = binaryCrossEntropyWithLogits(ce, tensor(y, { dtype: 'float64' }));
  ceLoss.backward();
  const se = tensor(z, { dtype: 'float64', requiresGrad: true });
  const p = se.sigmoid();
  const seLoss = mseLoss(p, tensor(y, { dtype: 'float64' })).mul(0.5);
  seLoss.backward();
  return {
    z,
    p: p.item(),
    crossEntropy: ceLoss.item(),
    crossEntropyGrad: ce.grad!.item(),
    squaredError: seLoss.item(),
    squaredErrorGrad: se.grad!.item(),
  };
}

/** lossesAt over `count` evenly spaced logits from `from` to `to`. */
export function lossCurves(y: 0 | 1, from: number, to: number, count: number): LossPoint[] {
  if (!(count >= 2) || !Number.isInteger(count)) throw new RangeError(`lossCurves: expected a whole number of points of at least 2, got ${count}`);
  return Array.from({ length: count }, (_, i) => lossesAt(from + ((to - from) * i) / (count - 1), y));
}
