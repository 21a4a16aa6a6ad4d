/** Independent references for the engine's tests: convolution as textbook loops, and a gradient check against them. */
import type { Tensor } from '../tensor';

/** Geometry of referenceConv: one stride, padding per side, dilation (one or [height, width]), groups. */
export interface ReferenceConvOptions {
  readonly stride?: number;
  /** Zeros added [top, bottom, left, right]. */
  readonly pads?: readonly [number, number, number, number];
  readonly dilation?: number | readonly [number, number];
  readonly groups?: number;
}

/**
 * conv2d as the textbook's seven loops, in float64, for x (N, C, H, W) and w (F, C / groups, KH, KW):
 * output channel f sees input channels of its group only. Returns the flat output and its shape.
 */
export function referenceConv(x: Tensor, w: Tensor, options: ReferenceConvOptions = {}): { data: Float64Array; shape: number[] } {
  const { stride = 1, pads = [0, 0, 0, 0], dilation = 1, groups = 1 } = options;
  const [dh, dw] = typeof dilation === 'number' ? [dilation, dilation] : dilation;
  const [top, bottom, left, right] = pads;
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const [F, Cg, KH, KW] = w.shape as [number, number, number, number];
  const Fg = F / groups;
  const OH = Math.floor((H + top + bottom - dh * (KH - 1) - 1) / stride) + 1;
  const OW = Math.floor((W + left + right - dw * (KW - 1) - 1) / stride) + 1;
  const out = new Float64Array(N * F * OH * OW);
  for (let n = 0; n < N; n++)
    for (let f = 0; f < F; f++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++) {
          let s = 0;
          for (let c = 0; c < Cg; c++)
            for (let kh = 0; kh < KH; kh++)
              for (let kw = 0; kw < KW; kw++) {
                const ih = oh * stride + kh * dh - top;
                const iw = ow * stride + kw * dw - left;
                const channel = Math.floor(f / Fg) * Cg + c;
                if (ih >= 0 && ih < H && iw >= 0 && iw < W) s += w.data[((f * Cg + c) * KH + kh) * KW + kw]! * x.data[((n * C + channel) * H + ih) * W + iw]!;
              }
          out[((n * F + f) * OH + oh) * OW + ow] = s;
        }
  return { data: out, shape: [N, F, OH, OW] };
}

/**
 * ‖t.grad − numeric‖ / ‖numeric‖, numeric being central differences of loss() in each element of t
 * (t's data is perturbed in place and restored).
 */
export function gradientError(t: Tensor, loss: () => number): number {
  let diff = 0;
  let norm = 0;
  t.data.forEach((saved, i) => {
    t.data[i] = saved + 1e-6;
    const up = loss();
    t.data[i] = saved - 1e-6;
    const down = loss();
    t.data[i] = saved;
    const numeric = (up - down) / 2e-6;
    diff += (t.grad!.data[i]! - numeric) ** 2;
    norm += numeric ** 2;
  });
  return Math.sqrt(diff / norm);
}
