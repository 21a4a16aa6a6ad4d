/** Tensors across the bridge, and how far the engine's numbers are from PyTorch's. */
import type { Tensor } from '../lib/engine';
import type { WireInput, WireNumber, WireTensor } from './bridge';

/** Flat values with a shape: what both sides' results are compared as. */
export interface Values {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

/** A float for JSON (NaN and infinities as strings). */
export function toWireNumber(v: number): WireNumber {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

/** Values (an engine tensor or plain data) for JSON. */
export function toWire(t: Values): WireTensor {
  return { shape: [...t.shape], data: Array.from(t.data, toWireNumber) };
}

/** An input for PyTorch, with requires_grad set to `grad`. */
export function toWireInput(t: Values, grad: boolean): WireInput {
  return { ...toWire(t), grad };
}

/** PyTorch's answer as numbers. */
export function fromWire(w: WireTensor): Values {
  return { shape: w.shape, data: Float64Array.from(w.data, (v) => (typeof v === 'number' ? v : Number(v))) };
}

/** An engine tensor's values (the tensor's own storage, not copied). */
export function valuesOf(t: Tensor): Values {
  return { shape: t.shape, data: t.data };
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);

/** How one result differs from PyTorch's: the error, and where the worst element is. */
export interface Difference {
  /**
   * max |engine − torch| / max(1, max |torch|) over the finite elements; Infinity when the shapes
   * differ or a NaN or infinity of one side is not the same NaN or infinity on the other.
   */
  readonly error: number;
  /** A sentence on the worst element, or on the shape or non-finite mismatch. */
  readonly where: string;
}

/** Compares the engine's values with PyTorch's (the reference). */
export function difference(engine: Values, torch: Values): Difference {
  if (!sameShape(engine.shape, torch.shape)) {
    return { error: Infinity, where: `shape [${engine.shape.join(', ')}] in the engine, [${torch.shape.join(', ')}] in PyTorch` };
  }
  let scale = 1;
  for (let i = 0; i < torch.data.length; i++) {
    const t = torch.data[i]!;
    if (Number.isFinite(t)) scale = Math.max(scale, Math.abs(t));
  }
  let worst = 0;
  let at = -1;
  for (let i = 0; i < torch.data.length; i++) {
    const e = engine.data[i]!;
    const t = torch.data[i]!;
    if (!Number.isFinite(e) || !Number.isFinite(t)) {
      if (Object.is(e, t) || (Number.isNaN(e) && Number.isNaN(t))) continue;
      return { error: Infinity, where: `element ${i}: ${e} in the engine, ${t} in PyTorch` };
    }
    const err = Math.abs(e - t) / scale;
    if (err > worst) {
      worst = err;
      at = i;
    }
  }
  const where = at < 0 ? 'equal' : `element ${at}: ${engine.data[at]} in the engine, ${torch.data[at]} in PyTorch`;
  return { error: worst, where };
}

/** The larger of two differences. */
export function worse(a: Difference, b: Difference): Difference {
  return b.error > a.error ? b : a;
}

