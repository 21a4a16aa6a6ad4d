/** Rows of the op table: elementwise arithmetic, comparisons, activations and reductions. */
import {
  abs, add, argmax, cast, clamp, div, dropout, eq, exp, ge, gt, le, leakyRelu, log, logSoftmax, lt, max, maximum, mean, min, minimum, mul, ne, neg, norm, pow, relu, Rng, sigmoid, silu, softmax, softplus, sqrt, square, sub, sum, tanh, type Tensor, where,
} from '../../lib/engine';
import { broadcastable, chance, dimFor, input, int, permutation, pick, shapeOf, type Domain } from './draw';
import { op, none, t, type OpDef } from './op-def';

/** Elementwise op of two broadcast operands drawn from domains. */
function binary(name: string, torch: string, f: (a: Tensor, b: Tensor) => Tensor, da: Domain, db: Domain = da): OpDef {
  return op({
    name,
    torch,
    draw: (rng) => {
      const [sa, sb] = broadcastable(rng, 2);
      return { inputs: [input(rng, sa!, da), input(rng, sb!, db)], params: none };
    },
    engine: (i) => f(t(i, 0), t(i, 1)),
  });
}

/** Elementwise op of one operand. */
function unary(name: string, torch: string, f: (a: Tensor) => Tensor, domain: Domain): OpDef {
  return op({ name, torch, draw: (rng) => ({ inputs: [input(rng, shapeOf(rng), domain)], params: none }), engine: (i) => f(t(i, 0)) });
}

/** Comparison: 0/1 floats, no gradient; ties make equal elements common. */
function comparison(name: string, torch: string, f: (a: Tensor, b: Tensor) => Tensor): OpDef {
  return { ...binary(name, `(${torch}).to(dtype)`, f, 'ties'), valuesOnly: true };
}

/** Reduction over drawn dims (undefined: all), keepdim drawn. */
function reduction(name: string, torch: string, f: (a: Tensor, dim: number | number[] | undefined, keepdim: boolean) => Tensor, domain: Domain): OpDef {
  return op({
    name,
    torch: `${torch}(a, dim=p["dims"], keepdim=p["keepdim"])`,
    draw: (rng) => {
      const shape = shapeOf(rng, 0, 4);
      const rank = shape.length;
      const form = rank === 0 ? 0 : int(rng, 0, 2);
      const chosen = form === 2 ? permutation(rng, rank).slice(0, int(rng, 1, rank)).map((d) => (chance(rng, 0.5) ? d - rank : d)) : [dimFor(rng, rank)];
      const dim = form === 0 ? null : form === 1 ? chosen[0]! : chosen;
      const dims = form === 0 ? Array.from({ length: rank }, (_, k) => k) : chosen;
      return { inputs: [input(rng, shape, domain)], params: { dim, dims, keepdim: chance(rng, 0.5) } };
    },
    engine: (i, p) => f(t(i, 0), p.dim ?? undefined, p.keepdim),
  });
}

const softmaxLike = (name: string, torch: string, f: (a: Tensor, dim: number) => Tensor): OpDef =>
  op({
    name,
    torch: `${torch}(a, p["dim"])`,
    draw: (rng) => {
      const shape = shapeOf(rng, 1, 4);
      return { inputs: [input(rng, shape, chance(rng, 0.3) ? 'wide' : 'any')], params: { dim: dimFor(rng, shape.length) } };
    },
    engine: (i, p) => f(t(i, 0), p.dim),
  });

export const ACTIVATIONS: OpDef[] = [
  unary('tanh', 'torch.tanh(a)', tanh, 'wide'),
  unary('sigmoid', 'torch.sigmoid(a)', sigmoid, 'wide'),
  unary('relu', 'torch.relu(a)', relu, 'any'),
  unary('relu (ties at 0)', 'torch.relu(a)', relu, 'ties'),
  unary('softplus', 'F.softplus(a)', softplus, 'wide'),
  unary('silu', 'F.silu(a)', silu, 'wide'),
  op({
    name: 'leakyRelu',
    torch: 'F.leaky_relu(a, p["slope"])',
    draw: (rng) => ({ inputs: [input(rng, shapeOf(rng), pick(rng, ['any', 'ties'] as const))], params: { slope: pick(rng, [0.01, 0.2, -0.5, 1.5]) } }),
    engine: (i, p) => leakyRelu(t(i, 0), p.slope),
  }),
  softmaxLike('softmax', 'torch.softmax', softmax),
  softmaxLike('logSoftmax', 'torch.log_softmax', logSoftmax),
  op({
    name: 'dropout (eval, p = 0, p = 1)',
    torch: 'F.dropout(a, p["p"], training=p["training"])',
    draw: (rng) => {
      const training = chance(rng, 0.5);
      return { inputs: [input(rng, shapeOf(rng))], params: { p: training ? pick(rng, [0, 1]) : rng.random(), training } };
    },
    engine: (i, p) => dropout(t(i, 0), p.p, { training: p.training, rng: new Rng(0) }),
  }),
];

