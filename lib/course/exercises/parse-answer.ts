/**
 * Reading answers as students type them. Numbers: "1234", "1,234", "1 234", "61,706 parameters"
 * (the exercise's units), "1e-3", "1.5 × 10^-3", "−0.5" (Unicode minus), "3/4". Shapes: (5,3,40),
 * [5, 3, 40], torch.Size([5, 3, 40]), 5 x 3 x 40, 5×3×40, (7,), (). A refusal says what was
 * expected and what was got, never only "invalid".
 */

/** A parsed value, or why the text is not one. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const MINUSES = /[\u2212\u2012\u2013\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u2009\u202F]+/g;
const DECIMAL = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
const PLAIN = new RegExp(String.raw`^${DECIMAL}(?:e[+-]?\d+)?$`, 'i');
const TIMES_TEN = new RegExp(String.raw`^(${DECIMAL})(?:[x×*·]10(?:\^|\*\*)([+-]?\d+))$`, 'i');
const FRACTION = new RegExp(String.raw`^(${DECIMAL})/(${DECIMAL})$`);
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SUPERSCRIPTS: Readonly<Record<string, string>> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+' };

const quote = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** Removes `units` (or their singular, case-insensitive) from the end of `text`; says if other words were there. */
function stripUnits(text: string, units: string | undefined): Parsed<string> {
  const match = /^(.*?\d\.?)\s*([a-z%µ][a-z%µ\s/²³-]*)$/i.exec(text);
  if (!match) return { ok: true, value: text };
  const [, number = '', word = ''] = match;
  // An exponent's "e" is part of the number, not a unit.
  if (/^e[+-]?\d*$/i.test(word)) return { ok: true, value: text };
  const accepted = units ? [units, units.replace(/s$/, '')].map((u) => u.toLowerCase()) : [];
  if (accepted.includes(word.trim().toLowerCase())) return { ok: true, value: number };
  const expected = units ? `a number, optionally followed by "${units}"` : 'a number without units';
  return { ok: false, message: `Expected ${expected}; got ${quote(text)}, which ends in "${word.trim()}".` };
}

/** Reads a number as a student types it, with `units` accepted after it. */
export function parseNumber(text: string, units?: string): Parsed<number> {
  const raw = text.trim();
  if (raw === '') return { ok: false, message: 'Expected a number; got an empty answer.' };
  let t = raw.replace(MINUSES, '-').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+/g, (run) => `^${[...run].map((c) => SUPERSCRIPTS[c] ?? '').join('')}`);
  t = t.replace(/^[≈~]\s*/, '');
  const unitless = stripUnits(t, units);
  if (!unitless.ok) return unitless;
  // Digits grouped by spaces ("1 234 567") or commas ("1,234.5") are thousands.
  t = unitless.value.replace(/(\d)[\s\u00A0\u2009\u202F](?=\d{3}(?:\D|$))/g, '$1');
  if (/\d[\s\u00A0\u2009\u202F]+\d/.test(t)) {
    return { ok: false, message: `Expected one number (spaces only between groups of three digits, as in 1 234); got ${quote(raw)}.` };
  }
  t = t.replace(SPACES, '');
  if (t.includes(',')) {
    if (!THOUSANDS.test(t)) {
      return { ok: false, message: `Expected a number with "." as the decimal point (1.5) and commas only between groups of three digits (1,234); got ${quote(raw)}.` };
    }
    t = t.replace(/,/g, '');
  }
  const value = evaluate(t);
  if (value === undefined) {
    return { ok: false, message: `Expected a number such as 42, -0.5, 1,234, 1e-3 or 3/4; got ${quote(raw)}.` };
  }
  if (!Number.isFinite(value)) return { ok: false, message: `Expected a finite number; got ${quote(raw)}, which is ${value}.` };
  return { ok: true, value };
}

/** The value of a plain number, a × 10^k, or a simple fraction a/b; undefined if `t` is none of these. */
function evaluate(t: string): number | undefined {
  if (PLAIN.test(t)) return Number(t);
  const times = TIMES_TEN.exec(t);
  if (times) return Number(`${times[1]}e${times[2]}`);
  const fraction = FRACTION.exec(t);
  if (fraction) {
    const denominator = Number(fraction[2]);
    return denominator === 0 ? Number.NaN : Number(fraction[1]) / denominator;
  }
  return undefined;
}

const SHAPE_EXAMPLE = 'a shape such as (5, 3, 40), [5, 3, 40], torch.Size([5, 3, 40]) or 5 × 3 × 40';

/** Reads a tensor shape as a student types it. */
export function parseShape(text: string): Parsed<readonly number[]> {
  const raw = text.trim();
  if (raw === '') return { ok: false, message: `Expected ${SHAPE_EXAMPLE}; got an empty answer.` };
  let t = raw.replace(MINUSES, '-');
  const size = /^(?:torch\.)?Size\s*\((.*)\)$/s.exec(t);
  if (size) t = (size[1] ?? '').trim();
  const brackets = /^([([])(.*)([)\]])$/s.exec(t);
  if (brackets) {
    const [, open, inner = '', close] = brackets;
    if ((open === '(') !== (close === ')')) {
      return { ok: false, message: `Expected matching brackets, ( ) or [ ]; got ${quote(raw)}, which opens with ${open} and closes with ${close}.` };
    }
    t = inner.trim();
  } else if (/[()[\]]/.test(t)) {
    return { ok: false, message: `Expected ${SHAPE_EXAMPLE}; got ${quote(raw)}, whose brackets do not match.` };
  }
  if (t === '') return { ok: true, value: [] };
  const separator = t.includes(',') ? /\s*,\s*/ : /[x×*]/i.test(t) ? /\s*[x×*]\s*/i : /\s+/;
  const parts = t.split(separator);
  // (7,) is a tuple of one: its trailing comma is Python's, not a missing size.
  if (brackets && parts.length > 1 && parts.at(-1) === '') parts.pop();
  const sizes: number[] = [];
  for (const [i, part] of parts.entries()) {
    const trimmed = part.trim();
    if (!/^\d+$/.test(trimmed)) {
      const what = trimmed === '' ? 'nothing' : `"${trimmed}"`;
      return { ok: false, message: `Expected each size to be a whole number ≥ 0; got ${what} as size ${i + 1} of ${quote(raw)}.` };
    }
    sizes.push(Number(trimmed));
  }
  return { ok: true, value: sizes };
}

/** A shape written as PyTorch prints a tuple: (5, 3, 40), (7,), (). */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}
