import { formatFixed } from '../widget-kit/format';

/** A number with up to `digits` decimals (4 by default), trailing zeros dropped, and a true minus sign ("0.25", "−3", "0.1111"). */
export function short(v: number, digits = 4): string {
  const text = formatFixed(v, digits);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
