// AssemblyScript. conv2d for one image (NCHW, float32) as im2col + gemm, like kernels/conv.ts.

import { gemm } from './gemm';
import { directForward, directWeightGrad, padImage, runsDirect } from './direct';

/** The sizes of one conv2d call, written by the JavaScript side in this field order (int32 each). */
@unmanaged
export class Geometry {
  N: i32; C: i32; H: i32; W: i32;
  F: i32; KH: i32; KW: i32; OH: i32; OW: i32;
  sh: i32; sw: i32; ph: i32; pw: i32; dh: i32; dw: i32;
  G: i32;
}

/** Output columns ow in [lo, hi) whose input column ow sw + shift lies inside a row of W. */
// @ts-ignore: decorator
@inline
export function span(OW: i32, W: i32, sw: i32, shift: i32): i64 {
  const lo = shift >= 0 ? 0 : min(OW, (sw - 1 - shift) / sw);
  const last = W - 1 - shift;
  const hi = last < 0 ? 0 : min(OW, last / sw + 1);
  return (<i64>lo << 32) | <i64>max(lo, hi);
}

/**
 * Copies channels c0 .. c0 + C / G of image x to the columns of cols ((C / G) KH KW rows, OH OW
 * columns), zeros where a window hangs over the edge ('gather', im2col); or adds cols back into x
 * ('scatter', col2im).
 */
function columns(scatter: bool, g: Geometry, x: usize, c0: i32, cols: usize): void {
  const Cg = g.C / g.G;
  const P = g.OH * g.OW;
  for (let c = 0; c < Cg; c++) {
    for (let kh = 0; kh < g.KH; kh++) {
      for (let kw = 0; kw < g.KW; kw++) {
        const shift = kw * g.dw - g.pw;
        const bounds = span(g.OW, g.W, g.sw, shift);
        const lo = <i32>(bounds >> 32), hi = <i32>bounds;
        const row = ((c * g.KH + kh) * g.KW + kw) * P;
        for (let oh = 0; oh < g.OH; oh++) {
          const ih = oh * g.sh + kh * g.dh - g.ph;
          const dst = cols + (<usize>(row + oh * g.OW) << 2);
          const inside = ih >= 0 && ih < g.H;
          const src = x + (<usize>(((c0 + c) * g.H + ih) * g.W + shift) << 2);
          if (scatter) {
            if (!inside) continue;
            for (let ow = lo; ow < hi; ow++) {
              const at = src + (<usize>(ow * g.sw) << 2);
              store<f32>(at, load<f32>(at) + load<f32>(dst + (<usize>ow << 2)));
            }
          } else if (!inside) {
            memory.fill(dst, 0, <usize>g.OW << 2);
          } else {
            memory.fill(dst, 0, <usize>lo << 2);
            if (g.sw == 1) memory.copy(dst + (<usize>lo << 2), src + (<usize>lo << 2), <usize>(hi - lo) << 2);
            else for (let ow = lo; ow < hi; ow++) store<f32>(dst + (<usize>ow << 2), load<f32>(src + (<usize>(ow * g.sw) << 2)));
            memory.fill(dst + (<usize>hi << 2), 0, <usize>(g.OW - hi) << 2);
          }
        }
      }
    }
  }
}

/** y = conv2d(x, w) (+ b) for one image: x (C, H, W), w (F, C / G, KH, KW), b (F) unless 0 == hasBias, y (F, OH, OW). */
export function conv2dImage(geo: usize, x: usize, w: usize, b: usize, hasBias: bool, y: usize, cols: usize, work: usize): void {
  const g = changetype<Geometry>(geo);
  const Fg = g.F / g.G, K = g.C / g.G * g.KH * g.KW, P = g.OH * g.OW;
  for (let f = 0; f < g.F; f++) {
    const row = y + (<usize>(f * P) << 2);
    if (hasBias) {
      const v = f32x4.splat(load<f32>(b + (<usize>f << 2)));
      let i = 0;
      for (; i + 4 <= P; i += 4) v128.store(row + (<usize>i << 2), v);
      for (; i < P; i++) store<f32>(row + (<usize>i << 2), f32x4.extract_lane(v, 0));
    } else {
      memory.fill(row, 0, <usize>P << 2);
    }
  }
  if (runsDirect(g)) {
    directForward(g, padImage(g, x, cols), w, y);
    return;
  }
  for (let group = 0; group < g.G; group++) {
    columns(false, g, x, group * (g.C / g.G), cols);
    gemm(Fg, P, K, w + (<usize>(group * Fg * K) << 2), K, 1, cols, P, 1, y + (<usize>(group * Fg * P) << 2), work);
  }
}

/** Adds the gradient with respect to x of one image into dx (C, H, W), given dy (F, OH, OW). */
export function conv2dInputGradImage(geo: usize, dy: usize, w: usize, dx: usize, cols: usize, work: usize): void {
  const g = changetype<Geometry>(geo);
  const Fg = g.F / g.G, K = g.C / g.G * g.KH * g.KW, P = g.OH * g.OW;
  for (let group = 0; group < g.G; group++) {
    memory.fill(cols, 0, <usize>(K * P) << 2);
    // cols = w_group^T dy_group: w read transposed through its strides.
    gemm(K, P, Fg, w + (<usize>(group * Fg * K) << 2), 1, K, dy + (<usize>(group * Fg * P) << 2), P, 1, cols, work);
    columns(true, g, dx, group * (g.C / g.G), cols);
  }
}

/** Adds one image's share of the gradient with respect to w into dw (F, C / G, KH, KW), given dy (F, OH, OW) and x (C, H, W). */
export function conv2dWeightGradImage(geo: usize, dy: usize, x: usize, dw: usize, cols: usize, work: usize): void {
  const g = changetype<Geometry>(geo);
  const Fg = g.F / g.G, K = g.C / g.G * g.KH * g.KW, P = g.OH * g.OW;
  if (runsDirect(g)) {
    directWeightGrad(g, dy, padImage(g, x, cols), dw);
    return;
  }
  for (let group = 0; group < g.G; group++) {
    columns(false, g, x, group * (g.C / g.G), cols);
    // dw_group += dy_group cols^T: cols read transposed through its strides.
    gemm(Fg, K, P, dy + (<usize>(group * Fg * P) << 2), P, 1, cols, 1, P, dw + (<usize>(group * Fg * K) << 2), work);
  }
}
