/** 2-D pooling (NCHW) as direct loops. The channel plays no part: F = C in the geometry. */
import { Tensor } from '../tensor';
import { allocate, type Data } from '../storage';
import type { Geometry } from './conv';
import { numel, type Shape } from '../shape';
import { wasmKernels } from './wasm/instance';
import { wasmMaxPool2d, wasmMaxPoolGrad } from './wasm/calls';

/**
 * Window elements (outputs times KH KW) from which a float32 max pooling runs in WebAssembly, and
 * outputs from which its gradient does, when the kernel backend is 'auto' (measured with
 * bench/crossover.ts).
 */
export const WASM_POOL_MIN = 16384;

type Mode = 'max' | 'avg' | 'avgGrad';

/**
 * The loop nest of every pooling pass: for each kernel offset (kh, kw), each output element (oh, ow)
 * meets input element (oh sh + kh dh - ph, ow sw + kw dw - pw) when that lies inside the image.
 * 'max' keeps the largest in y and where it was in argmax; 'avg' adds x into y; 'avgGrad' adds y
 * back into x. Offsets outermost keep the inner loop a plain walk along a row.
 */
function poolLoops(mode: Mode, g: Geometry, x: Data, y: Data, argmax: Int32Array): void {
  const { N, C, H, W, KH, KW, OH, OW, sh, sw, ph, pw, dh, dw } = g;
  for (let p = 0; p < N * C; p++) {
    for (let kh = 0; kh < KH; kh++) {
      for (let kw = 0; kw < KW; kw++) {
        const shift = kw * dw - pw;
        const lo = Math.min(OW, Math.max(0, Math.ceil(-shift / sw)));
        const hi = Math.max(lo, Math.min(OW, Math.floor((W - 1 - shift) / sw) + 1));
        for (let oh = 0; oh < OH; oh++) {
          const ih = oh * sh + kh * dh - ph;
          if (ih < 0 || ih >= H) continue;
          const xr = (p * H + ih) * W + shift;
          const yr = (p * OH + oh) * OW;
          switch (mode) {
            case 'max':
              for (let ow = lo; ow < hi; ow++) {
                const i = xr + ow * sw;
                const v = x[i]!;
                const best = y[yr + ow]!;
                const at = argmax[yr + ow]!;
                // The first maximum wins; NaN wins and stays (as in PyTorch). Selects, not an if:
                // V8 keeps them free of mispredicted branches (1.5x faster here).
                const better = v > best || at < 0 || (v !== v && best === best);
                y[yr + ow] = better ? v : best;
                argmax[yr + ow] = better ? i : at;
              }
              break;
            case 'avg': for (let ow = lo; ow < hi; ow++) y[yr + ow] = y[yr + ow]! + x[xr + ow * sw]!; break;
            case 'avgGrad': for (let ow = lo; ow < hi; ow++) x[xr + ow * sw] = x[xr + ow * sw]! + y[yr + ow]!; break;
          }
        }
      }
    }
  }
}

/**
 * Max over each window of x (N, C, H, W), and the flat input index each maximum came from. A window
 * that dilation places wholly in the padding holds -Infinity and index -1 (PyTorch gives -inf too,
 * and its gradient reaches no input).
 */
export function maxPool2d(x: Tensor, g: Geometry): { out: Tensor; argmax: Int32Array } {
  const wasm = wasmKernels(x.dtype, g.N * g.C * g.OH * g.OW * g.KH * g.KW, WASM_POOL_MIN);
  if (wasm !== null) {
    const { y, argmax } = wasmMaxPool2d(wasm, x.data as Float32Array, g);
    return { out: new Tensor(y, [g.N, g.C, g.OH, g.OW]), argmax };
  }
  const out = allocate(x.dtype, g.N * g.C * g.OH * g.OW).fill(-Infinity);
  const argmax = new Int32Array(out.length).fill(-1);
  poolLoops('max', g, x.data, out, argmax);
  return { out: new Tensor(out, [g.N, g.C, g.OH, g.OW]), argmax };
}

/**
 * Gradient of a max pooling (maxPool2d, adaptiveMaxPool2d) with input of `shape`: each dy element
 * goes back to the input element that was the maximum (none where argmax is -1).
 */
export function maxPoolGrad(dy: Tensor, argmax: Int32Array, shape: Shape): Tensor {
  const wasm = wasmKernels(dy.dtype, argmax.length, WASM_POOL_MIN);
  if (wasm !== null) return new Tensor(wasmMaxPoolGrad(wasm, dy.data as Float32Array, argmax, numel(shape)), shape);
  const dx = allocate(dy.dtype, numel(shape));
  const src = dy.data;
  for (let o = 0; o < argmax.length; o++) {
    const i = argmax[o]!;
    if (i >= 0) dx[i] = dx[i]! + src[o]!;
  }
  return new Tensor(dx, shape);
}

/**
 * 1 / (window size) for every output cell, row-major. The window is clipped to the padded input
 * (KH·KW except where ceil_mode lets a last window hang past the padding, as in PyTorch), or to
 * the input itself when padding is not counted (PyTorch's count_include_pad=False).
 */
function avgScales({ H, W, KH, KW, OH, OW, sh, sw, ph, pw }: Geometry, countPadding: boolean): Float64Array {
  const extent = (o: number, s: number, p: number, k: number, n: number): number => {
    const start = o * s - p;
    const end = Math.min(start + k, n + p);
    return countPadding ? end - start : Math.min(end, n) - Math.max(start, 0);
  };
  const scales = new Float64Array(OH * OW);
  for (let oh = 0; oh < OH; oh++) {
    for (let ow = 0; ow < OW; ow++) scales[oh * OW + ow] = 1 / (extent(oh, sh, ph, KH, H) * extent(ow, sw, pw, KW, W));
  }
  return scales;
}

/** Mean over each window of x (N, C, H, W); padding counts as zeros when countPadding (PyTorch's count_include_pad). */
export function avgPool2d(x: Tensor, g: Geometry, countPadding: boolean): Tensor {
  const out = allocate(x.dtype, g.N * g.C * g.OH * g.OW);
  poolLoops('avg', g, x.data, out, new Int32Array(0));
  const scales = avgScales(g, countPadding);
  for (let i = 0; i < out.length; i++) out[i] = out[i]! * scales[i % scales.length]!;
  return new Tensor(out, [g.N, g.C, g.OH, g.OW]);
}

/** Gradient of avgPool2d: each dy element spread evenly over its window. */
export function avgPool2dGrad(dy: Tensor, g: Geometry, countPadding: boolean): Tensor {
  const dx = allocate(dy.dtype, g.N * g.C * g.H * g.W);
  const scales = avgScales(g, countPadding);
  const scaled = allocate(dy.dtype, dy.data.length);
  for (let i = 0; i < scaled.length; i++) scaled[i] = dy.data[i]! * scales[i % scales.length]!;
  poolLoops('avgGrad', g, dx, scaled, new Int32Array(0));
  return new Tensor(dx, [g.N, g.C, g.H, g.W]);
}
