/** Rows of the op table: losses with every reduction, one-hot, creation functions, init gains. */
import {
  arange, binaryCrossEntropyWithLogits, crossEntropy, eye, full, linspace, mseLoss, nn, oneHot, ones, onesLike, scalar, zeros, zerosLike, type Reduction, type Rng,
} from '../../lib/engine';
import { chance, input, int, numel, pick, shapeOf } from './draw';
import { op, t, type OpDef } from './op-def';

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];

/** Rows of logits (N, C) or one row (C), for the losses. */
function logitsShape(rng: Rng): number[] {
  const C = int(rng, 1, 5);
  return chance(rng, 0.25) ? [C] : [int(rng, 1, 4), C];
}

export const LOSSES: OpDef[] = [
  op({
    name: 'mseLoss',
    torch: 'F.mse_loss(a, b, reduction=p["reduction"])',
    draw: (rng) => {
      const shape = shapeOf(rng);
      return { inputs: [input(rng, shape), input(rng, shape)], params: { reduction: pick(rng, REDUCTIONS) } };
    },
    engine: (i, p) => mseLoss(t(i, 0), t(i, 1), { reduction: p.reduction }),
  }),
  op({
    name: 'binaryCrossEntropyWithLogits',
    torch: 'F.binary_cross_entropy_with_logits(a, b, reduction=p["reduction"])',
    draw: (rng) => {
      const shape = shapeOf(rng);
      return { inputs: [input(rng, shape, chance(rng, 0.3) ? 'wide' : 'any'), input(rng, shape, 'unit')], params: { reduction: pick(rng, REDUCTIONS) } };
    },
    engine: (i, p) => binaryCrossEntropyWithLogits(t(i, 0), t(i, 1), { reduction: p.reduction }),
  }),
  op({
    name: 'crossEntropy (class indices)',
    torch: 'F.cross_entropy(a, b.long(), reduction=p["reduction"])',
    draw: (rng) => {
      const shape = logitsShape(rng);
      const C = shape.at(-1)!;
      const target = { shape: shape.slice(0, -1), data: Array.from({ length: numel(shape.slice(0, -1)) }, () => rng.int(C)), grad: false };
      return { inputs: [input(rng, shape, chance(rng, 0.3) ? 'wide' : 'any'), target], params: { reduction: pick(rng, REDUCTIONS) } };
    },
    engine: (i, p) => crossEntropy(t(i, 0), t(i, 1), { reduction: p.reduction }),
  }),
  op({
    name: 'crossEntropy (probabilities)',
    torch: 'F.cross_entropy(a, b, reduction=p["reduction"])',
    draw: (rng) => {
      const shape = logitsShape(rng);
      return { inputs: [input(rng, shape), input(rng, shape, 'unit')], params: { reduction: pick(rng, REDUCTIONS) } };
    },
    engine: (i, p) => crossEntropy(t(i, 0), t(i, 1), { reduction: p.reduction }),
  }),
  op({
    name: 'oneHot',
    torch: 'F.one_hot(a.long(), p["classes"]).to(dtype)',
    draw: (rng) => {
      const classes = int(rng, 1, 5);
      const shape = shapeOf(rng, 0, 3);
      return { inputs: [{ shape, data: Array.from({ length: numel(shape) }, () => rng.int(classes)), grad: false }], params: { classes } };
    },
    engine: (i, p) => oneHot(t(i, 0), p.classes),
    valuesOnly: true,
  }),
];

export const CREATION: OpDef[] = [
  op({
    name: 'zeros, ones, full, eye',
    torch: '{"zeros": lambda: torch.zeros(p["shape"], dtype=dtype), "ones": lambda: torch.ones(p["shape"], dtype=dtype), "full": lambda: torch.full(p["shape"], p["value"], dtype=dtype), "eye": lambda: torch.eye(p["n"], dtype=dtype)}[p["fn"]]()',
    draw: (rng) => ({ inputs: [], params: { fn: pick(rng, ['zeros', 'ones', 'full', 'eye'] as const), shape: shapeOf(rng), value: rng.normal(0, 3), n: int(rng, 0, 4) } }),
    engine: (_, p, dtype) =>
      ({ zeros: () => zeros(p.shape, { dtype }), ones: () => ones(p.shape, { dtype }), full: () => full(p.shape, p.value, { dtype }), eye: () => eye(p.n, { dtype }) })[p.fn](),
    valuesOnly: true,
  }),
  op({
    name: 'Tensor.clone, detach, view; zerosLike, onesLike',
    torch: '{"clone": lambda: a.clone(), "detach": lambda: a.detach(), "view": lambda: a.view(-1), "zerosLike": lambda: torch.zeros_like(a), "onesLike": lambda: torch.ones_like(a)}[p["fn"]]()',
    draw: (rng) => ({ inputs: [input(rng, shapeOf(rng))], params: { fn: pick(rng, ['clone', 'detach', 'view', 'zerosLike', 'onesLike'] as const) } }),
    engine: (i, p) => {
      const a = t(i, 0);
      return { clone: () => a.clone(), detach: () => a.detach(), view: () => a.view([-1]), zerosLike: () => zerosLike(a), onesLike: () => onesLike(a) }[p.fn]();
    },
  }),
  op({
    name: 'arange',
    torch: 'torch.arange(p["start"], p["end"], p["step"], dtype=dtype)',
    draw: (rng) => {
      const start = pick(rng, [0, -3, 1.5, 2]);
      const step = pick(rng, [1, 0.5, 0.1, 3, -1, -0.25]);
      return { inputs: [], params: { start, end: start + step * int(rng, 0, 20) + pick(rng, [0, 0.3 * step]), step } };
    },
    engine: (_, p, dtype) => arange(p.start, p.end, p.step, { dtype }),
    valuesOnly: true,
  }),
  op({
    name: 'linspace',
    torch: 'torch.linspace(p["start"], p["end"], p["steps"], dtype=dtype)',
    draw: (rng) => ({ inputs: [], params: { start: rng.normal(0, 5), end: rng.normal(0, 5), steps: int(rng, 0, 30) } }),
    engine: (_, p, dtype) => linspace(p.start, p.end, p.steps, { dtype }),
    valuesOnly: true,
  }),
  op({
    name: 'nn.init.calculateGain',
    torch: 'torch.tensor(nn.init.calculate_gain(p["torchName"], p["param"]), dtype=dtype)',
    draw: (rng) => {
      const [name, torchName] = pick(rng, [['linear', 'linear'], ['conv2d', 'conv2d'], ['sigmoid', 'sigmoid'], ['tanh', 'tanh'], ['relu', 'relu'], ['leakyRelu', 'leaky_relu'], ['selu', 'selu']] as const);
      return { inputs: [], params: { name, torchName, param: name === 'leakyRelu' && chance(rng, 0.5) ? pick(rng, [0.2, 0.01, 1]) : null } };
    },
    engine: (_, p, dtype) => scalar(nn.init.calculateGain(p.name, p.param ?? undefined), dtype),
    valuesOnly: true,
  }),
];
