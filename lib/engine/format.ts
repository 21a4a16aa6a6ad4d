/**
 * Printing tensors exactly as PyTorch 1.13's `repr` does with its default print options
 * (torch/_tensor_str.py: precision 4, threshold 1000, edgeitems 3, linewidth 80):
 *
 *   tensor([[1., 2.],
 *           [3., 4.]], requires_grad=True)
 *
 * Checked string for string against real PyTorch by format.torch.test.ts.
 */
import type { Tensor } from './tensor';
import type { GradFn } from './autograd';

const PRECISION = 4;
/** More elements than this and the middle of each long dimension is elided with `...`. */
export const SUMMARIZE_ABOVE = 1000;
const EDGE_ITEMS = 3;
const LINE_WIDTH = 80;
const PREFIX = 'tensor(';

/** PyTorch's `repr` of `t`: values, then `size=`, `dtype=`, `grad_fn=` or `requires_grad=` as PyTorch adds them. */
export function formatTensor(t: Tensor): string {
  const suffixes: string[] = [];
  let body: string;
  if (t.numel() === 0) {
    // PyTorch names the shape of an empty tensor unless it is (0,), as NumPy does.
    if (t.ndim !== 1) suffixes.push(`size=${pythonTuple(t.shape)}`);
    body = '[]';
  } else {
    body = tensorBody(t);
  }
  if (t.dtype === 'float64') suffixes.push('dtype=torch.float64');
  if (t.gradFn !== null) suffixes.push(`grad_fn=<${backwardName(t.gradFn, t)}>`);
  else if (t.requiresGrad) suffixes.push('requires_grad=True');
  return addSuffixes(PREFIX + body, suffixes, PREFIX.length);
}

/** PyTorch's name for the backward node of an op of ours (`mul` → `MulBackward0`); depends on shapes for a few ops. */
export function backwardName(fn: GradFn, out: Tensor): string {
  const [a, b] = fn.inputs;
  switch (fn.name) {
    case 'cast':
      return 'ToCopyBackward0';
    case 'reshape':
      return a?.gradFn?.name === 'matmul' ? vectorMatmulName(a.shape, out.shape) : 'ViewBackward0';
    case 'pad':
      return 'ConstantPadNdBackward0';
    case 'sum':
      return out.ndim === 0 ? 'SumBackward0' : 'SumBackward1';
    case 'max':
      // Ours is amax; a full reduction reads like PyTorch's x.max().
      return out.ndim === 0 ? 'MaxBackward1' : 'AmaxBackward0';
    case 'pow':
      return b !== undefined && (b.ndim > 0 || b.requiresGrad) ? 'PowBackward1' : 'PowBackward0';
    case 'matmul':
      return matmulBackwardName(a?.ndim ?? 0, b?.ndim ?? 0);
    case 'linear':
      if (a?.ndim === 2) return fn.inputs.length === 3 ? 'AddmmBackward0' : 'MmBackward0';
      if (a?.ndim === 1) return fn.inputs.length === 3 ? 'AddBackward0' : 'SqueezeBackward3';
      return fn.inputs.length === 3 ? 'ViewBackward0' : 'UnsafeViewBackward0';
    case 'conv2d':
      return a?.ndim === 3 ? 'SqueezeBackward1' : 'ConvolutionBackward0';
    case 'maxPool2d':
      return 'MaxPool2DWithIndicesBackward0';
    case 'avgPool2d':
      return 'AvgPool2DBackward0';
    default:
      return `${fn.name[0]!.toUpperCase()}${fn.name.slice(1)}Backward0`;
  }
}

function matmulBackwardName(left: number, right: number): string {
  if (left === 1 && right === 1) return 'DotBackward0';
  if (left === 2 && right === 1) return 'MvBackward0';
  if (left === 2 && right === 2) return 'MmBackward0';
  if (left === 1 && right === 2) return 'SqueezeBackward3';
  return 'UnsafeViewBackward0';
}

/**
 * NOTE: matmul with a 1-D operand is a matrix product followed by a reshape that drops the added
 * dimension, so the reshape's node stands for PyTorch's mv/dot/vector-matrix node. (An explicit
 * reshape of a matmul result that drops a trailing or leading 1 is named the same way.)
 */
function vectorMatmulName(product: readonly number[], out: readonly number[]): string {
  if (product.length > 2) return out.length === product.length - 1 ? 'UnsafeViewBackward0' : 'ViewBackward0';
  const [m, n] = product;
  if (out.length === 0 && m === 1 && n === 1) return 'DotBackward0';
  if (out.length === 1 && n === 1 && out[0] === m) return 'MvBackward0';
  if (out.length === 1 && m === 1 && out[0] === n) return 'SqueezeBackward3';
  return 'ViewBackward0';
}

/** A shape as Python prints a tuple: `(0, 3)`, `(0,)`. */
function pythonTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** torch._tensor_str._add_suffixes: each suffix goes on the last line unless that would pass the line width. */
function addSuffixes(text: string, suffixes: readonly string[], indent: number): string {
  let out = text;
  let lastLineLength = text.length - text.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLength + suffix.length + 2 > LINE_WIDTH) {
      out += `,\n${' '.repeat(indent)}${suffix}`;
      lastLineLength = indent + suffix.length;
    } else {
      out += `, ${suffix}`;
      lastLineLength += suffix.length + 2;
    }
  }
  return `${out})`;
}

