/**
 * Gradient checking: autograd's gradient of an expression beside the central difference
 * (f(x + h) − f(x − h)) / 2h for each input, with the relative error, in float32 or float64.
 */
import type { DType, Tensor } from '../../engine';
import { tensor } from '../../engine';
import { evaluate, inputNames, parseExpression, type Expr } from './expression';

/** One input's gradient by autograd and by central differences. */
export interface GradientCheckRow {
  readonly name: string;
  readonly autograd: number;
  readonly numeric: number;
  /** |autograd − numeric| / max(|autograd|, |numeric|), 0 when both are 0. */
  readonly relativeError: number;
}

/** |a − b| / max(|a|, |b|), 0 when both are 0. */
export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

function valueAt(expr: Expr, names: readonly string[], values: Readonly<Record<string, number>>, dtype: DType): number {
  const leaves: Record<string, Tensor> = {};
  for (const name of names) leaves[name] = tensor(values[name] ?? 1, { dtype });
  return evaluate(expr, leaves, dtype).item();
}

/** Checks every input's gradient of `text` at `values` with step `h`, computing in `dtype` throughout. */
export function gradientCheck(text: string, values: Readonly<Record<string, number>>, h: number, dtype: DType): GradientCheckRow[] {
  if (!(h > 0) || !Number.isFinite(h)) throw new RangeError(`gradientCheck: expected a step h > 0, got ${h}`);
  const expr = parseExpression(text);
  const names = inputNames(expr);
  const leaves: Record<string, Tensor> = {};
  for (const name of names) leaves[name] = tensor(values[name] ?? 1, { dtype, requiresGrad: true });
  const out = evaluate(expr, leaves, dtype);
  if (out.requiresGrad) out.backward();
  return names.map((name) => {
    const x = values[name] ?? 1;
    const up = valueAt(expr, names, { ...values, [name]: x + h }, dtype);
    const down = valueAt(expr, names, { ...values, [name]: x - h }, dtype);
    const numeric = (up - down) / (2 * h);
    const autograd = leaves[name]!.grad?.item() ?? 0;
    return { name, autograd, numeric, relativeError: relativeError(autograd, numeric) };
  });
}

/** The largest relative error of gradientCheck over all inputs, for each step in `steps`. */
export function errorAgainstStep(text: string, values: Readonly<Record<string, number>>, steps: readonly number[], dtype: DType): number[] {
  return steps.map((h) => Math.max(...gradientCheck(text, values, h, dtype).map((r) => r.relativeError)));
}
