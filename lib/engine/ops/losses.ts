/** Loss functions, PyTorch's definitions and defaults (reduction 'mean'). */
import { Tensor } from '../tensor';
import { formatShape, sameShape } from '../shape';
import { allocate } from '../storage';
import { logSoftmax, softplus } from './activations';
import { add, mul, neg, square, sub } from './arithmetic';
import { mean, sum } from './reductions';

/** How per-element losses are combined: averaged, summed, or returned as they are. */
export type Reduction = 'mean' | 'sum' | 'none';

/** Options shared by the losses. */
export interface LossOptions {
  readonly reduction?: Reduction;
}

const reduce = (loss: Tensor, reduction: Reduction = 'mean'): Tensor =>
  reduction === 'mean' ? mean(loss) : reduction === 'sum' ? sum(loss) : loss;

function checkSameShape(op: string, input: Tensor, target: Tensor): void {
  if (!sameShape(input.shape, target.shape)) {
    throw new RangeError(`${op}: target size ${formatShape(target.shape)} must be the same as input size ${formatShape(input.shape)}`);
  }
}

/** Mean squared error, (input - target)^2 averaged. input and target have the same shape. */
export const mseLoss = (input: Tensor, target: Tensor, options: LossOptions = {}): Tensor => {
  checkSameShape('mseLoss', input, target);
  return reduce(square(sub(input, target)), options.reduction);
};

/**
 * Binary cross-entropy on logits x with targets y in [0, 1]:
 * -[y log sigmoid(x) + (1 - y) log(1 - sigmoid(x))] = (1 - y) x + softplus(-x), which is stable
 * for large |x| and has gradient sigmoid(x) - y. input and target have the same shape.
 */
export const binaryCrossEntropyWithLogits = (input: Tensor, target: Tensor, options: LossOptions = {}): Tensor => {
  checkSameShape('binaryCrossEntropyWithLogits', input, target);
  return reduce(add(mul(input, sub(1, target)), softplus(neg(input))), options.reduction);
};

/**
 * Cross-entropy of logits against classes. Shapes: input (N, C) or (C); target either class
 * indices (N) or () as integer-valued floats, or class probabilities of input's shape. With
 * 'none' the result has shape (N) or ().
 */
export const crossEntropy = (input: Tensor, target: Tensor, options: LossOptions = {}): Tensor => {
  if (input.ndim !== 1 && input.ndim !== 2) {
    throw new RangeError(`crossEntropy: expected input of shape (N, C) or (C), got ${formatShape(input.shape)}`);
  }
  const classDim = input.ndim - 1;
  const probabilities = sameShape(input.shape, target.shape) ? target : oneHot(target, input.shape[classDim]!, input);
  return reduce(neg(sum(mul(logSoftmax(input, classDim), probabilities), classDim)), options.reduction);
};

/** One-hot rows for integer class indices: (*) -> (*, numClasses), in `like`'s dtype; no gradient. */
export function oneHot(indices: Tensor, numClasses: number, like?: Tensor): Tensor {
  const expected = like === undefined ? undefined : like.shape.slice(0, -1);
  if (expected !== undefined && !sameShape(indices.shape, expected)) {
    throw new RangeError(`crossEntropy: expected target of shape ${formatShape(expected)} (class indices) or ${formatShape(like!.shape)} (probabilities), got ${formatShape(indices.shape)}`);
  }
  const out = allocate(like?.dtype ?? indices.dtype, indices.numel() * numClasses);
  indices.data.forEach((k, i) => {
    if (!Number.isInteger(k) || k < 0 || k >= numClasses) {
      throw new RangeError(`${like === undefined ? 'oneHot' : 'crossEntropy'}: target ${k} is out of bounds for ${numClasses} classes`);
    }
    out[i * numClasses + k] = 1;
  });
  return new Tensor(out, [...indices.shape, numClasses]);
}