/** The indices shown along a dimension of `size`; -1 marks the elision. */
function shownIndices(size: number, summarize: boolean): number[] {
  const range = (start: number, end: number): number[] => Array.from({ length: end - start }, (_, i) => start + i);
  return summarize && size > 2 * EDGE_ITEMS ? [...range(0, EDGE_ITEMS), -1, ...range(size - EDGE_ITEMS, size)] : range(0, size);
}

function tensorBody(t: Tensor): string {
  const summarize = t.numel() > SUMMARIZE_ABOVE;
  const strides = t.shape.map((_, d) => t.shape.slice(d + 1).reduce((p, s) => p * s, 1));
  // The formatter sees only the elements that will be printed (PyTorch's get_summarized_data).
  const shown: number[] = [];
  const collect = (dim: number, offset: number): void => {
    if (dim === t.ndim) {
      shown.push(t.data[offset]!);
      return;
    }
    for (const i of shownIndices(t.shape[dim]!, summarize)) if (i >= 0) collect(dim + 1, offset + i * strides[dim]!);
  };
  collect(0, 0);
  const format = formatter(shown);

  const render = (dim: number, offset: number, indent: number): string => {
    if (dim === t.ndim) return format.format(t.data[offset]!);
    const indices = shownIndices(t.shape[dim]!, summarize);
    if (dim === t.ndim - 1) {
      const items = indices.map((i) => (i < 0 ? ' ...' : format.format(t.data[offset + i * strides[dim]!]!)));
      const perLine = Math.max(1, Math.floor((LINE_WIDTH - indent) / (format.width + 2)));
      const lines: string[] = [];
      for (let k = 0; k < items.length; k += perLine) lines.push(items.slice(k, k + perLine).join(', '));
      return `[${lines.join(`,\n${' '.repeat(indent + 1)}`)}]`;
    }
    const slices = indices.map((i) => (i < 0 ? '...' : render(dim + 1, offset + i * strides[dim]!, indent + 1)));
    return `[${slices.join(`,${'\n'.repeat(t.ndim - dim - 1)}${' '.repeat(indent + 1)}`)}]`;
  };
  return render(0, 0, PREFIX.length);
}

/** Each value in the notation PyTorch would choose for all of them together (`1.0000e-05`, `2.5000`, `3.`), unpadded. */
export function formatElements(values: readonly number[]): string[] {
  const { format } = formatter(values);
  return values.map((v) => format(v).trimStart());
}

/** torch._tensor_str._Formatter for a floating tensor: one notation and one width for every element. */
function formatter(values: readonly number[]): { width: number; format(v: number): string } {
  let intMode = true;
  let sciMode = false;
  let width = 1;
  const finite = values.filter((v) => Number.isFinite(v) && v !== 0);
  if (finite.length > 0) {
    let min = Infinity;
    let max = 0;
    for (const v of finite) {
      min = Math.min(min, Math.abs(v));
      max = Math.max(max, Math.abs(v));
      if (!Number.isInteger(v)) intMode = false;
    }
    sciMode = max / min > 1000 || max > 1e8 || (!intMode && min < 1e-4);
    for (const v of finite) {
      const text = sciMode ? toExponential(v, PRECISION) : intMode ? `${toFixed(v, 0)}.` : toFixed(v, PRECISION);
      width = Math.max(width, text.length);
    }
  }
  return {
    width,
    format(v: number): string {
      let text: string;
      if (!Number.isFinite(v)) text = Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
      else if (sciMode) text = toExponential(v, PRECISION);
      else if (intMode) text = `${toFixed(v, 0)}.`;
      else text = toFixed(v, PRECISION);
      return text.padStart(width);
    },
  };
}

/** |x| as m · 2^e with m an integer: the exact value of a double. */
function exactBinary(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const high = view.getUint32(0);
  const exponent = (high >>> 20) & 0x7ff;
  const mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  return exponent === 0 ? [mantissa, -1074] : [mantissa | (1n << 52n), exponent - 1075];
}

/** round(|x| · 10^shift) to the nearest integer, ties to even, computed exactly. */
function scaledRound(x: number, shift: number): bigint {
  const [m, e] = exactBinary(x);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  const q = num / den;
  const twiceRemainder = (num % den) * 2n;
  return twiceRemainder > den || (twiceRemainder === den && (q & 1n) === 1n) ? q + 1n : q;
}

const signOf = (x: number): string => (x < 0 || Object.is(x, -0) ? '-' : '');

/** Python's `'{:.Nf}'.format(x)` for finite x: exact, ties to even, keeps the sign of -0. */
export function toFixed(x: number, digits: number): string {
  const text = scaledRound(x, digits).toString().padStart(digits + 1, '0');
  return signOf(x) + (digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`);
}

/** Python's `'{:.Ne}'.format(x)` for finite x: `1.0000e-05`, exact, ties to even. */
export function toExponential(x: number, digits: number): string {
  if (x === 0) return `${signOf(x)}0.${'0'.repeat(digits)}e+00`;
  let exponent = Math.floor(Math.log10(Math.abs(x)));
  const low = 10n ** BigInt(digits);
  for (;;) {
    const n = scaledRound(x, digits - exponent);
    if (n >= low * 10n) exponent += 1;
    else if (n < low) exponent -= 1;
    else {
      const text = n.toString();
      const e = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
      return `${signOf(x)}${text[0]}${digits > 0 ? `.${text.slice(1)}` : ''}e${e}`;
    }
  }
}
