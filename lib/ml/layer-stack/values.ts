/**
 * Argument values between Python and the layer schema: checking a Python value against what an
 * argument accepts (with PyTorch's rules: kernel_size=3 or (3, 3), stride=None, padding='same'),
 * and writing a stored value back as Python.
 */
import { pythonBool, pythonFloatLiteral, pythonRepr, pythonStr, type PythonValue } from '../../common';
import type { ArgSpec, ArgValue, OutputSize, Size2 } from './schema';

/** The checked value, or why the Python value does not fit the argument. */
export type Coerced = { readonly ok: true; readonly value: ArgValue } | { readonly ok: false; readonly message: string };

const count = (n: number): string => (Math.abs(n) >= 10_000 ? n.toLocaleString('en-US') : String(n));

function rangeText(lo: number | undefined, hi: number | undefined): string {
  if (lo !== undefined && hi !== undefined) return `from ${count(lo)} to ${count(hi)}`;
  return lo !== undefined ? `at least ${count(lo)}` : `at most ${count(hi ?? Infinity)}`;
}

/**
 * Why `n` is outside the spec's range, or null if it is inside. A bound that is PyTorch's rule is
 * said to be PyTorch's; any other is the calculator's own limit, and the message says that instead.
 */
export function outOfRange(spec: ArgSpec, n: number, what = spec.name): string | null {
  const belowMin = spec.min !== undefined && n < spec.min;
  const aboveMax = spec.max !== undefined && n > spec.max;
  if (!belowMin && !aboveMax) return null;
  const pytorchRule = spec.pytorchBounds === 'both' || (spec.pytorchBounds === 'min' && belowMin);
  return pytorchRule
    ? `${what} must be ${rangeText(spec.min, spec.pytorchBounds === 'both' ? spec.max : undefined)} (PyTorch’s rule), got ${n}`
    : `${what} must be ${rangeText(spec.min, spec.max)} in this calculator (its own limit), got ${count(n)}`;
}

/** A whole number within the spec's range, or the reason it is not. */
function wholeNumber(spec: ArgSpec, value: PythonValue, what = spec.name): { ok: true; value: number } | { ok: false; message: string } {
  if (value.kind !== 'number') return { ok: false, message: `${what} must be a whole number, got ${pythonRepr(value)}` };
  if (!value.isInt) {
    const hint = Number.isInteger(value.value) ? ' (in Python, / gives a float; use // for whole-number division)' : '';
    return { ok: false, message: `${what} must be a whole number (int), got the float ${pythonRepr(value)}${hint}` };
  }
  const range = outOfRange(spec, value.value, what);
  return range === null ? { ok: true, value: value.value } : { ok: false, message: range };
}

/** A size for height and width: an int, or a tuple of two (entries may be None when `allowNone`). */
function size2(spec: ArgSpec, value: PythonValue, allowNone: boolean): { ok: true; value: readonly [number | null, number | null] } | { ok: false; message: string } {
  const entry = (v: PythonValue, what: string) => (allowNone && v.kind === 'none' ? { ok: true as const, value: null } : wholeNumber(spec, v, what));
  if (value.kind === 'tuple') {
    if (value.items.length !== 2) {
      return { ok: false, message: `${spec.name} must be an int or a pair (height, width), got ${value.items.length === 1 ? 'a tuple of 1' : `a tuple of ${value.items.length}`}` };
    }
    const h = entry(value.items[0]!, `${spec.name}[0] (the height)`);
    if (!h.ok) return h;
    const w = entry(value.items[1]!, `${spec.name}[1] (the width)`);
    if (!w.ok) return w;
    return { ok: true, value: [h.value, w.value] };
  }
  const both = entry(value, spec.name);
  if (!both.ok) {
    const also = allowNone ? ', None' : '';
    return value.kind === 'number' ? both : { ok: false, message: `${spec.name} must be an int${also} or a pair (height, width), got ${pythonRepr(value)}` };
  }
  return { ok: true, value: [both.value, both.value] };
}

