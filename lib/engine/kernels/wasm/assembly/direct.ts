// AssemblyScript. Direct convolution for the few-tap case: stride 1, no dilation, one group, and at
// most DIRECT_MAX_TAPS taps per output (C KH KW). There im2col + gemm loses: a gemm with K = 9 spends
// more on copying the column matrix twice (im2col, then packing) and on loading and storing its 4 x 8
// tiles than on the 9 multiply-adds per output. Here each output row is computed in place from the
// (padded) image, eight and then four outputs at a time.

import { Geometry } from './conv';

/** The most taps (C KH KW) a convolution may have to run directly: a first layer on RGB images with 3 x 3 kernels. */
export const DIRECT_MAX_TAPS = 27;

/** Whether conv2d with these sizes runs directly (the loops need output rows of at least eight). */
// @ts-ignore: decorator
@inline
export function runsDirect(g: Geometry): bool {
  return g.sh == 1 && g.sw == 1 && g.dh == 1 && g.dw == 1 && g.G == 1 && g.OW >= 8 && g.C * g.KH * g.KW <= DIRECT_MAX_TAPS;
}

/**
 * Image x (C, H, W) with ph zero rows above and below and pw zero columns left and right, written
 * at dst; returns dst, or x itself when there is no padding. dst must hold C (H + 2 ph) (W + 2 pw) floats.
 */
export function padImage(g: Geometry, x: usize, dst: usize): usize {
  if (g.ph == 0 && g.pw == 0) return x;
  const Hp = g.H + 2 * g.ph, Wp = g.W + 2 * g.pw;
  memory.fill(dst, 0, <usize>(g.C * Hp * Wp) << 2);
  for (let c = 0; c < g.C; c++) {
    for (let h = 0; h < g.H; h++) {
      const to = dst + (<usize>((c * Hp + h + g.ph) * Wp + g.pw) << 2);
      memory.copy(to, x + (<usize>((c * g.H + h) * g.W) << 2), <usize>g.W << 2);
    }
  }
  return dst;
}

/**
 * y (F, OH, OW) = bias + conv2d of the padded image xp (C, OH + KH - 1, OW + KW - 1) with w
 * (F, C, KH, KW); y holds the bias (or zeros) on entry. Four filters share each load of the image,
 * eight outputs at a time; a row's last eight start at OW - 8 and overlap the previous ones, which
 * they recompute to the same values (so no output is left to a slower loop).
 */
export function directForward(g: Geometry, xp: usize, w: usize, y: usize): void {
  const Wp = g.OW + g.KW - 1, Hp = g.OH + g.KH - 1, T = g.C * g.KH * g.KW, plane = g.OH * g.OW;
  let f = 0;
  for (; f + 4 <= g.F; f += 4) {
    const w0 = w + (<usize>(f * T) << 2), stride = <usize>T << 2;
    const y0 = y + (<usize>(f * plane) << 2), ystride = <usize>plane << 2;
    const b0 = v128.load32_splat(y0), b1 = v128.load32_splat(y0 + ystride);
    const b2 = v128.load32_splat(y0 + 2 * ystride), b3 = v128.load32_splat(y0 + 3 * ystride);
    for (let oh = 0; oh < g.OH; oh++) {
      for (let s = 0; s < g.OW; s += 8) {
        const ow = min(s, g.OW - 8);
        let p0 = b0, q0 = b0, p1 = b1, q1 = b1, p2 = b2, q2 = b2, p3 = b3, q3 = b3;
        let tap = w0;
        for (let c = 0; c < g.C; c++) {
          for (let kh = 0; kh < g.KH; kh++) {
            let src = xp + (<usize>((c * Hp + oh + kh) * Wp + ow) << 2);
            for (let kw = 0; kw < g.KW; kw++) {
              const u = v128.load(src), v = v128.load(src, 16);
              let k = v128.load32_splat(tap);
              p0 = f32x4.add(p0, f32x4.mul(k, u)); q0 = f32x4.add(q0, f32x4.mul(k, v));
              k = v128.load32_splat(tap + stride);
              p1 = f32x4.add(p1, f32x4.mul(k, u)); q1 = f32x4.add(q1, f32x4.mul(k, v));
              k = v128.load32_splat(tap + 2 * stride);
              p2 = f32x4.add(p2, f32x4.mul(k, u)); q2 = f32x4.add(q2, f32x4.mul(k, v));
              k = v128.load32_splat(tap + 3 * stride);
              p3 = f32x4.add(p3, f32x4.mul(k, u)); q3 = f32x4.add(q3, f32x4.mul(k, v));
              tap += 4;
              src += 4;
            }
          }
        }
        const out = y0 + (<usize>(oh * g.OW + ow) << 2);
        v128.store(out, p0); v128.store(out, q0, 16);
        v128.store(out + ystride, p1); v128.store(out + ystride, q1, 16);
        v128.store(out + 2 * ystride, p2); v128.store(out + 2 * ystride, q2, 16);
        v128.store(out + 3 * ystride, p3); v128.store(out + 3 * ystride, q3, 16);
      }
    }
  }
  // The filters left over: one at a time, eight outputs at a time.
  for (; f < g.F; f++) {
    const wf = w + (<usize>(f * T) << 2), yf = y + (<usize>(f * plane) << 2);
    const b0 = v128.load32_splat(yf);
    for (let oh = 0; oh < g.OH; oh++) {
      for (let s = 0; s < g.OW; s += 8) {
        const ow = min(s, g.OW - 8);
        let p0 = b0, q0 = b0;
        let tap = wf;
        for (let c = 0; c < g.C; c++) {
          for (let kh = 0; kh < g.KH; kh++) {
            let src = xp + (<usize>((c * Hp + oh + kh) * Wp + ow) << 2);
            for (let kw = 0; kw < g.KW; kw++) {
              const k = v128.load32_splat(tap);
              p0 = f32x4.add(p0, f32x4.mul(k, v128.load(src))); q0 = f32x4.add(q0, f32x4.mul(k, v128.load(src, 16)));
              tap += 4;
              src += 4;
            }
          }
        }
        const out = yf + (<usize>(oh * g.OW + ow) << 2);
        v128.store(out, p0); v128.store(out, q0, 16);
      }
    }
  }
}

