/**
 * 2-D convolution (NCHW) as im2col + matrix products: each image's receptive fields are copied
 * into the columns of a (C kH kW) x (OH OW) matrix, so the arithmetic runs in the gemm loop.
 * A grouped convolution does this once per group, on the group's C / G input channels and with
 * its F / G filters.
 */
import { Tensor } from '../tensor';
import { allocate, promote, type Data } from '../storage';
import { gemm, gemmNT } from './matmul';
import { wasmKernels } from './wasm/instance';
import { wasmConv2d, wasmConv2dInputGrad, wasmConv2dWeightGrad } from './wasm/calls';

/**
 * Multiply-adds from which a float32 conv2d pass runs in WebAssembly (kernels/wasm) when the
 * kernel backend is 'auto' (measured with bench/crossover.ts).
 */
export const WASM_CONV_MIN = 32768;

/** Multiply-adds of one conv2d pass: N F OH OW (C / G) KH KW. */
function macs(g: Geometry): number {
  return g.N * g.F * g.OH * g.OW * (g.C / g.G) * g.KH * g.KW;
}

/**
 * Sizes of one conv2d or pooling call: input (N, C, H, W), kernel (KH, KW), output (N, F, OH, OW),
 * G groups (each output channel sees C / G input channels; 1 for pooling).
 */
export interface Geometry {
  readonly N: number; readonly C: number; readonly H: number; readonly W: number;
  readonly F: number; readonly KH: number; readonly KW: number; readonly OH: number; readonly OW: number;
  readonly sh: number; readonly sw: number; readonly ph: number; readonly pw: number; readonly dh: number; readonly dw: number;
  readonly G: number;
}

/**
 * Moves image n of x, channels c0 to c0 + C / G (one group), to or from its column matrix: row
 * (c, kh, kw), column (oh, ow) of cols is x[n, c0 + c, oh sh + kh dh - ph, ow sw + kw dw - pw], 0
 * outside the image. 'gather' fills cols (im2col); 'scatter' adds cols back into x (col2im, where
 * overlapping windows sum).
 */
function columns(mode: 'gather' | 'scatter', g: Geometry, x: Data, n: number, c0: number, cols: Data): void {
  const { C, H, W, KH, KW, OH, OW, sh, sw, ph, pw, dh, dw, G } = g;
  const Cg = C / G;
  for (let c = 0; c < Cg; c++) {
    for (let kh = 0; kh < KH; kh++) {
      for (let kw = 0; kw < KW; kw++) {
        const shift = kw * dw - pw;
        // Output columns whose input column ow sw + shift lies inside the image.
        const lo = Math.min(OW, Math.max(0, Math.ceil(-shift / sw)));
        const hi = Math.max(lo, Math.min(OW, Math.floor((W - 1 - shift) / sw) + 1));
        const row = ((c * KH + kh) * KW + kw) * OH * OW;
        for (let oh = 0; oh < OH; oh++) {
          const ih = oh * sh + kh * dh - ph;
          if (ih < 0 || ih >= H) continue;
          const xr = ((n * C + c0 + c) * H + ih) * W + shift;
          const cr = row + oh * OW;
          if (mode === 'gather') for (let ow = lo; ow < hi; ow++) cols[cr + ow] = x[xr + ow * sw]!;
          else for (let ow = lo; ow < hi; ow++) x[xr + ow * sw] = x[xr + ow * sw]! + cols[cr + ow]!;
        }
      }
    }
  }
}

/** Per-group sizes: input channels Cg and filters Fg per group, K = Cg KH KW rows of cols, P = OH OW columns. */
function groupSizes(g: Geometry): { Cg: number; Fg: number; K: number; P: number } {
  const Cg = g.C / g.G;
  return { Cg, Fg: g.F / g.G, K: Cg * g.KH * g.KW, P: g.OH * g.OW };
}

