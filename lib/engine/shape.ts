/** A tensor's shape: sizes of its dimensions, outermost first. `[]` is a scalar. */
export type Shape = readonly number[];

/** Number of elements in a tensor of this shape. */
export function numel(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i]!;
  return n;
}

/** True when both shapes have the same sizes. */
export function sameShape(a: Shape, b: Shape): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Row-major strides: how far apart, in elements, neighbours along each dimension are. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/** Shape as PyTorch prints it in messages: `[2, 3]`. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** The shape two operands broadcast to (NumPy rules); throws PyTorch's message when they cannot. */
export function broadcastShapes(op: string, a: Shape, b: Shape): Shape {
  if (sameShape(a, b)) return a;
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(
        `${op}: The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Strides for reading a tensor of `shape` as if broadcast to `target` (0 along broadcast dimensions). */
export function broadcastStrides(shape: Shape, target: Shape): number[] {
  const strides = stridesOf(shape);
  const out = new Array<number>(target.length).fill(0);
  const offset = target.length - shape.length;
  for (let i = 0; i < shape.length; i++) out[offset + i] = shape[i] === 1 ? 0 : strides[i]!;
  return out;
}

/** A dimension index in [0, ndim), accepting negative indices; throws PyTorch's message when out of range. */
export function normalizeDim(op: string, dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (!Number.isInteger(dim) || dim < -n || dim >= n) {
    throw new RangeError(`${op}: Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}

/** Sorted, de-duplicated dimensions; `undefined` or `[]` means all of them (as in PyTorch). */
export function normalizeDims(op: string, dims: number | readonly number[] | undefined, ndim: number): number[] {
  if (dims === undefined || (typeof dims !== 'number' && dims.length === 0)) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof dims === 'number' ? [dims] : dims;
  const out = [...new Set(list.map((d) => normalizeDim(op, d, ndim)))];
  return out.sort((x, y) => x - y);
}

/** The shape left after reducing `dims`; size 1 kept in their place when `keepdim`. */
export function reducedShape(shape: Shape, dims: readonly number[], keepdim: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (!dims.includes(i)) out.push(shape[i]!);
    else if (keepdim) out.push(1);
  }
  return out;
}

/** Checks that `shape` is a list of non-negative integers; resolves one `-1` against `size` when given. */
export function checkShape(op: string, shape: Shape, size?: number): number[] {
  const out = [...shape];
  let inferred = -1;
  let known = 1;
  for (let i = 0; i < out.length; i++) {
    const d = out[i]!;
    if (d === -1 && size !== undefined && inferred < 0) inferred = i;
    else if (!Number.isInteger(d) || d < 0) throw new RangeError(`${op}: invalid shape dimension ${d} in ${formatShape(shape)}`);
    else known *= d;
  }
  if (inferred >= 0) {
    if (known === 0 || size! % known !== 0) {
      throw new RangeError(`${op}: shape '${formatShape(shape)}' is invalid for input of size ${size}`);
    }
    out[inferred] = size! / known;
  }
  if (size !== undefined && numel(out) !== size) {
    throw new RangeError(`${op}: shape '${formatShape(shape)}' is invalid for input of size ${size}`);
  }
  return out;
}
