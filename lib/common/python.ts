/**
 * Python's spelling of values, so that messages and code we show read exactly as Python and
 * PyTorch print them: floats as repr() writes them ("0.5", "1.0", "1e-05"), ints, strings with
 * Python's quotes and escapes, None, booleans, tuples "(2, 3, 20)" and lists "[1, 3, 20]".
 * Checked against CPython's own repr() on thousands of values (python.node.test.ts).
 */

/** A value a Python expression evaluates to, as the importers read them (ints and floats apart). */
export type PythonValue =
  | { readonly kind: 'number'; readonly value: number; readonly isInt: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'tuple'; readonly items: readonly PythonValue[] };

/** repr() of any PythonValue: 3, 0.5, 1e-05, 'same', None, True, (3,), (3, 3). */
export function pythonRepr(value: PythonValue): string {
  switch (value.kind) {
    case 'number':
      return value.isInt ? pythonInt(value.value) : pythonFloat(value.value);
    case 'string':
      return pythonStr(value.value);
    case 'bool':
      return pythonBool(value.value);
    case 'none':
      return 'None';
    case 'tuple':
      return `(${value.items.map(pythonRepr).join(', ')}${value.items.length === 1 ? ',' : ''})`;
  }
}

/** A tuple as Python prints it: "(2, 3, 20)", "(5,)" for one element, "()" for none. */
export function pythonTuple(values: readonly number[]): string {
  return values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;
}

/** A list as Python prints it: "[1, 3, 20]". */
export function pythonList(values: readonly number[]): string {
  return `[${values.join(', ')}]`;
}

/** True or False. */
export function pythonBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** An int as Python prints it, every digit written out (1e21 is "1000000000000000000000"). */
export function pythonInt(value: number): string {
  if (!Number.isInteger(value)) throw new RangeError(`pythonInt: expected a whole number, got ${value}`);
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

/**
 * repr() of a Python float: the shortest digits that read back as the same double (JavaScript
 * and CPython both choose them so, ties to the closer decimal), positional for decimal exponents
 * from −5 to 15 and scientific with at least two exponent digits otherwise ("1e-05", "1e+16");
 * whole numbers keep ".0"; "nan", "inf", "-inf", "-0.0".
 */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const point = exponent + 1; // digits before the decimal point
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = `${digits}${'0'.repeat(point - digits.length)}.0`;
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${text}` : text;
}

/**
 * A float as Python source that evaluates to it: repr() for finite values ("1e-05", "-0.0"), and
 * "float('inf')", "float('-inf')", "float('nan')" where repr()'s "inf" would be an unknown name.
 */
export function pythonFloatLiteral(value: number): string {
  return Number.isFinite(value) ? pythonFloat(value) : `float('${pythonFloat(value)}')`;
}

/** Characters str.isprintable() refuses: Unicode's Other and Separator categories, the space excepted. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function hexEscape(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/**
 * repr() of a Python str: single quotes unless the text has a single quote and no double one;
 * backslash, tab, newline and carriage return escaped, and every character that is not printable
 * written as \xhh, \uhhhh or \Uhhhhhhhh ("'it\\'s'" is never produced: "it's" gives "\"it's\"").
 */
export function pythonStr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === quote) out += `\\${char}`;
    else if (ESCAPES[char] !== undefined) out += ESCAPES[char];
    else if (char !== ' ' && NOT_PRINTABLE.test(char)) out += hexEscape(code);
    else out += char;
  }
  return out + quote;
}