/** y = conv2d(x, w) + b for x (N, C, H, W), w (F, C / G, KH, KW), b (F): y is (N, F, OH, OW). */
export function conv2d(x: Tensor, w: Tensor, b: Tensor | null, g: Geometry): Tensor {
  const dtype = promote(x.dtype, w.dtype);
  const wasm = wasmKernels(dtype, macs(g), WASM_CONV_MIN);
  if (wasm !== null) return new Tensor(wasmConv2d(wasm, x.data as Float32Array, w.data as Float32Array, b === null ? null : (b.data as Float32Array), g), [g.N, g.F, g.OH, g.OW]);
  const { Cg, Fg, K, P } = groupSizes(g);
  const y = allocate(dtype, g.N * g.F * P);
  const cols = allocate(x.dtype, K * P);
  const padded = g.ph > 0 || g.pw > 0;
  for (let n = 0; n < g.N; n++) {
    if (b !== null) for (let f = 0; f < g.F; f++) y.fill(b.data[f]!, (n * g.F + f) * P, (n * g.F + f + 1) * P);
    for (let group = 0; group < g.G; group++) {
      if (padded && (n > 0 || group > 0)) cols.fill(0);
      columns('gather', g, x.data, n, group * Cg, cols);
      gemm(w.data, group * Fg * K, K, 1, cols, 0, y, (n * g.F + group * Fg) * P, Fg, K, P);
    }
  }
  return new Tensor(y, [g.N, g.F, g.OH, g.OW]);
}

/** Gradient of conv2d with respect to its input x, given dy (N, F, OH, OW). */
export function conv2dInputGrad(dy: Tensor, w: Tensor, g: Geometry): Tensor {
  const wasm = wasmKernels(promote(dy.dtype, w.dtype), macs(g), WASM_CONV_MIN);
  if (wasm !== null) return new Tensor(wasmConv2dInputGrad(wasm, dy.data as Float32Array, w.data as Float32Array, g), [g.N, g.C, g.H, g.W]);
  const { Cg, Fg, K, P } = groupSizes(g);
  const dx = allocate(dy.dtype, g.N * g.C * g.H * g.W);
  const cols = allocate(dy.dtype, K * P);
  for (let n = 0; n < g.N; n++) {
    for (let group = 0; group < g.G; group++) {
      if (n > 0 || group > 0) cols.fill(0);
      gemm(w.data, group * Fg * K, 1, K, dy.data, (n * g.F + group * Fg) * P, cols, 0, K, Fg, P); // w_group^T dy[n, group]
      columns('scatter', g, dx, n, group * Cg, cols);
    }
  }
  return new Tensor(dx, [g.N, g.C, g.H, g.W]);
}

/** Gradient of conv2d with respect to its weight w, given dy (N, F, OH, OW) and the input x. */
export function conv2dWeightGrad(dy: Tensor, x: Tensor, g: Geometry): Tensor {
  const wasm = wasmKernels(promote(dy.dtype, x.dtype), macs(g), WASM_CONV_MIN);
  if (wasm !== null) return new Tensor(wasmConv2dWeightGrad(wasm, dy.data as Float32Array, x.data as Float32Array, g), [g.F, g.C / g.G, g.KH, g.KW]);
  const { Cg, Fg, K, P } = groupSizes(g);
  const dw = allocate(dy.dtype, g.F * K);
  const cols = allocate(x.dtype, K * P);
  const padded = g.ph > 0 || g.pw > 0;
  for (let n = 0; n < g.N; n++) {
    for (let group = 0; group < g.G; group++) {
      if (padded && (n > 0 || group > 0)) cols.fill(0);
      columns('gather', g, x.data, n, group * Cg, cols);
      gemmNT(dy.data, (n * g.F + group * Fg) * P, cols, 0, dw, group * Fg * K, Fg, P, K); // dy[n, group] cols^T
    }
  }
  return new Tensor(dw, [g.F, Cg, g.KH, g.KW]);
}
