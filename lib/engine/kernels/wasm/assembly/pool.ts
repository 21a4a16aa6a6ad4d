// AssemblyScript. Max pooling (NCHW, float32) in the loop order of kernels/pool.ts: for each kernel
// offset (kh, kw), each output (oh, ow) meets input (oh sh + kh dh - ph, ow sw + kw dw - pw), so the
// innermost loop runs along a row, four outputs at a time when the stride is 1 or 2.

import { Geometry, span } from './conv';

/**
 * y (N, C, OH, OW) = max over each window of x (N, C, H, W), and argmax = the flat index in x of
 * each maximum. The first maximum wins and NaN wins and stays (as in PyTorch); a window wholly in
 * the padding keeps -Infinity and index -1. Comparisons are selects, never branches.
 */
export function maxPool2d(geo: usize, x: usize, y: usize, argmax: usize): void {
  const g = changetype<Geometry>(geo);
  const outputs = g.N * g.C * g.OH * g.OW;
  const minusInf = f32x4.splat(-Infinity), none = i32x4.splat(-1);
  let o = 0;
  for (; o + 4 <= outputs; o += 4) {
    v128.store(y + (<usize>o << 2), minusInf);
    v128.store(argmax + (<usize>o << 2), none);
  }
  for (; o < outputs; o++) {
    store<f32>(y + (<usize>o << 2), -Infinity);
    store<i32>(argmax + (<usize>o << 2), -1);
  }
  // Each lane's offset in x from the first of four outputs, computed once (a v128 constant used in
  // the loop may be materialised again at each use).
  const offsets = i32x4.mul(i32x4(0, 1, 2, 3), i32x4.splat(g.sw)), zero = i32x4.splat(0);
  for (let p = 0; p < g.N * g.C; p++) {
    for (let kh = 0; kh < g.KH; kh++) {
      for (let kw = 0; kw < g.KW; kw++) {
        const shift = kw * g.dw - g.pw;
        const bounds = span(g.OW, g.W, g.sw, shift);
        const lo = <i32>(bounds >> 32), hi = <i32>bounds;
        for (let oh = 0; oh < g.OH; oh++) {
          const ih = oh * g.sh + kh * g.dh - g.ph;
          if (ih < 0 || ih >= g.H) continue;
          const xr = (p * g.H + ih) * g.W + shift; // x index of output column 0
          const yr = (p * g.OH + oh) * g.OW;
          let ow = lo;
          if (g.sw <= 2) {
            for (; ow + 4 <= hi; ow += 4) {
              const i = xr + ow * g.sw;
              const from = x + (<usize>i << 2);
              // Four inputs at stride 1, or the even lanes of eight at stride 2.
              const v = g.sw == 1 ? v128.load(from) : i32x4.shuffle(v128.load(from), v128.load(from, 16), 0, 2, 4, 6);
              const to = <usize>(yr + ow) << 2;
              const best = v128.load(y + to), at = v128.load(argmax + to);
              const better = v128.or(
                v128.or(f32x4.gt(v, best), i32x4.lt_s(at, zero)),
                v128.and(f32x4.ne(v, v), f32x4.eq(best, best)),
              );
              v128.store(y + to, v128.bitselect(v, best, better));
              v128.store(argmax + to, v128.bitselect(i32x4.add(i32x4.splat(i), offsets), at, better));
            }
          }
          for (; ow < hi; ow++) {
            const i = xr + ow * g.sw;
            const v = load<f32>(x + (<usize>i << 2));
            const to = <usize>(yr + ow) << 2;
            const best = load<f32>(y + to), at = load<i32>(argmax + to);
            const better = v > best || at < 0 || (v != v && best == best);
            store<f32>(y + to, select<f32>(v, best, better));
            store<i32>(argmax + to, select<i32>(i, at, better));
          }
        }
      }
    }
  }
}

/** dx (n floats, zeroed by the caller) += dy scattered to where each maximum came from (none where argmax is -1). */
export function maxPoolGrad(dy: usize, argmax: usize, outputs: i32, dx: usize): void {
  for (let o = 0; o < outputs; o++) {
    const i = load<i32>(argmax + (<usize>o << 2));
    if (i >= 0) {
      const at = dx + (<usize>i << 2);
      store<f32>(at, load<f32>(at) + load<f32>(dy + (<usize>o << 2)));
    }
  }
}
