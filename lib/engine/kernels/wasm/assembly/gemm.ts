// AssemblyScript. C[M x N] += op(A)[M x K] op(B)[K x N] in float32 with 128-bit SIMD.
// Pointers are byte offsets into this module's memory; strides count elements.

const MR = 4;
const NR = 8;
const KC = 256;
const MC = 128;

export function gemmWorkBytes(M: i32, N: i32, K: i32): i32 {
  const kc = min(K, KC);
  const npad = (N + NR - 1) / NR * NR;
  const mc = (min(M, MC) + MR - 1) / MR * MR;
  return (kc * npad + mc * kc + MR * NR) * 4;
}

function packB(b: usize, rs: i32, cs: i32, kc: i32, n: i32, dst: usize): void {
  for (let j0 = 0; j0 < n; j0 += NR) {
    const nr = min(NR, n - j0);
    for (let k = 0; k < kc; k++) {
      const src = b + (<usize>(k * rs + j0 * cs) << 2);
      if (nr == NR && cs == 1) {
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
      } else {
        for (let l = 0; l < NR; l++) store<f32>(dst + (<usize>l << 2), l < nr ? load<f32>(src + (<usize>(l * cs) << 2)) : 0);
      }
      dst += NR * 4;
    }
  }
}

function packA(a: usize, rs: i32, cs: i32, mc: i32, kc: i32, dst: usize): void {
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const mr = min(MR, mc - i0);
    for (let k = 0; k < kc; k++) {
      const src = a + (<usize>(i0 * rs + k * cs) << 2);
      for (let r = 0; r < MR; r++) store<f32>(dst + (<usize>r << 2), r < mr ? load<f32>(src + (<usize>(r * rs) << 2)) : 0);
      dst += MR * 4;
    }
  }
}

// @ts-ignore: decorator
@inline
function kernel(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize): void {
  const c1 = c + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
  let x0 = v128.load(c), y0 = v128.load(c, 16);
  let x1 = v128.load(c1), y1 = v128.load(c1, 16);
  let x2 = v128.load(c2), y2 = v128.load(c2, 16);
  let x3 = v128.load(c3), y3 = v128.load(c3, 16);
  for (let k = 0; k < kc; k++) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    x0 = f32x4.add(x0, f32x4.mul(a, b0)); y0 = f32x4.add(y0, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 4);
    x1 = f32x4.add(x1, f32x4.mul(a, b0)); y1 = f32x4.add(y1, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 8);
    x2 = f32x4.add(x2, f32x4.mul(a, b0)); y2 = f32x4.add(y2, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 12);
    x3 = f32x4.add(x3, f32x4.mul(a, b0)); y3 = f32x4.add(y3, f32x4.mul(a, b1));
    pa += MR * 4;
    pb += NR * 4;
  }
  v128.store(c, x0); v128.store(c, y0, 16);
  v128.store(c1, x1); v128.store(c1, y1, 16);
  v128.store(c2, x2); v128.store(c2, y2, 16);
  v128.store(c3, x3); v128.store(c3, y3, 16);
}

export function gemm(M: i32, N: i32, K: i32, a: usize, aRow: i32, aCol: i32, b: usize, bRow: i32, bCol: i32, c: usize, work: usize): void {
  const kcMax = min(K, KC);
  const npad = (N + NR - 1) / NR * NR;
  const packedB = work;
  const packedA = packedB + (<usize>(kcMax * npad) << 2);
  const mcPad = (min(M, MC) + MR - 1) / MR * MR;
  const tile = packedA + (<usize>(mcPad * kcMax) << 2);
  const ldc = <usize>N << 2;
  for (let pc = 0; pc < K; pc += KC) {
    const kc = min(KC, K - pc);
    packB(b + (<usize>(pc * bRow) << 2), bRow, bCol, kc, N, packedB);
    for (let ic = 0; ic < M; ic += MC) {
      const mc = min(MC, M - ic);
      packA(a + (<usize>(ic * aRow + pc * aCol) << 2), aRow, aCol, mc, kc, packedA);
      for (let jr = 0; jr < N; jr += NR) {
        const nr = min(NR, N - jr);
        const pb = packedB + (<usize>(jr * kc) << 2);
        for (let ir = 0; ir < mc; ir += MR) {
          const mr = min(MR, mc - ir);
          const pa = packedA + (<usize>(ir * kc) << 2);
          const ct = c + (<usize>((ic + ir) * N + jr) << 2);
          if (mr == MR && nr == NR) {
            kernel(kc, pa, pb, ct, ldc);
          } else {
            // An edge tile: run the full kernel on a copy padded with zeros, keep the valid part.
            for (let r = 0; r < MR; r++) for (let l = 0; l < NR; l++) {
              store<f32>(tile + (<usize>(r * NR + l) << 2), r < mr && l < nr ? load<f32>(ct + (<usize>(r * N + l) << 2)) : 0);
            }
            kernel(kc, pa, pb, tile, NR * 4);
            for (let r = 0; r < mr; r++) for (let l = 0; l < nr; l++) {
              store<f32>(ct + (<usize>(r * N + l) << 2), load<f32>(tile + (<usize>(r * NR + l) << 2)));
            }
          }
        }
      }
    }
  }
}
