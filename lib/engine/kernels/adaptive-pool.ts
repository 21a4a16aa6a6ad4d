/**
 * Adaptive pooling (NCHW) as direct loops: the output has a chosen size (OH, OW) and output cell
 * (i, j) pools input rows floor(i H / OH) to ceil((i + 1) H / OH) − 1 and columns likewise, as in
 * PyTorch. Windows can differ in size, and overlap when the input does not divide evenly.
 */
import { Tensor } from '../tensor';
import { allocate } from '../storage';
import type { Shape } from '../shape';

/** [start, end) of every output cell along a dimension of n inputs pooled to `out` cells. */
function windows(n: number, out: number): Int32Array {
  const bounds = new Int32Array(2 * out);
  for (let i = 0; i < out; i++) {
    bounds[2 * i] = Math.floor((i * n) / out);
    bounds[2 * i + 1] = Math.ceil(((i + 1) * n) / out);
  }
  return bounds;
}

/**
 * Pools x (N, C, H, W) to (N, C, OH, OW). 'avg' takes window means; 'max' takes maxima (the first
 * one wins, NaN propagates, as in PyTorch) and records the flat input index of each in argmax.
 */
export function adaptivePool2d(mode: 'avg' | 'max', x: Tensor, OH: number, OW: number): { out: Tensor; argmax: Int32Array } {
  const [N, C, H, W] = x.shape as [number, number, number, number];
  const rows = windows(H, OH);
  const cols = windows(W, OW);
  const out = allocate(x.dtype, N * C * OH * OW);
  const argmax = new Int32Array(mode === 'max' ? out.length : 0);
  const X = x.data;
  for (let p = 0; p < N * C; p++) {
    for (let oh = 0; oh < OH; oh++) {
      const [h0, h1] = [rows[2 * oh]!, rows[2 * oh + 1]!];
      for (let ow = 0; ow < OW; ow++) {
        const [w0, w1] = [cols[2 * ow]!, cols[2 * ow + 1]!];
        const o = (p * OH + oh) * OW + ow;
        if (mode === 'avg') {
          let sum = 0;
          for (let h = h0; h < h1; h++) for (let w = w0; w < w1; w++) sum += X[(p * H + h) * W + w]!;
          out[o] = sum / ((h1 - h0) * (w1 - w0));
        } else {
          let at = (p * H + h0) * W + w0;
          let best = X[at]!;
          for (let h = h0; h < h1; h++) {
            for (let w = w0; w < w1; w++) {
              const i = (p * H + h) * W + w;
              const v = X[i]!;
              if (v > best || (v !== v && best === best)) {
                best = v;
                at = i;
              }
            }
          }
          out[o] = best;
          argmax[o] = at;
        }
      }
    }
  }
  return { out: new Tensor(out, [N, C, OH, OW]), argmax };
}

/** Gradient of adaptive average pooling: each dy element spread evenly over its window of an input of `shape`. */
export function adaptiveAvgPool2dGrad(dy: Tensor, shape: Shape): Tensor {
  const [N, C, H, W] = shape as [number, number, number, number];
  const [OH, OW] = [dy.shape[2]!, dy.shape[3]!];
  const rows = windows(H, OH);
  const cols = windows(W, OW);
  const dx = allocate(dy.dtype, N * C * H * W);
  for (let p = 0; p < N * C; p++) {
    for (let oh = 0; oh < OH; oh++) {
      const [h0, h1] = [rows[2 * oh]!, rows[2 * oh + 1]!];
      for (let ow = 0; ow < OW; ow++) {
        const [w0, w1] = [cols[2 * ow]!, cols[2 * ow + 1]!];
        const share = dy.data[(p * OH + oh) * OW + ow]! / ((h1 - h0) * (w1 - w0));
        for (let h = h0; h < h1; h++) {
          for (let w = w0; w < w1; w++) {
            const i = (p * H + h) * W + w;
            dx[i] = dx[i]! + share;
          }
        }
      }
    }
  }
  return new Tensor(dx, shape);
}
