/**
 * Numbers as widgets show them to a reader: a true minus sign (−), powers of ten with superscript
 * exponents (4.50×10⁻⁵, never 4.5e-5), names for NaN and the infinities. The one place that writes
 * a number for display; Python's spelling for code is python.ts.
 */

const RAISED: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '-': '⁻', '−': '⁻', '.': '·', '+': '',
};

/** Digits, minus signs and points raised: "-9.3" gives "⁻⁹·³"; a plus sign is dropped. */
export function superscript(text: string): string {
  return [...text].map((c) => RAISED[c] ?? c).join('');
}

/** "10⁻⁵" for −5, "10³" for 3, "10⁻⁹·³" for −9.3 (the exponent is written as given). */
export function powerOfTen(exponent: number): string {
  return `10${superscript(String(exponent))}`;
}

/** The true minus sign for a leading hyphen-minus: "−1.5". */
const trueMinus = (text: string): string => text.replace(/^-/, '−');

/** NaN, ∞ and −∞ by name. */
function nonFinite(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '−∞';
}

/** A number in scientific notation with `significant` digits: "4.50×10⁻⁵" (trailing zeros kept). */
export function formatScientific(value: number, significant = 3): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  const [mantissa = '', exponent = '0'] = value.toExponential(Math.max(0, significant - 1)).split('e');
  return `${trueMinus(mantissa)}×${powerOfTen(Number(exponent))}`;
}

/**
 * A readout with `digits` decimals for ordinary sizes, and `digits` significant digits as a power of
 * ten when the value would round away (below 10^−digits) or is a million or more: "0.500", "4.50×10⁻⁵".
 */
export function formatValue(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 10 ** -digits || abs >= 1e6)) return formatScientific(value, Math.max(2, digits));
  return formatFixed(value, digits);
}

/** A number with fixed decimals and a true minus sign, never "−0.00". */
export function formatFixed(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : trueMinus(text);
}

/**
 * At most `digits` significant digits, trailing zeros dropped, as a power of ten from a million up
 * and below 10⁻⁴: "0.01235", "1199", "1.235×10⁶", "−1.234×10⁻⁵".
 */
export function formatSignificant(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  const rounded = Number(value.toPrecision(digits)) + 0; // + 0 turns −0 into 0
  const abs = Math.abs(rounded);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e6)) return formatScientific(rounded, digits).replace(/\.?0+×/, '×');
  return trueMinus(String(rounded));
}

/** Up to `digits` decimals, trailing zeros dropped, true minus sign: "0.25", "−3", "0.1111". */
export function formatDecimals(value: number, digits = 4): string {
  const text = formatFixed(value, digits);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