/** Checks a Python value against an argument's spec and returns the value to store. */
export function coerceArg(spec: ArgSpec, value: PythonValue): Coerced {
  const fail = (message: string): Coerced => ({ ok: false, message });
  switch (spec.kind) {
    case 'int':
    case 'dim':
      return wholeNumber(spec, value);
    case 'optionalDim':
    case 'optionalInt':
      return value.kind === 'none' ? { ok: true, value: null } : wholeNumber(spec, value);
    case 'float':
    case 'optionalFloat': {
      if (spec.kind === 'optionalFloat' && value.kind === 'none') return { ok: true, value: null };
      if (value.kind !== 'number') return fail(`${spec.name} must be a number, got ${pythonRepr(value)}`);
      if (!Number.isFinite(value.value)) return fail(`${spec.name} must be a finite number in this calculator, got ${pythonRepr(value)}`);
      const range = outOfRange(spec, value.value);
      // -0.0 and 0.0 act alike in every layer; store one zero so links and code agree.
      return range === null ? { ok: true, value: value.value === 0 ? 0 : value.value } : fail(range);
    }
    case 'bool':
      return value.kind === 'bool' ? { ok: true, value: value.value } : fail(`${spec.name} must be True or False, got ${pythonRepr(value)}`);
    case 'size2': {
      const r = size2(spec, value, false);
      return r.ok ? { ok: true, value: r.value as Size2 } : r;
    }
    case 'optionalSize2': {
      if (value.kind === 'none') return { ok: true, value: null };
      const r = size2(spec, value, false);
      return r.ok ? { ok: true, value: r.value as Size2 } : r;
    }
    case 'padding': {
      if (value.kind === 'string') {
        if (value.value === 'same') return { ok: true, value: 'same' };
        if (value.value === 'valid') return { ok: true, value: [0, 0] };
        return fail(`padding must be an int, a pair, 'valid' or 'same', got ${pythonRepr(value)}`);
      }
      const r = size2(spec, value, false);
      return r.ok ? { ok: true, value: r.value as Size2 } : r;
    }
    case 'outputSize': {
      const r = size2(spec, value, true);
      if (!r.ok) return r;
      if (value.kind !== 'tuple' && r.value[0] === null) return fail(`output_size must be an int or a pair, got None`);
      return { ok: true, value: r.value };
    }
    case 'choice': {
      const text = value.kind === 'string' ? value.value : value.kind === 'none' ? 'None' : undefined;
      const options = spec.options ?? [];
      if (text !== undefined && options.includes(text)) return { ok: true, value: text };
      const quoted = options.map((o) => (o === 'None' ? 'None' : pythonStr(o)));
      const listed = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted.join('');
      return fail(`${spec.name} must be ${listed}, got ${pythonRepr(value)}`);
    }
  }
}

function formatSize2(value: readonly [number | null, number | null]): string {
  const [h, w] = value;
  return h === w && h !== null ? String(h) : `(${h ?? 'None'}, ${w ?? 'None'})`;
}

/** A stored value written as Python: 3 for (3, 3), (3, 5), 'same', None, True, 0.5. */
export function formatArg(spec: ArgSpec, value: ArgValue): string {
  if (value === null) return 'None';
  switch (spec.kind) {
    case 'bool':
      return pythonBool(value as boolean);
    case 'float':
    case 'optionalFloat':
      return pythonFloatLiteral(value as number);
    case 'padding':
      return value === 'same' ? pythonStr('same') : formatSize2(value as Size2);
    case 'size2':
    case 'optionalSize2':
    case 'outputSize':
      return formatSize2(value as OutputSize);
    case 'choice':
      return value === 'None' ? 'None' : pythonStr(String(value));
    default:
      return String(value);
  }
}

/** True when two stored values are the same (sizes compare entry by entry). */
export function sameArg(a: ArgValue | undefined, b: ArgValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}
