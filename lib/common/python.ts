/**
 * Python's spelling of values, so that messages and code we show read exactly as Python and
 * PyTorch print them: tuples "(2, 3, 20)", lists "[1, 3, 20]", floats "0.5" and "1.0", booleans.
 */

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

/**
 * repr() of a Python float: the shortest digits that round-trip (as JavaScript finds them), in
 * positional notation for exponents from −5 to 15 and scientific ("1e-05") otherwise; whole
 * numbers keep ".0".
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
