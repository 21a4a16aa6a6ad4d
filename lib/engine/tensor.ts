/**
 * The Tensor: a flat typed array, a shape, and what autograd needs (requiresGrad, grad, gradFn).
 * Tensors are immutable except for `.grad` and in-place updates by optimizers and init helpers;
 * methods return new tensors (reshape and detach share storage).
 */
import { backward, retainGrad, type GradFn } from './autograd';
import { formatShape, normalizeDim, numel, type Shape } from './shape';
import { dtypeOf, type Data, type DType } from './storage';
import * as A from './ops/arithmetic';
import * as R from './ops/reductions';
import * as S from './ops/shaping';
import * as F from './ops/activations';
import { matmul } from './ops/linalg';
import { formatTensor } from './format';

/** Nested arrays of numbers, as `tensor()` takes and `toArray()` gives. */
export type NestedArray = number | readonly NestedArray[];

type Operand = A.Operand;
type Dims = R.Dims;

/** An n-dimensional array of float32 or float64 numbers that can record how it was computed. */
export class Tensor {
  /** Elements in row-major order. Treat as read-only: other tensors may share it. */
  readonly data: Data;
  /** Size of each dimension, outermost first. */
  readonly shape: Shape;
  /** Whether backward() computes a gradient for this tensor (set it on leaves you want to train). */
  requiresGrad: boolean;
  /** d(loss)/d(this) after backward() for leaves that require grad; accumulates until reset to null. */
  grad: Tensor | null = null;
  /** The op that made this tensor, null for leaves (tensors made by the user). */
  gradFn: GradFn | null = null;

  /** Wraps `data` (not copied) as a tensor of `shape`; prefer `tensor()`, `zeros()`... */
  constructor(data: Data, shape: Shape, requiresGrad = false) {
    if (numel(shape) !== data.length) {
      throw new RangeError(`Tensor: shape ${formatShape(shape)} needs ${numel(shape)} elements, got ${data.length}`);
    }
    this.data = data;
    this.shape = shape;
    this.requiresGrad = requiresGrad;
  }

