/** Sentences that put training numbers into words, for readouts and screen readers. */
import { powerOfTen } from '../../common';

/**
 * How the first watched layer's gradient compares with the last's, naming both exactly as the
 * model names them (the bars print the same names): "layer 1's gradient is 10⁻⁹·³ times output's"
 * (exponent to one decimal), or "about the same size as" within a factor of 2.
 */
export function describeGradientRatio(names: readonly string[], norms: ArrayLike<number>): string {
  const first = norms[0] ?? NaN;
  const last = norms[norms.length - 1] ?? NaN;
  const a = names[0] ?? 'the first layer';
  const b = names[names.length - 1] ?? 'the last layer';
  if (!Number.isFinite(first) || !Number.isFinite(last)) return `${a}'s or ${b}'s gradient is not a finite number`;
  if (last === 0) return `${b}'s gradient is exactly zero`;
  if (first === 0) return `${a}'s gradient is exactly zero: no signal reaches it`;
  const exponent = Math.log10(first / last);
  if (Math.abs(exponent) < Math.log10(2)) return `${a}'s gradient is about the same size as ${b}'s`;
  return `${a}'s gradient is ${powerOfTen(Math.round(exponent * 10) / 10)} times ${b}'s`;
}

function nonFinite(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '−Infinity';
}

/**
 * The message shown when a run stops because the loss, or else the gradient norm, left the real
 * numbers: "Loss became NaN at step 3: training stopped."
 */
export function describeDivergence(step: number, loss: number, norm = NaN): string {
  if (!Number.isFinite(loss)) return `Loss became ${nonFinite(loss)} at step ${step}: training stopped.`;
  return `The gradient norm became ${nonFinite(norm)} at step ${step}: training stopped.`;
}
