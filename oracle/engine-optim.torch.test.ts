/**
 * optim.SGD and optim.Adam trajectories against torch.optim's over a few steps on the same small
 * model (float64, 1e-10), the arguments torch.optim refuses, and clipGradNorm / clipGradValue
 * against torch.nn.utils.clip_grad_norm_ / clip_grad_value_.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clipGradNorm, clipGradValue, gradNorm, linear, mseLoss, optim, randn, Rng, Tensor } from '../lib/engine';
import { pythonBool, pythonFloatLiteral } from '../lib/common';
import { askTorch, type ClipResult, type OptimizerResult, type PyException } from './bridge';
import { seedOf } from './engine/run-ops';
import { Summary } from './summary';
import { difference, fromWire, toWire, valuesOf, worse, type Difference } from './tensors';

const TOLERANCE = 1e-10;
const STEPS = 6;
const F64 = { dtype: 'float64' } as const;
const summary = new Summary();

/** SGD's and Adam's options, with the keyword PyTorch knows each by. */
interface SgdOptions {
  lr: number;
  momentum: number;
  dampening: number;
  weightDecay: number;
  nesterov: boolean;
}
interface AdamOptions {
  lr: number;
  betas: [number, number];
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
}

/** An optimizer configuration: how the engine builds it, and the same in Python over `params`. */
interface OptimizerCase {
  readonly label: string;
  readonly make: (params: Tensor[]) => optim.Optimizer;
  readonly build: string;
}

const f = pythonFloatLiteral;

function sgd(o: SgdOptions): OptimizerCase {
  const kw = `lr=${f(o.lr)}, momentum=${f(o.momentum)}, dampening=${f(o.dampening)}, weight_decay=${f(o.weightDecay)}, nesterov=${pythonBool(o.nesterov)}`;
  return { label: `SGD(${kw})`, make: (p) => new optim.SGD(p, o), build: `optim.SGD(params, ${kw})` };
}

function adam(o: AdamOptions): OptimizerCase {
  const kw = `lr=${f(o.lr)}, betas=(${f(o.betas[0])}, ${f(o.betas[1])}), eps=${f(o.eps)}, weight_decay=${f(o.weightDecay)}, amsgrad=${pythonBool(o.amsgrad)}`;
  // amsgrad is not in the engine's AdamOptions; it is passed as a reader's code would pass it.
  const options: optim.AdamOptions & { amsgrad: boolean } = o;
  return { label: `Adam(${kw})`, make: (p) => new optim.Adam(p, options), build: `optim.Adam(params, ${kw})` };
}

const SGD_CASES: OptimizerCase[] = [0, 0.9].flatMap((momentum) =>
  [0, 0.5].flatMap((dampening) =>
    [false, true]
      .filter((nesterov) => !nesterov || (momentum > 0 && dampening === 0))
      .flatMap((nesterov) => [0, 0.01].map((weightDecay) => sgd({ lr: 0.1, momentum, dampening, weightDecay, nesterov }))),
  ),
);

const ADAM_CASES: OptimizerCase[] = [false, true].flatMap((amsgrad) =>
  [
    { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 },
    { lr: 0.05, betas: [0.5, 0.9], eps: 1e-3, weightDecay: 0.1 },
    { lr: 0.2, betas: [0, 0.5], eps: 1e-8, weightDecay: 0 },
  ].map((o) => adam({ ...(o as Omit<AdamOptions, 'amsgrad'>), amsgrad })),
);

