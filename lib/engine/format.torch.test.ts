/**
 * The engine's tensor printout against real PyTorch: generated cases are printed by torch
 * (`repr`) and by `formatTensor`, and the strings must be identical. Needs a Python with torch
 * (Debian: apt-get install python3-torch); without one the suite is skipped and says why.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cat, linear, logSoftmax, maximum, pad, Rng, tensor, type Tensor } from './index';
import { formatTensor } from './format';

/** The first Python on this machine that can import torch, or undefined. */
function findTorchPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
    if (probe.status === 0) return python;
  }
  return undefined;
}

type Encoded = number | 'nan' | 'inf' | '-inf' | '-0';
const encode = (v: number): Encoded =>
  Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0' : v;

/** An op applied to the case's tensor, in the engine and (by name, in the script below) in torch. */
const OPS: Record<string, (x: Tensor) => Tensor> = {
  add: (x) => x.add(1.5),
  sub: (x) => x.sub(0.5),
  mul: (x) => x.mul(3),
  div: (x) => x.div(4),
  pow: (x) => x.pow(2),
  neg: (x) => x.neg(),
  exp: (x) => x.exp(),
  log: (x) => x.log(),
  sqrt: (x) => x.sqrt(),
  abs: (x) => x.abs(),
  tanh: (x) => x.tanh(),
  sigmoid: (x) => x.sigmoid(),
  relu: (x) => x.relu(),
  sum: (x) => x.sum(),
  sumDim: (x) => x.sum(0),
  max: (x) => x.max(),
  mm: (x) => x.matmul(x.permute(1, 0)),
  mv: (x) => x.matmul(tensor(Array.from({ length: x.shape[1]! }, (_, i) => i - 1))),
  vm: (x) => tensor(Array.from({ length: x.shape[0]! }, (_, i) => i - 1)).matmul(x),
  dot: (x) => x.reshape([x.numel()]).matmul(x.reshape([x.numel()])),
  permute: (x) => x.permute(1, 0),
  view: (x) => x.reshape([x.numel()]),
  cat: (x) => cat([x, x]),
  expand: (x) => x.unsqueeze(0).expand([2, ...x.shape]),
  to64: (x) => x.to('float64'),
  logSoftmax: (x) => logSoftmax(x, -1),
  maximum: (x) => maximum(x, tensor(0.5)),
  pad: (x) => pad(x, [1, 1]),
  linear: (x) => linear(x, tensor(Array.from({ length: 3 }, () => Array.from({ length: x.shape[1]! }, (_, j) => j / 4))), tensor([1, 2, 3])),
};
// Ops that need a matrix; and view, because the engine's reshape to the same shape returns the tensor itself.
const MATRIX_OPS = new Set(['mm', 'mv', 'vm', 'permute', 'linear', 'sumDim', 'view']);

interface Case {
  label: string;
  shape: number[];
  values: Encoded[];
  dtype: 'float32' | 'float64';
  requiresGrad: boolean;
  /** For op cases: torch applies this op and then copies in the engine's result values. */
  op?: string;
  resultShape?: number[];
  resultValues?: Encoded[];
  engine: string;
}

/** Values of one kind: the magnitudes and patterns that steer PyTorch's choice of notation. */
function draw(rng: Rng, n: number, kind: number): number[] {
  const scale = 10 ** (rng.int(17) - 7);
  return Array.from({ length: n }, () => {
    switch (kind) {
      case 0: // integers, some large
        return Math.round(rng.normal() * scale);
      case 1: // one scale
        return rng.normal() * scale;
      case 2: // spanning many decades
        return (rng.random() < 0.5 ? -1 : 1) * 10 ** rng.uniform(-9, 10);
      case 3: // exact binary fractions: ties at the fourth decimal
        return (rng.int(4001) - 2000) / 32;
      default: {
        // a few special values among ordinary ones
        const r = rng.random();
        return r < 0.1 ? NaN : r < 0.2 ? Infinity : r < 0.25 ? -Infinity : r < 0.35 ? -0 : r < 0.45 ? 0 : rng.normal() * scale;
      }
    }
  });
}

const SHAPES: number[][] = [
  [], [1], [5], [12], [50], [2, 3], [4, 4], [3, 25], [1, 60], [2, 2, 3], [2, 3, 2, 2],
  [0], [0, 3], [2, 0, 4], [1001], [2000], [40, 30], [3, 20, 20], [2, 3, 13, 13], [7, 200],
];