  /** Element type: 'float32' or 'float64'. */
  get dtype(): DType {
    return dtypeOf(this.data);
  }
  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }
  /** True for tensors not made by an op that records gradients. */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }
  /** Number of elements. */
  numel(): number {
    return this.data.length;
  }
  /** The shape, or the size of dimension `dim`. */
  size(): Shape;
  size(dim: number): number;
  size(dim?: number): Shape | number {
    return dim === undefined ? this.shape : this.shape[normalizeDim('size', dim, this.ndim)]!;
  }

  /** Computes gradients of this (scalar) tensor with respect to every leaf that requires grad. Accumulates into `.grad`. */
  backward(gradient?: Tensor): void {
    backward(this, gradient);
  }
  /** Keeps `.grad` for this non-leaf tensor after backward(). Mutates autograd state. */
  retainGrad(): this {
    retainGrad(this);
    return this;
  }
  /** The same data, cut off from the graph. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape);
  }
  /** A copy (gradients flow through it). */
  clone(): Tensor {
    return A.cast(this, this.dtype);
  }
  /** This tensor in another dtype (gradients flow through it). */
  to(dtype: DType): Tensor {
    return dtype === this.dtype ? this : A.cast(this, dtype);
  }
  /** The single element as a number. */
  item(): number {
    if (this.data.length !== 1) throw new RangeError(`item: a Tensor with ${this.data.length} elements cannot be converted to a number`);
    return this.data[0]!;
  }
  /** The elements as nested arrays (a number for a 0-d tensor). */
  toArray(): NestedArray {
    const build = (dim: number, offset: number): NestedArray => {
      if (dim === this.ndim) return this.data[offset]!;
      const stride = numel(this.shape.slice(dim + 1));
      return Array.from({ length: this.shape[dim]! }, (_, i) => build(dim + 1, offset + i * stride));
    };
    return build(0, 0);
  }
  /** PyTorch's repr, exactly: `tensor([[1., 2.],\n        [3., 4.]], requires_grad=True)`. */
  toString(): string {
    return formatTensor(this);
  }

  /** this + other. */
  add(other: Operand): Tensor { return A.add(this, other); }
  /** this - other. */
  sub(other: Operand): Tensor { return A.sub(this, other); }
  /** this * other, elementwise. */
  mul(other: Operand): Tensor { return A.mul(this, other); }
  /** this / other, elementwise. */
  div(other: Operand): Tensor { return A.div(this, other); }
  /** this ** exponent, elementwise. */
  pow(exponent: Operand): Tensor { return A.pow(this, exponent); }
  /** Elementwise maximum. */
  maximum(other: Operand): Tensor { return A.maximum(this, other); }
  /** Elementwise minimum. */
  minimum(other: Operand): Tensor { return A.minimum(this, other); }
  /** -this. */
  neg(): Tensor { return A.neg(this); }
  /** e^this. */
  exp(): Tensor { return A.exp(this); }
  /** Natural logarithm. */
  log(): Tensor { return A.log(this); }
  /** Square root. */
  sqrt(): Tensor { return A.sqrt(this); }
  /** Absolute value. */
  abs(): Tensor { return A.abs(this); }
  /** The error function. */
  erf(): Tensor { return A.erf(this); }
  /** this * this. */
  square(): Tensor { return A.square(this); }
  /** Clamped to [min, max]. */
  clamp(min?: number, max?: number): Tensor { return A.clamp(this, min, max); }
  /** this == other as 0/1 (no gradient). */
  eq(other: Operand): Tensor { return A.eq(this, other); }
  /** this != other as 0/1 (no gradient). */
  ne(other: Operand): Tensor { return A.ne(this, other); }
  /** this > other as 0/1 (no gradient). */
  gt(other: Operand): Tensor { return A.gt(this, other); }
  /** this >= other as 0/1 (no gradient). */
  ge(other: Operand): Tensor { return A.ge(this, other); }
  /** this < other as 0/1 (no gradient). */
  lt(other: Operand): Tensor { return A.lt(this, other); }
  /** this <= other as 0/1 (no gradient). */
  le(other: Operand): Tensor { return A.le(this, other); }

  /** Sum over `dim` (all by default). */
  sum(dim?: Dims, keepdim = false): Tensor { return R.sum(this, dim, keepdim); }
  /** Mean over `dim` (all by default). */
  mean(dim?: Dims, keepdim = false): Tensor { return R.mean(this, dim, keepdim); }
  /** Largest value over `dim` (all by default), like torch.amax. */
  max(dim?: Dims, keepdim = false): Tensor { return R.max(this, dim, keepdim); }
  /** Smallest value over `dim` (all by default), like torch.amin. */
  min(dim?: Dims, keepdim = false): Tensor { return R.min(this, dim, keepdim); }
  /** Index of the largest value along `dim` (flattened by default); no gradient. */
  argmax(dim?: number, keepdim = false): Tensor { return R.argmax(this, dim, keepdim); }
  /** Euclidean norm of all elements. */
  norm(): Tensor { return R.norm(this); }

  /** Matrix product (batched, broadcasting). */
  matmul(other: Tensor): Tensor { return matmul(this, other); }

  /** Same elements, new shape (one -1 inferred); shares storage. */
  reshape(shape: Shape): Tensor { return S.reshape(this, shape); }
  /** Alias of reshape. */
  view(shape: Shape): Tensor { return S.reshape(this, shape); }
  /** Dimensions startDim..endDim merged. */
  flatten(startDim = 0, endDim = -1): Tensor { return S.flatten(this, startDim, endDim); }
  /** Size-1 dimensions removed (only `dim` if given). */
  squeeze(dim?: number): Tensor { return S.squeeze(this, dim); }
  /** A size-1 dimension inserted at `dim`. */
  unsqueeze(dim: number): Tensor { return S.unsqueeze(this, dim); }
  /** Dimensions reordered. */
  permute(...dims: number[]): Tensor { return S.permute(this, dims); }
  /** Two dimensions swapped. */
  transpose(dim0: number, dim1: number): Tensor { return S.transpose(this, dim0, dim1); }
  /** Transpose of a 2-D tensor. */
  t(): Tensor {
    if (this.ndim > 2) throw new RangeError(`t: expects a tensor with <= 2 dimensions, but self is ${this.ndim}D`);
    return this.ndim < 2 ? this : S.transpose(this, 0, 1);
  }
  /** The last two dimensions swapped (batched matrix transpose). */
  get mT(): Tensor {
    return S.transpose(this, -2, -1);
  }
  /** Broadcast to `shape` (copied). */
  expand(shape: Shape): Tensor { return S.expand(this, shape); }
  /** `length` elements from `start` along `dim`. */
  narrow(dim: number, start: number, length: number): Tensor { return S.narrow(this, dim, start, length); }
  /** Elements start..end-1 along `dim` (negative indices count from the end). */
  slice(dim: number, start?: number, end?: number): Tensor { return S.slice(this, dim, start, end); }
  /** The slice at `index` along `dim`, dimension removed. */
  select(dim: number, index: number): Tensor { return S.select(this, dim, index); }

  /** tanh. */
  tanh(): Tensor { return F.tanh(this); }
  /** Logistic sigmoid. */
  sigmoid(): Tensor { return F.sigmoid(this); }
  /** max(x, 0). */
  relu(): Tensor { return F.relu(this); }
  /** x if x > 0 else negativeSlope * x. */
  leakyRelu(negativeSlope = 0.01): Tensor { return F.leakyRelu(this, negativeSlope); }
  /** x * sigmoid(x). */
  silu(): Tensor { return F.silu(this); }
  /** log(1 + e^(beta x)) / beta, x where beta x > threshold. */
  softplus(beta = 1, threshold = 20): Tensor { return F.softplus(this, beta, threshold); }
  /** Softmax along `dim`. */
  softmax(dim: number): Tensor { return F.softmax(this, dim); }
  /** Log-softmax along `dim`. */
  logSoftmax(dim: number): Tensor { return F.logSoftmax(this, dim); }
}
