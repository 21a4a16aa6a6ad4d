/**
 * Softmax as PyTorch computes it by default: in float32, by the engine. The softmax widget shows
 * these numbers; lib/course/activations/softmax.ts (float64, plain loops) is the reference they are tested
 * against, with values from real PyTorch 1.13 for where float32 overflows.
 */
import { tensor } from '../../engine';

/** The largest finite float32, (2 − 2⁻²³)·2¹²⁷ ≈ 3.4 × 10³⁸. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** ln FLOAT32_MAX ≈ 88.72: in float32, e^x overflows to ∞ for every x above this. */
export const FLOAT32_EXP_LIMIT = Math.log(FLOAT32_MAX);

/** What the softmax widget shows for one setting, every number a float32. */
export interface SoftmaxColumns {
  /** z + c, as the float32 tensor holds it (1000.1 becomes 1000.0999755859375). */
  shifted: number[];
  /** softmax((z + c) / T), computed stably (the engine subtracts the largest logit, as PyTorch does). */
  stable: number[];
  /** softmax(z / T) without the shift c, to show that c changes nothing beyond rounding. */
  unshifted: number[];
  /** e^((z + c)/T) / Σ e^((z + c)/T) straight from the formula: NaN once an exponential overflows. */
  naive: number[];
  /** The largest exponent (z + c)/T, which decides whether the formula overflows. */
  largestExponent: number;
}

/** The widget's columns for logits z, a shift c and a temperature T, in float32 as torch.tensor(z) would hold them. */
export function softmaxColumns(logits: readonly number[], shift: number, temperature: number): SoftmaxColumns {
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`softmaxColumns: expected a positive, finite temperature, got ${temperature}`);
  }
  const z = tensor([...logits]).add(shift); // torch.tensor(z) + c
  const scaled = z.div(temperature);
  const e = scaled.exp();
  return {
    shifted: [...z.data],
    stable: [...scaled.softmax(0).data],
    unshifted: [...tensor([...logits]).div(temperature).softmax(0).data],
    naive: [...e.div(e.sum()).data],
    largestExponent: scaled.max().item(),
  };
}