function makeCases(): Case[] {
  const rng = new Rng(2024);
  const cases: Case[] = [];
  for (const shape of SHAPES) {
    for (let kind = 0; kind < 5; kind++) {
      for (const dtype of ['float32', 'float64'] as const) {
        const n = shape.reduce((p, s) => p * s, 1);
        const t = tensor(draw(rng, n, kind), { dtype }).reshape(shape);
        t.requiresGrad = rng.random() < 0.25;
        cases.push({
          label: `${dtype} [${shape.join(', ')}] kind ${kind}${t.requiresGrad ? ' requires grad' : ''}`,
          shape,
          values: Array.from(t.data, encode),
          dtype,
          requiresGrad: t.requiresGrad,
          engine: formatTensor(t),
        });
      }
    }
  }
  for (const op of Object.keys(OPS)) {
    for (const shape of [[3, 4], [2, 30], [45, 30]]) {
      const kind = rng.int(5);
      const x = tensor(draw(rng, shape[0]! * shape[1]!, kind), { requiresGrad: true }).reshape(shape).detach();
      x.requiresGrad = true;
      const y = OPS[op]!(x);
      cases.push({
        label: `${op} of [${shape.join(', ')}] kind ${kind}`,
        shape,
        values: Array.from(x.data, encode),
        dtype: 'float32',
        requiresGrad: true,
        op,
        resultShape: [...y.shape],
        resultValues: Array.from(y.data, encode),
        engine: formatTensor(y),
      });
    }
    if (!MATRIX_OPS.has(op)) {
      const x = tensor(draw(rng, 7, 1), { requiresGrad: true });
      const y = OPS[op]!(x);
      cases.push({ label: `${op} of [7]`, shape: [7], values: Array.from(x.data, encode), dtype: 'float32', requiresGrad: true, op, resultShape: [...y.shape], resultValues: Array.from(y.data, encode), engine: formatTensor(y) });
    }
  }
  return cases;
}

// Torch's side: builds each tensor (or applies the op and copies in the engine's values, so the
// comparison is of printing, not of last-bit differences between the two libraries' kernels).
const SCRIPT = String.raw`
import json, sys, torch
F = torch.nn.functional
OPS = {
  'add': lambda x: x + 1.5, 'sub': lambda x: x - 0.5, 'mul': lambda x: x * 3, 'div': lambda x: x / 4,
  'pow': lambda x: x.pow(2), 'neg': lambda x: -x, 'exp': torch.exp, 'log': torch.log, 'sqrt': torch.sqrt,
  'abs': torch.abs, 'tanh': torch.tanh, 'sigmoid': torch.sigmoid, 'relu': torch.relu,
  'sum': lambda x: x.sum(), 'sumDim': lambda x: x.sum(0), 'max': lambda x: x.max(),
  'mm': lambda x: x @ x.permute(1, 0), 'mv': lambda x: x @ (torch.arange(x.shape[1], dtype=torch.float32) - 1),
  'vm': lambda x: (torch.arange(x.shape[0], dtype=torch.float32) - 1) @ x, 'dot': lambda x: x.view(-1) @ x.view(-1),
  'permute': lambda x: x.permute(1, 0), 'view': lambda x: x.view(-1), 'cat': lambda x: torch.cat([x, x]),
  'expand': lambda x: x.unsqueeze(0).expand(2, *x.shape), 'to64': lambda x: x.to(torch.float64),
  'logSoftmax': lambda x: F.log_softmax(x, -1), 'maximum': lambda x: torch.maximum(x, torch.tensor(0.5)),
  'pad': lambda x: F.pad(x, (1, 1)),
  'linear': lambda x: F.linear(x, (torch.arange(x.shape[1], dtype=torch.float32) / 4).expand(3, -1), torch.tensor([1., 2., 3.])),
}
def build(values, shape, dtype):
  return torch.tensor([float(v) for v in values], dtype=dtype).reshape(shape)
out = []
for case in json.load(sys.stdin):
  dtype = torch.float64 if case['dtype'] == 'float64' else torch.float32
  x = build(case['values'], case['shape'], dtype)
  if 'op' in case:
    x.requires_grad_(True)
    y = OPS[case['op']](x)
    if y._base is None:  # views (expand, permute, view) move values without arithmetic: nothing to copy
      with torch.no_grad():
        y.copy_(build(case['resultValues'], case['resultShape'], y.dtype))
    out.append(repr(y))
  else:
    x.requires_grad_(case['requiresGrad'])
    out.append(repr(x))
json.dump(out, sys.stdout)
`;

const python = findTorchPython();

describe('formatTensor() against PyTorch 1.13', () => {
  if (!python) {
    it.skip('skipped: no python3 that can import torch (Debian: apt-get install python3-torch)', () => {});
    return;
  }
  const cases = makeCases();
  it(`prints ${cases.length} generated tensors exactly as torch's repr does`, () => {
    const result = spawnSync(python, ['-c', SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    const torchStrings = JSON.parse(result.stdout) as string[];
    const mismatches = cases.flatMap((c, i) => (c.engine === torchStrings[i] ? [] : [`${c.label}\n  torch:  ${torchStrings[i]}\n  engine: ${c.engine}`]));
    expect(mismatches).toEqual([]);
    expect(torchStrings).toHaveLength(cases.length);
  });
});
