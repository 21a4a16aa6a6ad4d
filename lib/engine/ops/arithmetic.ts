/** Elementwise arithmetic and comparisons, broadcasting like NumPy. Composites are one line each. */
import { primitives as P } from '../primitives';
import { Tensor } from '../tensor';
import { binary, type BinaryOp } from '../kernels/elementwise';
import { allocate, type DType } from '../storage';

/** A tensor or a plain number (treated as a 0-d tensor of the other operand's dtype). */
export type Operand = Tensor | number;

/** A 0-d tensor holding `value`. */
export function scalar(value: number, dtype: DType = 'float32'): Tensor {
  const data = allocate(dtype, 1);
  data[0] = value;
  return new Tensor(data, []);
}

/** Both operands as tensors; a number takes the dtype of the tensor beside it. */
export function lift(a: Operand, b: Operand): [Tensor, Tensor] {
  if (a instanceof Tensor) return [a, b instanceof Tensor ? b : scalar(b, a.dtype)];
  if (b instanceof Tensor) return [scalar(a, b.dtype), b];
  return [scalar(a), scalar(b)];
}

/** a + b. */
export const add = (a: Operand, b: Operand): Tensor => P.add(...lift(a, b));
/** a - b. */
export const sub = (a: Operand, b: Operand): Tensor => P.sub(...lift(a, b));
/** a * b, elementwise. */
export const mul = (a: Operand, b: Operand): Tensor => P.mul(...lift(a, b));
/** a / b, elementwise. */
export const div = (a: Operand, b: Operand): Tensor => P.div(...lift(a, b));
/** a ** b, elementwise. */
export const pow = (a: Operand, b: Operand): Tensor => P.pow(...lift(a, b));
/** Elementwise maximum; on ties the gradient is split equally (as in PyTorch). */
export const maximum = (a: Operand, b: Operand): Tensor => P.maximum(...lift(a, b));
/** Elementwise minimum. */
export const minimum = (a: Operand, b: Operand): Tensor => {
  const [x, y] = lift(a, b);
  return neg(maximum(neg(x), neg(y)));
};
/** -x. */
export const neg = (x: Tensor): Tensor => P.neg(x);
/** e^x. */
export const exp = (x: Tensor): Tensor => P.exp(x);
/** Natural logarithm. */
export const log = (x: Tensor): Tensor => P.log(x);
/** Square root. */
export const sqrt = (x: Tensor): Tensor => P.sqrt(x);
/** The error function 2/√π ∫₀ˣ e^(−t²) dt (float64 to about 1e-15 relative). */
export const erf = (x: Tensor): Tensor => P.erf(x);
/** |x|; its gradient at 0 is 0. */
export const abs = (x: Tensor): Tensor => P.abs(x);
/** x * x. */
export const square = (x: Tensor): Tensor => P.mul(x, x);
/**
 * x clamped to [min, max] (either bound optional; max wins if min > max). As in PyTorch, the
 * gradient is 1 inside the bounds, bounds included, and 0 outside; NaN stays NaN.
 */
export const clamp = (x: Tensor, min?: number, max?: number): Tensor => {
  const low = min === undefined ? x : where(lt(x, min), min, x);
  return max === undefined ? low : where(gt(low, max), max, low);
};
/** cond ? a : b, elementwise with broadcasting; `cond` holds 0 (false) or anything else (true). */
export const where = (cond: Tensor, a: Operand, b: Operand): Tensor => P.where(cond, ...lift(a, b));

/** x copied into `dtype` (gradients flow back in x's dtype). */
export const cast = (x: Tensor, dtype: DType): Tensor => P.cast(x, dtype);

/** Comparisons give 1 where true and 0 where false, and have no gradient. */
const compare = (op: BinaryOp) => (a: Operand, b: Operand): Tensor => binary(op, ...lift(a, b), op);
/** a == b as 0/1 (no gradient). */
export const eq = compare('eq');
/** a != b as 0/1 (no gradient). */
export const ne = compare('ne');
/** a > b as 0/1 (no gradient). */
export const gt = compare('gt');
/** a >= b as 0/1 (no gradient). */
export const ge = compare('ge');
/** a < b as 0/1 (no gradient). */
export const lt = compare('lt');
/** a <= b as 0/1 (no gradient). */
export const le = compare('le');
