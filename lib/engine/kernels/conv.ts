/** 2-D convolution (NCHW) as direct loops: forward, input gradient and weight gradient share one loop nest. */
import { Tensor } from '../tensor';
import { allocate, promote, type Data } from '../storage';

/** Sizes of one conv2d or pooling call: input (N, C, H, W), kernel (KH, KW), output (N, F, OH, OW). */
export interface Geometry {
  readonly N: number; readonly C: number; readonly H: number; readonly W: number;
  readonly F: number; readonly KH: number; readonly KW: number; readonly OH: number; readonly OW: number;
  readonly sh: number; readonly sw: number; readonly ph: number; readonly pw: number; readonly dh: number; readonly dw: number;
}

type Mode = 'forward' | 'inputGrad' | 'weightGrad';

/**
 * The loop nest of a convolution, y[n,f,oh,ow] = sum over c,kh,kw of w[f,c,kh,kw] x[n,c,ih,iw]
 * with ih = oh sh + kh dh - ph (iw likewise). Each mode runs the same nest:
 * forward y += w x; inputGrad x += w y (x is dx, y is dy); weightGrad w += y x (w is dw).
 */
function convLoops(mode: Mode, g: Geometry, x: Data, w: Data, y: Data): void {
  const { N, C, H, W, F, KH, KW, OH, OW, sh, sw, ph, pw, dh, dw } = g;
  for (let n = 0; n < N; n++) {
    for (let f = 0; f < F; f++) {
      for (let c = 0; c < C; c++) {
        for (let kh = 0; kh < KH; kh++) {
          for (let kw = 0; kw < KW; kw++) {
            const wi = ((f * C + c) * KH + kh) * KW + kw;
            const wv = w[wi]!;
            const shift = kw * dw - pw;
            // Output columns whose input column ow sw + shift lies inside the image.
            const lo = Math.max(0, Math.ceil(-shift / sw));
            const hi = Math.min(OW, Math.floor((W - 1 - shift) / sw) + 1);
            let acc = 0;
            for (let oh = 0; oh < OH; oh++) {
              const ih = oh * sh + kh * dh - ph;
              if (ih < 0 || ih >= H) continue;
              const xr = ((n * C + c) * H + ih) * W + shift;
              const yr = ((n * F + f) * OH + oh) * OW;
              switch (mode) {
                case 'forward': for (let ow = lo; ow < hi; ow++) y[yr + ow] = y[yr + ow]! + wv * x[xr + ow * sw]!; break;
                case 'inputGrad': for (let ow = lo; ow < hi; ow++) x[xr + ow * sw] = x[xr + ow * sw]! + wv * y[yr + ow]!; break;
                case 'weightGrad': for (let ow = lo; ow < hi; ow++) acc += y[yr + ow]! * x[xr + ow * sw]!; break;
              }
            }
            if (mode === 'weightGrad') w[wi] = wv + acc;
          }
        }
      }
    }
  }
}

/** y = conv2d(x, w) + b for x (N, C, H, W), w (F, C, KH, KW), b (F): y is (N, F, OH, OW). */
export function conv2d(x: Tensor, w: Tensor, b: Tensor | null, g: Geometry): Tensor {
  const plane = g.OH * g.OW;
  const y = allocate(promote(x.dtype, w.dtype), g.N * g.F * plane);
  if (b !== null) {
    for (let n = 0; n < g.N; n++) for (let f = 0; f < g.F; f++) y.fill(b.data[f]!, (n * g.F + f) * plane, (n * g.F + f + 1) * plane);
  }
  convLoops('forward', g, x.data, w.data, y);
  return new Tensor(y, [g.N, g.F, g.OH, g.OW]);
}

/** Gradient of conv2d with respect to its input x, given dy (N, F, OH, OW). */
export function conv2dInputGrad(dy: Tensor, w: Tensor, g: Geometry): Tensor {
  const dx = allocate(dy.dtype, g.N * g.C * g.H * g.W);
  convLoops('inputGrad', g, dx, w.data, dy.data);
  return new Tensor(dx, [g.N, g.C, g.H, g.W]);
}

/** Gradient of conv2d with respect to its weight w, given dy (N, F, OH, OW) and the input x. */
export function conv2dWeightGrad(dy: Tensor, x: Tensor, g: Geometry): Tensor {
  const dw = allocate(dy.dtype, g.F * g.C * g.KH * g.KW);
  convLoops('weightGrad', g, x.data, dw, dy.data);
  return new Tensor(dw, [g.F, g.C, g.KH, g.KW]);
}
