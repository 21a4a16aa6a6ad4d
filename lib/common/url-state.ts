/**
 * Widget state in the URL: one typed table of fields per widget (TensorFlow Playground's
 * state.ts, with types). A shared link restores the state; a value that cannot be used falls back
 * to its default and produces a notice the widget shows to the reader.
 */

/** How one URL parameter is read and written. */
export interface Field<T> {
  /** The value used when the parameter is absent or unusable. */
  readonly default: T;
  /** What a valid value looks like, in words, for notices ("a number from 0 to 1"). */
  readonly expected: string;
  /** Reads a raw parameter; undefined means the value cannot be used. */
  parse(raw: string): T | undefined;
  /** Writes a value as a parameter. */
  format(value: T): string;
}

/** A table of fields: URL parameter name to field. */
export type Schema = Record<string, Field<unknown>>;

/** The values a schema describes. */
export type ValuesOf<S extends Schema> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/** A parameter from the URL that was ignored, and why. */
export interface UrlNotice {
  name: string;
  raw: string;
  /** A sentence for the reader: what was ignored, what was expected, what is used instead. */
  message: string;
}

/** Values read from a URL, with a notice for each parameter that was ignored. */
export interface ParsedState<S extends Schema> {
  values: ValuesOf<S>;
  notices: UrlNotice[];
}

// The fraction is one optional group ("\.\d*"), not "\.?\d*": with both optional, a long run of
// digits followed by junk could be split between \d+ and \d* in n ways, and the match took
// quadratic time (30,000 digits: 5 s, freezing the page). Now each digit is matched one way only.
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Parses a decimal number strictly: no empty strings, hex, Infinity or trailing junk. */
export function parseStrictNumber(raw: string): number | undefined {
  const trimmed = raw.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Shortest faithful text for a number in a URL (at most 6 significant digits). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** A number in [min, max]; `integer` requires a whole number. */
export function numberField(options: { default: number; min: number; max: number; integer?: boolean }): Field<number> {
  const { min, max, integer = false } = options;
  return {
    default: options.default,
    expected: `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
    parse(raw) {
      const value = parseStrictNumber(raw);
      if (value === undefined || value < min || value > max) return undefined;
      if (integer && !Number.isInteger(value)) return undefined;
      return value;
    },
    format: formatNumber,
  };
}

/** true or false (also accepts 1/0). */
export function booleanField(defaultValue: boolean): Field<boolean> {
  return {
    default: defaultValue,
    expected: 'true or false',
    parse(raw) {
      const v = raw.trim().toLowerCase();
      if (v === 'true' || v === '1') return true;
      if (v === 'false' || v === '0') return false;
      return undefined;
    },
    format: (value) => String(value),
  };
}

/** One of a fixed list of names. */
export function enumField<const T extends string>(options: readonly T[], defaultValue: T): Field<T> {
  return {
    default: defaultValue,
    expected: `one of ${options.join(', ')}`,
    parse: (raw) => options.find((o) => o === raw.trim()),
    format: (value) => value,
  };
}

/** A comma-separated set of names from a fixed list, in the list's order, with a minimum size. */
export function enumSetField<const T extends string>(
  options: readonly T[],
  defaultValue: readonly T[],
  minSize = 1,
): Field<readonly T[]> {
  return {
    default: defaultValue,
    expected: `${minSize === 1 ? 'one or more' : `at least ${minSize}`} of ${options.join(', ')}, separated by commas`,
    parse(raw) {
      const names = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (names.length < minSize || names.some((n) => !options.includes(n as T))) return undefined;
      return options.filter((o) => names.includes(o));
    },
    format: (value) => value.join(','),
  };
}

/** A comma-separated list of numbers, each in [min, max], with a length in [minLength, maxLength]. */
export function numberListField(options: {
  default: readonly number[];
  min: number;
  max: number;
  minLength: number;
  maxLength: number;
}): Field<readonly number[]> {
  const { min, max, minLength, maxLength } = options;
  return {
    default: options.default,
    expected: `${minLength} to ${maxLength} numbers from ${min} to ${max}, separated by commas`,
    parse(raw) {
      const parts = raw.split(',');
      if (parts.length < minLength || parts.length > maxLength) return undefined;
      const values = parts.map(parseStrictNumber);
      if (values.some((v) => v === undefined || v < min || v > max)) return undefined;
      return values as number[];
    },
    format: (value) => value.map(formatNumber).join(','),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return Object.is(a, b);
}

/** The default values of a schema. */
export function defaultsOf<S extends Schema>(schema: S): ValuesOf<S> {
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema)) values[name] = field.default;
  return values as ValuesOf<S>;
}

/** Reads a schema's values from URL parameters; unusable ones fall back to defaults, with a notice. */
export function parseState<S extends Schema>(schema: S, params: URLSearchParams): ParsedState<S> {
  const values: Record<string, unknown> = {};
  const notices: UrlNotice[] = [];
  for (const [name, field] of Object.entries(schema)) {
    const raw = params.get(name);
    if (raw === null) {
      values[name] = field.default;
      continue;
    }
    const parsed = field.parse(raw);
    if (parsed === undefined) {
      values[name] = field.default;
      notices.push({
        name,
        raw,
        message: `Ignored “${name}=${truncate(raw)}” from the link: expected ${field.expected}. Using ${truncate(field.format(field.default))}.`,
      });
    } else {
      values[name] = parsed;
    }
  }
  return { values: values as ValuesOf<S>, notices };
}

/**
 * Writes a schema's values into URL parameters. Mutates `params`: values equal to their default
 * are removed (short links); parameters not in the schema are left alone, so several widgets can
 * share one page's URL.
 */
export function writeState<S extends Schema>(schema: S, values: ValuesOf<S>, params: URLSearchParams): void {
  for (const [name, field] of Object.entries(schema)) {
    const value = (values as Record<string, unknown>)[name];
    if (sameValue(value, field.default)) params.delete(name);
    else params.set(name, field.format(value));
  }
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