/** Arguments torch.optim refuses (PyTorch 1.13 and 2.x alike). */
const REFUSED: OptimizerCase[] = [
  sgd({ lr: -0.5, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false }),
  sgd({ lr: 0.1, momentum: -0.5, dampening: 0, weightDecay: 0, nesterov: false }),
  sgd({ lr: 0.1, momentum: 0, dampening: 0, weightDecay: -0.5, nesterov: false }),
  sgd({ lr: 0.1, momentum: 0, dampening: 0, weightDecay: 0, nesterov: true }),
  sgd({ lr: 0.1, momentum: 0.9, dampening: 0.5, weightDecay: 0, nesterov: true }),
  adam({ lr: -0.5, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false }),
  adam({ lr: 1e-3, betas: [0.9, 0.999], eps: -1e-8, weightDecay: 0, amsgrad: false }),
  adam({ lr: 1e-3, betas: [1, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false }),
  adam({ lr: 1e-3, betas: [0.9, 1], eps: 1e-8, weightDecay: 0, amsgrad: false }),
  adam({ lr: 1e-3, betas: [-0.1, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false }),
  adam({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: -0.5, amsgrad: false }),
];

/** The model both sides train: tanh(x w^T + b) against y by mean squared error; u is never used (no gradient). */
const LOSS = 'F.mse_loss(torch.tanh(F.linear(data[0], a, b)), data[1])';

interface Trajectory {
  readonly steps?: Tensor[][];
  readonly error?: string;
}

function trajectory(c: OptimizerCase, start: readonly Tensor[], data: readonly Tensor[]): Trajectory {
  const params = start.map((p) => new Tensor(Float64Array.from(p.data), p.shape, true));
  let opt: optim.Optimizer;
  try {
    opt = c.make(params);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const steps: Tensor[][] = [];
  for (let s = 0; s < STEPS; s++) {
    opt.zeroGrad();
    mseLoss(linear(data[0]!, params[0]!, params[1]!).tanh(), data[1]!).backward();
    opt.step();
    steps.push(params.map((p) => new Tensor(Float64Array.from(p.data), p.shape)));
  }
  return { steps };
}

function compareTrajectories(ours: Trajectory, theirs: OptimizerResult): { difference: Difference; problem?: string } {
  if (theirs.error && ours.error === undefined) return { difference: { error: Infinity, where: '' }, problem: `PyTorch refuses it (${theirs.error.type}: ${theirs.error.message}); the engine accepts it` };
  if (ours.error !== undefined && !theirs.error) return { difference: { error: Infinity, where: '' }, problem: `the engine refuses it (${ours.error}); PyTorch accepts it` };
  if (ours.error !== undefined) return { difference: { error: 0, where: 'both refuse' } };
  let worst: Difference = { error: 0, where: 'equal' };
  ours.steps!.forEach((params, s) =>
    params.forEach((p, k) => {
      const d = difference(valuesOf(p), fromWire(theirs.steps![s]![k]!));
      worst = worse(worst, d.error > 0 ? { ...d, where: `step ${s + 1}, parameter ${k}, ${d.where}` } : d);
    }),
  );
  return { difference: worst };
}

describe('optimizers vs torch.optim, float64 trajectories', () => {
  const outcomes = new Map<string, { label: string; difference: Difference; problem?: string; engineError?: string; torchError?: PyException }[]>();
  const groups = { 'optim.SGD': SGD_CASES, 'optim.Adam': ADAM_CASES, 'arguments torch.optim refuses': REFUSED };

  beforeAll(async () => {
    const rng = new Rng(seedOf('optimizers'));
    const start = [randn([3, 2], rng, F64), randn([3], rng, F64), randn([2], rng, F64)];
    const data = [randn([5, 2], rng, F64), randn([5, 3], rng, F64)];
    const cases = Object.entries(groups).flatMap(([group, list]) => list.map((c) => ({ group, c })));
    const answers = await Promise.all(
      cases.map(({ c }) =>
        askTorch('optimizer', { dtype: 'float64', params: start.map((p) => toWire(valuesOf(p))), data: data.map((d) => toWire(valuesOf(d))), build: c.build, loss: LOSS, steps: STEPS }),
      ),
    );
    cases.forEach(({ group, c }, k) => {
      const ours = trajectory(c, start, data);
      const theirs = answers[k]!;
      const outcome = { label: c.label, ...compareTrajectories(ours, theirs), ...(ours.error !== undefined ? { engineError: ours.error } : {}), ...(theirs.error ? { torchError: theirs.error } : {}) };
      outcomes.set(group, [...(outcomes.get(group) ?? []), outcome]);
    });
  });

  for (const group of Object.keys(groups)) {
    it(group, () => {
      const list = outcomes.get(group)!;
      const bad = list.filter((o) => o.problem !== undefined || !(o.difference.error <= TOLERANCE));
      const notes = list.filter((o) => o.engineError !== undefined && o.torchError).map((o) => `${o.label}: engine "${o.engineError}", PyTorch "${o.torchError!.message}"`);
      summary.add({ area: 'optimizers and clipping', item: group, cases: list.length, worst: Math.max(...list.map((o) => o.difference.error)), tolerance: TOLERANCE, failed: bad.length, notes });
      const lines = bad.map((o) => `${o.label}: ${o.problem ?? `differs by ${o.difference.error.toExponential(2)} (${o.difference.where})`}`);
      expect(lines, `${bad.length} of ${list.length} configurations differ from torch.optim`).toEqual([]);
    });
  }
});

describe('clipGradNorm and clipGradValue vs torch.nn.utils', () => {
  type Clip = { mode: 'norm' | 'value'; max: number; grads: (Tensor | null)[] };
  const clips: Clip[] = [];
  let answers: ClipResult[] = [];

  beforeAll(async () => {
    const rng = new Rng(seedOf('clipping'));
    for (let k = 0; k < 24; k++) {
      const grads = [randn([3, 2], rng, F64), null, randn([4], rng, F64), randn([], rng, F64)].map((g) => (g === null ? g : g.mul(1 + 4 * rng.random())));
      const total = Math.sqrt(grads.reduce((s, g) => s + (g ? g.square().sum().item() : 0), 0));
      const mode = k % 2 === 0 ? 'norm' : 'value';
      clips.push({ mode, max: mode === 'norm' ? total * [0.25, 0.9, 1.5][k % 3]! : [0.1, 0.5, 2][k % 3]!, grads });
    }
    answers = await Promise.all(
      clips.map((c) =>
        askTorch('clip', { mode: c.mode, max: c.max, grads: c.grads.map((g) => (g ? toWire(valuesOf(g)) : { shape: [2], data: [0, 0], none: true })) }),
      ),
    );
  });

  it('clipGradNorm() and clipGradValue() clip and return the norm before clipping as PyTorch computes it', () => {
    let worst: Difference = { error: 0, where: 'equal' };
    const bad: string[] = [];
    clips.forEach((c, k) => {
      const params = c.grads.map((g) => {
        const p = new Tensor(new Float64Array(g ? g.numel() : 2), g ? g.shape : [2], true);
        p.grad = g ? new Tensor(Float64Array.from(g.data), g.shape) : null;
        return p;
      });
      const before = gradNorm(params);
      const returned = c.mode === 'norm' ? clipGradNorm(params, c.max) : clipGradValue(params, c.max);
      const torch = answers[k]!;
      const checks: Difference[] = [
        difference({ shape: [], data: [before] }, { shape: [], data: [torch.normBefore] }),
        difference({ shape: [], data: [returned] }, { shape: [], data: [c.mode === 'norm' ? torch.returned! : torch.normBefore] }),
        ...params.map((p, i) => {
          const t = torch.grads[i];
          return p.grad && t ? difference(valuesOf(p.grad), fromWire(t)) : p.grad || t ? { error: Infinity, where: `grad ${i} missing on one side` } : { error: 0, where: 'equal' };
        }),
      ];
      const d = checks.reduce(worse);
      if (!(d.error <= TOLERANCE)) bad.push(`clip_grad_${c.mode}_ max ${c.max}: ${d.where}`);
      worst = worse(worst, d);
    });
    summary.add({ area: 'optimizers and clipping', item: 'clipGradNorm, clipGradValue, gradNorm', cases: clips.length, worst: worst.error, tolerance: TOLERANCE, failed: bad.length });
    expect(bad).toEqual([]);
  });
});
