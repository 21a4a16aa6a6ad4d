/** Rows of the op table: matmul, linear, conv2d and the pools, over random geometry. */
import {
  avgPool2d, conv2d, linear, matmul, maxPool2d, type Rng,
} from '../../lib/engine';
import { broadcastable, chance, input, int, shapeOf } from './draw';
import { op, none, t, type OpDef } from './op-def';

/** A conv2d / pooling geometry along one dimension whose output has at least one position. */
function windowDim(rng: Rng, pool: boolean, dilated: boolean): { size: number; k: number; s: number; p: number; d: number } {
  for (;;) {
    const k = int(rng, 1, 4);
    const d = dilated ? int(rng, 1, 3) : 1;
    const s = int(rng, 1, 3);
    const p = pool ? int(rng, 0, Math.floor(k / 2)) : int(rng, 0, 2);
    const size = int(rng, 1, 9);
    if (size + 2 * p - d * (k - 1) - 1 >= 0) return { size, k, s, p, d };
  }
}

const pair = (a: number, b: number): [number, number] => [a, b];

/** A pooling case: an input (N, C, H, W) or (C, H, W), its geometry, and kernel, stride (or default), padding, ceilMode. */
function poolCase(rng: Rng, dilated: boolean) {
  const [h, w] = [windowDim(rng, true, dilated), windowDim(rng, true, dilated)];
  const shape = chance(rng, 0.2) ? [int(rng, 1, 2), h.size, w.size] : [int(rng, 1, 2), int(rng, 1, 2), h.size, w.size];
  const stride = chance(rng, 0.3) ? null : pair(h.s, w.s);
  return { x: input(rng, shape), h, w, params: { kernel: pair(h.k, w.k), stride, padding: pair(h.p, w.p), ceilMode: chance(rng, 0.4) } };
}

/** Windowed ops: conv2d and the pools, batched (N, C, H, W) or unbatched (C, H, W). */
export const WINDOWED: OpDef[] = [
  op({
    name: 'conv2d',
    torch: 'F.conv2d(a, b, ts[2] if len(ts) > 2 else None, stride=p["stride"], padding=p["padding"], dilation=p["dilation"])',
    draw: (rng) => {
      const [h, w] = [windowDim(rng, false, true), windowDim(rng, false, true)];
      const C = int(rng, 1, 3);
      const F = int(rng, 1, 3);
      const x = chance(rng, 0.2) ? [C, h.size, w.size] : [int(rng, 1, 2), C, h.size, w.size];
      const inputs = [input(rng, x), input(rng, [F, C, h.k, w.k]), ...(chance(rng, 0.7) ? [input(rng, [F])] : [])];
      return { inputs, params: { stride: pair(h.s, w.s), padding: pair(h.p, w.p), dilation: pair(h.d, w.d) } };
    },
    engine: (i, p) => conv2d(t(i, 0), t(i, 1), i[2] ?? null, { stride: p.stride, padding: p.padding, dilation: p.dilation }),
  }),
  op({
    name: 'maxPool2d',
    torch: 'F.max_pool2d(a, p["kernel"], stride=p["stride"], padding=p["padding"], dilation=p["dilation"], ceil_mode=p["ceilMode"])',
    draw: (rng) => {
      const { x, h, w, params } = poolCase(rng, true);
      return { inputs: [x], params: { ...params, dilation: pair(h.d, w.d) } };
    },
    engine: (i, p) => maxPool2d(t(i, 0), p.kernel, { ...(p.stride ? { stride: p.stride } : {}), padding: p.padding, dilation: p.dilation, ceilMode: p.ceilMode }),
  }),
  op({
    // Dilation 3 and padding 1 on a 2-row input: the one window's two taps, rows -1 and 2, both
    // fall in the padding. PyTorch pads with -inf, so that window's maximum is -inf.
    name: 'maxPool2d (a window over padding only)',
    torch: 'F.max_pool2d(a, p["kernel"], stride=1, padding=p["padding"], dilation=p["dilation"])',
    draw: (rng) => ({ inputs: [input(rng, [int(rng, 1, 2), int(rng, 1, 2), 2, int(rng, 2, 4)])], params: { kernel: pair(2, 1), padding: pair(1, 0), dilation: pair(3, 1) } }),
    engine: (i, p) => maxPool2d(t(i, 0), p.kernel, { stride: 1, padding: p.padding, dilation: p.dilation }),
  }),
  op({
    name: 'avgPool2d',
    torch: 'F.avg_pool2d(a, p["kernel"], stride=p["stride"], padding=p["padding"], ceil_mode=p["ceilMode"])',
    draw: (rng) => {
      const { x, params } = poolCase(rng, false);
      return { inputs: [x], params };
    },
    engine: (i, p) => avgPool2d(t(i, 0), p.kernel, { ...(p.stride ? { stride: p.stride } : {}), padding: p.padding, ceilMode: p.ceilMode }),
  }),
];

/** matmul's shape rules: 1-D on either side, batched with broadcasting. */
function matmulShapes(rng: Rng): [number[], number[]] {
  const [M, K, N] = [int(rng, 1, 4), int(rng, 1, 4), int(rng, 1, 4)];
  switch (int(rng, 0, 5)) {
    case 0:
      return [[K], [K]];
    case 1:
      return [[K], [K, N]];
    case 2:
      return [[M, K], [K]];
    case 3:
      return [[M, K], [K, N]];
    case 4: {
      const [ba, bb] = broadcastable(rng, 2, 2);
      return [[...ba!, M, K], [...bb!, K, N]];
    }
    default:
      return chance(rng, 0.5) ? [[K], [int(rng, 1, 3), K, N]] : [[int(rng, 1, 3), M, K], [K]];
  }
}

export const PRODUCTS: OpDef[] = [
  op({
    name: 'matmul',
    torch: 'torch.matmul(a, b)',
    draw: (rng) => {
      const [sa, sb] = matmulShapes(rng);
      return { inputs: [input(rng, sa), input(rng, sb)], params: none };
    },
    engine: (i) => matmul(t(i, 0), t(i, 1)),
  }),
  op({
    name: 'linear',
    torch: 'F.linear(a, b, ts[2] if len(ts) > 2 else None)',
    draw: (rng) => {
      const [inF, outF] = [int(rng, 1, 5), int(rng, 1, 5)];
      const bias = chance(rng, 0.7) ? [input(rng, [outF])] : [];
      return { inputs: [input(rng, [...shapeOf(rng, 0, 2), inF]), input(rng, [outF, inF]), ...bias], params: none };
    },
    engine: (i) => linear(t(i, 0), t(i, 1), i[2] ?? null),
  }),
];
