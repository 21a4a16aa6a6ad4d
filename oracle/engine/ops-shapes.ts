/** Rows of the op table: reshaping, slicing, padding, joining. */
import {
  cat, expand, flatten, narrow, pad, permute, reshape, select, slice, squeeze, stack, transpose, unsqueeze,
  type Rng,
} from '../../lib/engine';
import { chance, dimFor, input, int, numel, permutation, pick, shapeOf } from './draw';
import { op, none, t, type OpDef } from './op-def';

/** A shape with the same number of elements, one size possibly -1. */
function reshapeTarget(rng: Rng, n: number): number[] {
  const out: number[] = [];
  let left = n;
  while (left > 1 && out.length < 4) {
    const divisors = Array.from({ length: left }, (_, k) => k + 1).filter((d) => left % d === 0 && d > 1);
    const d = pick(rng, divisors);
    out.push(d);
    left /= d;
  }
  if (chance(rng, 0.3)) out.push(1);
  rng.shuffle(out);
  if (out.length > 0 && chance(rng, 0.4)) out[rng.int(out.length)] = -1;
  return out;
}

export const SHAPING: OpDef[] = [
  op({
    name: 'reshape',
    torch: 'a.reshape(p["shape"])',
    draw: (rng) => {
      const shape = shapeOf(rng);
      return { inputs: [input(rng, shape)], params: { shape: reshapeTarget(rng, numel(shape)) } };
    },
    engine: (i, p) => reshape(t(i, 0), p.shape),
  }),
  op({
    name: 'flatten',
    torch: 'torch.flatten(a, p["start"], p["end"])',
    draw: (rng) => {
      const shape = shapeOf(rng);
      const r = shape.length;
      const [s, e] = r === 0 ? [0, -1] : [rng.int(r), rng.int(r)].sort((x, y) => x - y) as [number, number];
      const neg = (d: number): number => (r > 0 && chance(rng, 0.5) ? d - r : d);
      return { inputs: [input(rng, shape)], params: { start: neg(s), end: r === 0 ? -1 : neg(e) } };
    },
    engine: (i, p) => flatten(t(i, 0), p.start, p.end),
  }),
  op({
    name: 'squeeze',
    torch: 'a.squeeze() if p["dim"] is None else a.squeeze(p["dim"])',
    draw: (rng) => {
      const shape = shapeOf(rng, 1, 4, 3).map((n) => (chance(rng, 0.4) ? 1 : n));
      return { inputs: [input(rng, shape)], params: { dim: chance(rng, 0.3) ? null : dimFor(rng, shape.length) } };
    },
    engine: (i, p) => squeeze(t(i, 0), p.dim ?? undefined),
  }),
  op({
    name: 'unsqueeze',
    torch: 'a.unsqueeze(p["dim"])',
    draw: (rng) => {
      const shape = shapeOf(rng, 0, 3);
      return { inputs: [input(rng, shape)], params: { dim: dimFor(rng, shape.length + 1) } };
    },
    engine: (i, p) => unsqueeze(t(i, 0), p.dim),
  }),
  op({
    name: 'permute',
    torch: 'a.permute(p["dims"])',
    draw: (rng) => {
      const shape = shapeOf(rng, 1, 4);
      return { inputs: [input(rng, shape)], params: { dims: permutation(rng, shape.length).map((d) => (chance(rng, 0.3) ? d - shape.length : d)) } };
    },
    engine: (i, p) => permute(t(i, 0), p.dims),
  }),
  op({
    name: 'transpose',
    torch: 'a.transpose(p["d0"], p["d1"])',
    draw: (rng) => {
      const shape = shapeOf(rng, 1, 4);
      return { inputs: [input(rng, shape)], params: { d0: dimFor(rng, shape.length), d1: dimFor(rng, shape.length) } };
    },
    engine: (i, p) => transpose(t(i, 0), p.d0, p.d1),
  }),
  op({ name: 'Tensor.t', torch: 'a.t()', draw: (rng) => ({ inputs: [input(rng, shapeOf(rng, 0, 2))], params: none }), engine: (i) => t(i, 0).t() }),
  op({ name: 'Tensor.mT', torch: 'a.mT', draw: (rng) => ({ inputs: [input(rng, shapeOf(rng, 2, 4))], params: none }), engine: (i) => t(i, 0).mT }),
  op({
    name: 'expand',
    torch: 'a.expand(p["shape"])',
    draw: (rng) => {
      const shape = shapeOf(rng, 0, 3).map((n) => (chance(rng, 0.5) ? 1 : n));
      const target = [...shapeOf(rng, 0, 1), ...shape.map((n) => (n === 1 ? int(rng, 1, 3) : n))];
      return { inputs: [input(rng, shape)], params: { shape: target } };
    },
    engine: (i, p) => expand(t(i, 0), p.shape),
  }),
  op({
    name: 'narrow',
    torch: 'a.narrow(p["dim"], p["start"], p["length"])',
    draw: (rng) => {
      const shape = shapeOf(rng, 1, 4);
      const dim = dimFor(rng, shape.length);
      const size = shape.at(dim)!;
      const start = rng.int(size);
      const length = int(rng, 0, size - start);
      return { inputs: [input(rng, shape)], params: { dim, start: chance(rng, 0.3) ? start - size : start, length } };
    },
    engine: (i, p) => narrow(t(i, 0), p.dim, p.start, p.length),
  }),
  op({
    name: 'slice',
    torch: 'a[tuple([slice(None)] * (p["dim"] % a.dim()) + [slice(p["start"], p["end"])])]',
    draw: (rng) => {
      const shape = shapeOf(rng, 1, 4);
      const dim = dimFor(rng, shape.length);
      const size = shape.at(dim)!;
      return { inputs: [input(rng, shape)], params: { dim, start: int(rng, -size - 1, size + 1), end: chance(rng, 0.2) ? null : int(rng, -size - 1, size + 1) } };
    },
    engine: (i, p) => slice(t(i, 0), p.dim, p.start, p.end ?? undefined),
  }),
  op({
    name: 'select',
    torch: 'a.select(p["dim"], p["index"])',
    draw: (rng) => {
      const shape = shapeOf(rng, 1, 4);
      const dim = dimFor(rng, shape.length);
      const size = shape.at(dim)!;
      return { inputs: [input(rng, shape)], params: { dim, index: int(rng, -size, size - 1) } };
    },
    engine: (i, p) => select(t(i, 0), p.dim, p.index),
  }),
  op({
    name: 'pad',
    torch: 'F.pad(a, p["pad"], value=p["value"])',
    draw: (rng) => {
      const shape = shapeOf(rng, 1, 4);
      const amounts = Array.from({ length: 2 * int(rng, 1, shape.length) }, (_, k) => {
        const size = shape[shape.length - 1 - Math.floor(k / 2)]!;
        // At least one element left: PyTorch 1.13 refuses an empty result (2.x allows it).
        return int(rng, -Math.floor((size - 1) / 2), 2);
      });
      return { inputs: [input(rng, shape)], params: { pad: amounts, value: pick(rng, [0, 1.5, -2]) } };
    },
    engine: (i, p) => pad(t(i, 0), p.pad, p.value),
  }),
  op({
    name: 'cat',
    torch: 'torch.cat(ts, p["dim"])',
    draw: (rng) => {
      const shape = shapeOf(rng, 1, 3);
      const dim = dimFor(rng, shape.length);
      const inputs = Array.from({ length: int(rng, 1, 3) }, () => input(rng, shape.map((n, k) => (k === (dim + shape.length) % shape.length ? int(rng, 1, 3) : n))));
      return { inputs, params: { dim } };
    },
    engine: (i, p) => cat(i, p.dim),
  }),
  op({
    name: 'stack',
    torch: 'torch.stack(ts, p["dim"])',
    draw: (rng) => {
      const shape = shapeOf(rng, 0, 3);
      return { inputs: Array.from({ length: int(rng, 1, 3) }, () => input(rng, shape)), params: { dim: dimFor(rng, shape.length + 1) } };
    },
    engine: (i, p) => stack(i, p.dim),
  }),
];
