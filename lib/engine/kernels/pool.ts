/** 2-D pooling (NCHW) as direct loops. The channel plays no part: F = C in the geometry. */
import { Tensor } from '../tensor';
import { allocate, type Data } from '../storage';
import type { Geometry } from './conv';

/**
 * Visits every window: calls `visit(o, i)` for output element o and each input element i inside
 * its window (padding excluded). Used by the backward passes, where the per-call cost is acceptable.
 */
function windows(g: Geometry, visit: (o: number, i: number) => void): void {
  const { N, C, H, W, KH, KW, OH, OW, sh, sw, ph, pw, dh, dw } = g;
  for (let p = 0; p < N * C; p++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const o = (p * OH + oh) * OW + ow;
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * sh + kh * dh - ph;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * sw + kw * dw - pw;
            if (iw >= 0 && iw < W) visit(o, (p * H + ih) * W + iw);
          }
        }
      }
    }
  }
}

/** Max over each window of x (N, C, H, W), and the flat input index each maximum came from. */
export function maxPool2d(x: Tensor, g: Geometry): { out: Tensor; argmax: Int32Array } {
  const size = g.N * g.C * g.OH * g.OW;
  const out = allocate(x.dtype, size).fill(-Infinity);
  const argmax = new Int32Array(size).fill(-1);
  const src = x.data;
  windows(g, (o, i) => {
    const v = src[i]!;
    if (v > out[o]! || (v !== v && out[o] === out[o])) {
      out[o] = v;
      argmax[o] = i;
    }
  });
  return { out: new Tensor(out, [g.N, g.C, g.OH, g.OW]), argmax };
}

/** Gradient of maxPool2d: each dy element goes back to the input element that was the maximum. */
export function maxPool2dGrad(dy: Tensor, argmax: Int32Array, g: Geometry): Tensor {
  const dx = allocate(dy.dtype, g.N * g.C * g.H * g.W);
  const src = dy.data;
  for (let o = 0; o < argmax.length; o++) {
    const i = argmax[o]!;
    if (i >= 0) dx[i] = dx[i]! + src[o]!;
  }
  return new Tensor(dx, [g.N, g.C, g.H, g.W]);
}

/** Mean over each window of x (N, C, H, W); padding counts as zeros (PyTorch's count_include_pad). */
export function avgPool2d(x: Tensor, g: Geometry): Tensor {
  const out = allocate(x.dtype, g.N * g.C * g.OH * g.OW);
  const src = x.data;
  windows(g, (o, i) => {
    out[o] = out[o]! + src[i]!;
  });
  scale(out, 1 / (g.KH * g.KW));
  return new Tensor(out, [g.N, g.C, g.OH, g.OW]);
}

/** Gradient of avgPool2d: each dy element spread evenly over its window. */
export function avgPool2dGrad(dy: Tensor, g: Geometry): Tensor {
  const dx = allocate(dy.dtype, g.N * g.C * g.H * g.W);
  const src = dy.data;
  const k = 1 / (g.KH * g.KW);
  windows(g, (o, i) => {
    dx[i] = dx[i]! + src[o]! * k;
  });
  return new Tensor(dx, [g.N, g.C, g.H, g.W]);
}

function scale(data: Data, k: number): void {
  for (let i = 0; i < data.length; i++) data[i] = data[i]! * k;
}