export const ELEMENTWISE: OpDef[] = [
  binary('add', 'torch.add(a, b)', add, 'any'),
  binary('sub', 'torch.sub(a, b)', sub, 'any'),
  binary('mul', 'torch.mul(a, b)', mul, 'any'),
  binary('div', 'torch.div(a, b)', div, 'any', 'nonzero'),
  binary('pow', 'torch.pow(a, b)', pow, 'positive', 'any'),
  binary('maximum', 'torch.maximum(a, b)', maximum, 'any'),
  binary('maximum (ties)', 'torch.maximum(a, b)', maximum, 'ties'),
  binary('minimum', 'torch.minimum(a, b)', minimum, 'any'),
  binary('minimum (ties)', 'torch.minimum(a, b)', minimum, 'ties'),
  op({
    name: 'add, sub, mul, div, pow with a number',
    torch: '{"add": lambda: a + p["s"], "sub": lambda: p["s"] - a, "mul": lambda: a * p["s"], "div": lambda: p["s"] / a, "pow": lambda: torch.pow(a, p["s"])}[p["op"]]()',
    draw: (rng) => {
      const which = pick(rng, ['add', 'sub', 'mul', 'div', 'pow'] as const);
      const domain: Domain = which === 'div' ? 'nonzero' : 'any';
      return { inputs: [input(rng, shapeOf(rng), domain)], params: { op: which, s: which === 'pow' ? pick(rng, [2, 3, -1]) : rng.normal(0, 2) } };
    },
    engine: (i, p) => {
      const a = t(i, 0);
      return { add: () => add(a, p.s), sub: () => sub(p.s, a), mul: () => mul(a, p.s), div: () => div(p.s, a), pow: () => pow(a, p.s) }[p.op]();
    },
  }),
  op({
    name: 'where',
    torch: 'torch.where(a != 0, b, c)',
    draw: (rng) => {
      const [sc, sa, sb] = broadcastable(rng, 3);
      return { inputs: [input(rng, sc!, 'binary', false), input(rng, sa!), input(rng, sb!)], params: none };
    },
    engine: (i) => where(t(i, 0), t(i, 1), t(i, 2)),
  }),
  unary('neg', 'torch.neg(a)', neg, 'any'),
  unary('exp', 'torch.exp(a)', exp, 'any'),
  unary('log', 'torch.log(a)', log, 'positive'),
  unary('sqrt', 'torch.sqrt(a)', sqrt, 'positive'),
  unary('abs', 'torch.abs(a)', abs, 'any'),
  unary('abs (ties at 0)', 'torch.abs(a)', abs, 'ties'),
  unary('square', 'torch.square(a)', square, 'any'),
  op({
    name: 'clamp',
    torch: 'torch.clamp(a, min=p["min"], max=p["max"])',
    draw: (rng) => {
      const lo = chance(rng, 0.3) ? null : rng.uniform(-2, 0);
      const hi = lo !== null && chance(rng, 0.3) ? null : rng.uniform(0, 2);
      return { inputs: [input(rng, shapeOf(rng))], params: { min: lo, max: hi } };
    },
    engine: (i, p) => clamp(t(i, 0), p.min ?? undefined, p.max ?? undefined),
  }),
  op({
    name: 'clamp (value on a bound)',
    torch: 'torch.clamp(a, min=p["min"], max=p["max"])',
    draw: (rng) => ({ inputs: [input(rng, shapeOf(rng, 1, 3), 'ties')], params: { min: pick(rng, [-1, 0]), max: pick(rng, [1, 0, 2]) } }),
    engine: (i, p) => clamp(t(i, 0), p.min, p.max),
  }),
  op({
    name: 'cast',
    torch: 'a.to(torch.float32 if p["to"] == "float32" else torch.float64)',
    draw: (rng) => ({ inputs: [input(rng, shapeOf(rng))], params: { to: pick(rng, ['float32', 'float64'] as const) } }),
    engine: (i, p) => cast(t(i, 0), p.to),
  }),
  comparison('eq', 'a == b', eq),
  comparison('ne', 'a != b', ne),
  comparison('gt', 'a > b', gt),
  comparison('ge', 'a >= b', ge),
  comparison('lt', 'a < b', lt),
  comparison('le', 'a <= b', le),
];

export const REDUCING: OpDef[] = [
  reduction('sum', 'torch.sum', sum, 'any'),
  reduction('mean', 'torch.mean', mean, 'any'),
  reduction('max', 'torch.amax', max, 'any'),
  reduction('max (ties)', 'torch.amax', max, 'ties'),
  reduction('min', 'torch.amin', min, 'any'),
  reduction('min (ties)', 'torch.amin', min, 'ties'),
  unary('norm', 'torch.norm(a)', norm, 'any'),
  op({
    name: 'argmax',
    torch: '(torch.argmax(a) if p["dim"] is None else torch.argmax(a, p["dim"], keepdim=p["keepdim"])).to(dtype)',
    draw: (rng) => {
      const shape = shapeOf(rng, 1, 4);
      const all = chance(rng, 0.3);
      return { inputs: [input(rng, shape, 'any', false)], params: { dim: all ? null : dimFor(rng, shape.length), keepdim: !all && chance(rng, 0.5) } };
    },
    engine: (i, p) => argmax(t(i, 0), p.dim ?? undefined, p.keepdim),
    valuesOnly: true,
  }),
];