/**
 * dw (F, C, KH, KW) += the weight gradient of one image: dy (F, OH, OW) against the padded image
 * xp. Four filters share each load of the image, four outputs at a time; a row's last four start
 * at OW - 4 and mask off the lanes already counted.
 */
export function directWeightGrad(g: Geometry, dy: usize, xp: usize, dw: usize): void {
  const Wp = g.OW + g.KW - 1, Hp = g.OH + g.KH - 1, T = g.C * g.KH * g.KW, plane = g.OH * g.OW;
  // Lanes of the overlapping last four that are new: the top OW % 4 of them.
  const fresh = g.OW & 3;
  const tail = i32x4.gt_s(i32x4(0, 1, 2, 3), i32x4.splat(3 - fresh));
  let f = 0;
  for (; f + 4 <= g.F; f += 4) {
    const d0 = dy + (<usize>(f * plane) << 2), dstride = <usize>plane << 2;
    for (let t = 0; t < T; t++) {
      const c = t / (g.KH * g.KW), kh = t / g.KW % g.KH, kw = t % g.KW;
      let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
      for (let oh = 0; oh < g.OH; oh++) {
        const d = d0 + (<usize>(oh * g.OW) << 2);
        const x = xp + (<usize>((c * Hp + oh + kh) * Wp + kw) << 2);
        let ow = 0;
        for (; ow + 4 <= g.OW; ow += 4) {
          const at = <usize>ow << 2;
          const v = v128.load(x + at), e = d + at;
          a0 = f32x4.add(a0, f32x4.mul(v128.load(e), v));
          a1 = f32x4.add(a1, f32x4.mul(v128.load(e + dstride), v));
          a2 = f32x4.add(a2, f32x4.mul(v128.load(e + 2 * dstride), v));
          a3 = f32x4.add(a3, f32x4.mul(v128.load(e + 3 * dstride), v));
        }
        if (fresh != 0) {
          const at = <usize>(g.OW - 4) << 2;
          const v = v128.and(v128.load(x + at), tail), e = d + at;
          a0 = f32x4.add(a0, f32x4.mul(v128.load(e), v));
          a1 = f32x4.add(a1, f32x4.mul(v128.load(e + dstride), v));
          a2 = f32x4.add(a2, f32x4.mul(v128.load(e + 2 * dstride), v));
          a3 = f32x4.add(a3, f32x4.mul(v128.load(e + 3 * dstride), v));
        }
      }
      const at = dw + (<usize>(f * T + t) << 2), tstride = <usize>T << 2;
      store<f32>(at, load<f32>(at) + sum(a0));
      store<f32>(at + tstride, load<f32>(at + tstride) + sum(a1));
      store<f32>(at + 2 * tstride, load<f32>(at + 2 * tstride) + sum(a2));
      store<f32>(at + 3 * tstride, load<f32>(at + 3 * tstride) + sum(a3));
    }
  }
  // The filters left over: one at a time.
  for (; f < g.F; f++) {
    const d0 = dy + (<usize>(f * plane) << 2);
    for (let t = 0; t < T; t++) {
      const c = t / (g.KH * g.KW), kh = t / g.KW % g.KH, kw = t % g.KW;
      let a0 = f32x4.splat(0);
      for (let oh = 0; oh < g.OH; oh++) {
        const d = d0 + (<usize>(oh * g.OW) << 2);
        const x = xp + (<usize>((c * Hp + oh + kh) * Wp + kw) << 2);
        let ow = 0;
        for (; ow + 4 <= g.OW; ow += 4) a0 = f32x4.add(a0, f32x4.mul(v128.load(d + (<usize>ow << 2)), v128.load(x + (<usize>ow << 2))));
        if (fresh != 0) {
          const at = <usize>(g.OW - 4) << 2;
          a0 = f32x4.add(a0, f32x4.mul(v128.load(d + at), v128.and(v128.load(x + at), tail)));
        }
      }
      const at = dw + (<usize>(f * T + t) << 2);
      store<f32>(at, load<f32>(at) + sum(a0));
    }
  }
}

/** The sum of a vector's four lanes. */
// @ts-ignore: decorator
@inline
function sum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}
