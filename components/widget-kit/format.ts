const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '+': '',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * Formats a number for a readout: fixed decimals for ordinary sizes, "4.50×10⁻⁵" beyond them, a
 * true minus sign, and names for NaN and the infinities.
 */
export function formatValue(value: number, digits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 10 ** -digits || abs >= 1e6)) {
    const [mantissa = '', exponent = ''] = value.toExponential(Math.max(1, digits - 1)).split('e');
    const power = [...exponent].map((c) => SUPERSCRIPT[c] ?? c).join('');
    return `${mantissa.replace(/^-/, '−')}×10${power}`;
  }
  return formatFixed(value, digits);
}

/** Formats a number with fixed decimals and a true minus sign, never "−0.00". */
export function formatFixed(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return formatValue(value);
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text.replace(/^-/, '−');
}
