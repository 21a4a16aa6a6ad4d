/**
 * The check API a cell has for exercises: check(), expectClose() and expectShape(). Each records a
 * structured result (name, passed, message) and prints one line under the cell ("✓ name" or
 * "✗ name — what was expected, what was got"). A failed check does not throw, so every check runs
 * and the student sees all that is wrong at once.
 */

/** A tensor of the engine, recognised by its shape and data (not instanceof, so that this file does not pull the engine into pages). */
interface TensorLike {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

const isTensor = (value: unknown): value is TensorLike =>
  typeof value === 'object' && value !== null && Array.isArray((value as TensorLike).shape) && typeof (value as TensorLike).data?.length === 'number' && typeof (value as { numel?: unknown }).numel === 'function';

/** One check's outcome. */
export interface CheckRecord {
  readonly name: string;
  readonly passed: boolean;
  /** What was checked, or, when it failed, what was expected and what was got. */
  readonly message: string;
}

/** Options of expectClose(): |actual − expected| ≤ atol + rtol·|expected| elementwise (torch.allclose's rule and defaults). */
export interface CloseOptions {
  readonly atol?: number;
  readonly rtol?: number;
  /** The check's name (default: "values are close"). */
  readonly name?: string;
}

/** The check functions in a cell's scope (documented for the editor's completions in CellGlobals). */
export interface CheckGlobals {
  /** Records a check named `name` that passes when `condition` is truthy; `message` says what is wrong when it is not. Returns whether it passed. */
  check(name: string, condition: unknown, message?: string): boolean;
  /** Checks that a number, an array of numbers or a tensor is close to `expected` (atol 1e-8, rtol 1e-5 unless given). */
  expectClose(actual: unknown, expected: unknown, options?: CloseOptions): boolean;
  /** Checks that a tensor's shape is `shape`, e.g. expectShape(w, [32, 16]). */
  expectShape(tensor: unknown, shape: readonly number[], name?: string): boolean;
}

const tuple = (shape: readonly number[]): string => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`);
const number = (x: number): string => String(Number(x.toPrecision(6)));

/** A flat list of numbers and a shape, from a number, a nested array of numbers or a tensor; undefined for anything else. */
function numbersOf(value: unknown): { values: number[]; shape: number[] } | undefined {
  if (typeof value === 'number') return { values: [value], shape: [] };
  if (isTensor(value)) return { values: Array.from(value.data), shape: [...value.shape] };
  if (!Array.isArray(value)) return undefined;
  const parts = value.map(numbersOf);
  if (parts.some((p) => p === undefined)) return undefined;
  const first = parts[0]?.shape ?? [];
  if (parts.some((p) => p?.shape.join() !== first.join())) return undefined;
  return { values: parts.flatMap((p) => p?.values ?? []), shape: [value.length, ...first] };
}

const describe = (value: unknown): string => (isTensor(value) ? `a tensor of shape ${tuple(value.shape)}` : typeof value === 'string' ? JSON.stringify(value) : `${String(value)} (${typeof value})`);

/** The check functions, each reporting its record to `record`. */
export function createCheckGlobals(record: (result: CheckRecord) => void): CheckGlobals {
  const report = (name: string, passed: boolean, message: string): boolean => {
    record({ name: String(name), passed, message });
    return passed;
  };
  return {
    check: (name, condition, message) => report(name, Boolean(condition), condition ? 'passed' : (message ?? 'the condition is false')),
    expectClose(actual, expected, options = {}) {
      const name = options.name ?? 'values are close';
      const atol = options.atol ?? 1e-8;
      const rtol = options.rtol ?? 1e-5;
      const a = numbersOf(actual);
      const e = numbersOf(expected);
      if (!e) return report(name, false, `expected a number, an array of numbers or a tensor to compare with; got ${describe(expected)}`);
      if (!a) return report(name, false, `expected a number, an array of numbers or a tensor; got ${describe(actual)}`);
      if (a.values.length !== e.values.length) return report(name, false, `expected ${e.values.length} values (shape ${tuple(e.shape)}); got ${a.values.length} (shape ${tuple(a.shape)})`);
      const bad = a.values.findIndex((x, i) => {
        const y = e.values[i] ?? Number.NaN;
        return !(Math.abs(x - y) <= atol + rtol * Math.abs(y)) && !(x === y);
      });
      if (bad < 0) return report(name, true, `within atol ${atol}, rtol ${rtol}`);
      const where = e.values.length > 1 ? ` at flat index ${bad}` : '';
      return report(name, false, `expected ${number(e.values[bad] ?? Number.NaN)}${where} (within atol ${atol}, rtol ${rtol}); got ${number(a.values[bad] ?? Number.NaN)}`);
    },
    expectShape(tensor, shape, name = `shape is ${tuple(shape)}`) {
      if (!isTensor(tensor)) return report(name, false, `expected a tensor of shape ${tuple(shape)}; got ${describe(tensor)}`);
      const same = tensor.shape.length === shape.length && tensor.shape.every((s, i) => s === shape[i]);
      return report(name, same, same ? 'passed' : `expected shape ${tuple(shape)}; got ${tuple(tensor.shape)}`);
    },
  };
}

/** The line a check prints under the cell. */
export function checkLine(result: CheckRecord): string {
  return result.passed ? `✓ ${result.name}` : `✗ ${result.name} — ${result.message}`;
}
