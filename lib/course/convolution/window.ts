/**
 * One output cell of a convolution, taken apart: every product of a weight and the input value
 * under it, the sum per input channel, the bias and the total. This is what the widget's
 * step-through shows; its total must equal the engine's output at that cell (tested).
 *
 *   y[f, i, j] = b[f] + Σ_c Σ_u Σ_v w[f, c, u, v] · x[c, s·i + d·u − p, s·j + d·v − p]
 *
 * with x = 0 outside the image (zero padding).
 */
import { pixel, type Picture } from './picture';

/** Kernel size, stride, padding and dilation of a square convolution. */
export interface ConvSpec {
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;
}

/** One weight times the input value under it. */
export interface Term {
  /** Kernel row and column. */
  readonly u: number;
  readonly v: number;
  /** Input row and column the weight lands on (outside the image when it is padding). */
  readonly row: number;
  readonly col: number;
  /** Whether (row, col) is inside the image; outside, x is the padding value 0. */
  readonly inside: boolean;
  readonly x: number;
  readonly w: number;
  readonly product: number;
}

/** The k × k terms of one input channel and their sum. */
export interface ChannelTerms {
  readonly channel: number;
  readonly terms: readonly Term[];
  readonly sum: number;
}

/** Everything that makes output cell (filter, row, col). */
export interface WindowBreakdown {
  readonly filter: number;
  readonly row: number;
  readonly col: number;
  readonly channels: readonly ChannelTerms[];
  readonly bias: number;
  /** Σ channel sums + bias. */
  readonly total: number;
}

/** Where the window of output cell (i, j) starts in the unpadded input: (s·i − p, s·j − p). */
export function windowOrigin(spec: ConvSpec, i: number, j: number): { row: number; col: number } {
  return { row: spec.stride * i - spec.padding, col: spec.stride * j - spec.padding };
}

/**
 * The products, channel sums and total for output cell (filter, i, j). `weights` is laid out
 * (C_out, C_in, k, k) and `bias` has C_out entries.
 */
export function windowBreakdown(
  input: Picture,
  weights: ArrayLike<number>,
  bias: ArrayLike<number>,
  spec: ConvSpec,
  filter: number,
  i: number,
  j: number,
): WindowBreakdown {
  const { kernel: k, dilation: d } = spec;
  const origin = windowOrigin(spec, i, j);
  const channels: ChannelTerms[] = [];
  let total = 0;
  for (let c = 0; c < input.channels; c++) {
    const terms: Term[] = [];
    let sum = 0;
    for (let u = 0; u < k; u++) {
      for (let v = 0; v < k; v++) {
        const row = origin.row + d * u;
        const col = origin.col + d * v;
        const inside = row >= 0 && row < input.height && col >= 0 && col < input.width;
        const x = pixel(input, c, row, col);
        const w = weights[((filter * input.channels + c) * k + u) * k + v] ?? NaN;
        const product = w * x;
        sum += product;
        terms.push({ u, v, row, col, inside, x, w, product });
      }
    }
    channels.push({ channel: c, terms, sum });
    total += sum;
  }
  const b = bias[filter] ?? NaN;
  return { filter, row: i, col: j, channels, bias: b, total: total + b };
}
