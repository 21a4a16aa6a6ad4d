/**
 * The engine's error messages against the exceptions PyTorch raises for the same mistake. Where
 * the engine claims PyTorch's wording (a comment, a test or the README says so), the text after
 * the engine's "op: " prefix must equal the installed PyTorch's message, or PyTorch 2.x's where
 * that differs from 1.13 and the case quotes 2.x's source. Elsewhere the engine words its own
 * message: PyTorch must raise too, and the summary lists both texts.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  add, arange, avgPool2d, cat, conv2d, crossEntropy, dropout, expand, linear, matmul, maxPool2d, narrow, nn, optim, permute, reshape, Rng, select,
  stack, sum, tensor, unsqueeze, zeros,
} from '../lib/engine';
import { askTorch, type RaiseResult } from './bridge';
import { Summary } from './summary';
import { describeWording, wordingOf, type Wording } from './wording';

interface MessageCase {
  /** The mistake, as PyTorch code. */
  readonly torch: string;
  /** The same mistake in the engine. */
  readonly engine: () => unknown;
  /** What the engine puts before PyTorch's words ("matmul: "), '' if nothing. */
  readonly prefix: string;
  /** Where the engine claims PyTorch's wording; null where it words its own message. */
  readonly claim: string | null;
}

const z = (...shape: number[]) => zeros(shape);
/** A shape as torch.zeros takes it: `2, 3`, or `()` for a scalar. */
const pySize = (shape: readonly number[]): string => (shape.length === 0 ? '()' : shape.join(', '));
const rnn = () => new nn.RNN(4, 6, { numLayers: 2, rng: new Rng(1) });
const RNN_TORCH = 'rnn = nn.RNN(4, 6, num_layers=2)\n';
const SHAPE_TS = 'lib/engine/shape.ts ("throws PyTorch\'s message")';
const README = 'lib/engine/README.md ("Shape errors are worded like PyTorch\'s")';
const CONV_TEST = 'lib/engine/ops/convolution.test.ts ("reports shape errors like PyTorch\'s")';
const POOL_TS = 'lib/engine/ops/convolution.ts ("PyTorch 1.13\'s padding check")';
const WINDOWS_TS = 'lib/engine/ops/convolution.ts ("it throws PyTorch 1.13\'s message")';
const MATMUL_TS = 'lib/engine/ops/linalg.ts ("PyTorch 1.13\'s message for operands matmul cannot multiply")';
/** matmul's words depend on the ranks (dot, mv, mm, transposed mm, bmm): one case of each. */
const MATMUL_SHAPES: readonly (readonly [number[], number[]])[] = [
  [[3], [4]], [[4, 3], [4]], [[2, 4, 3], [4]], [[3, 2, 4, 3], [4, 5]], [[3], [2, 4, 5]], [[4, 3], [2, 4, 5]], [[4, 3], [2, 3, 4, 5]],
  [[2, 4, 3], [2, 4, 5]], [[2, 1, 4, 3], [3, 4, 5]], [[2, 4, 3], [3, 4, 5]], [[2, 4, 3], [2, 3, 4, 5]], [[], [4, 5]],
];
const RNN_TS = 'lib/engine/nn/rnn.ts ("PyTorch\'s checks, in its order and its words")';

const CASES: readonly MessageCase[] = [
  { torch: 'torch.zeros(2, 3) + torch.zeros(2, 4)', engine: () => add(z(2, 3), z(2, 4)), prefix: 'add: ', claim: SHAPE_TS },
  { torch: 'torch.zeros(2, 3, 4).sum(3)', engine: () => sum(z(2, 3, 4), 3), prefix: 'sum: ', claim: SHAPE_TS },
  { torch: 'torch.zeros(2, 3).unsqueeze(-4)', engine: () => unsqueeze(z(2, 3), -4), prefix: 'unsqueeze: ', claim: SHAPE_TS },
  { torch: 'torch.zeros(4, 3) @ torch.zeros(4, 5)', engine: () => matmul(z(4, 3), z(4, 5)), prefix: 'matmul: ', claim: README },
  { torch: 'torch.matmul(torch.zeros(2, 4, 3), torch.zeros(4, 5))', engine: () => matmul(z(2, 4, 3), z(4, 5)), prefix: 'matmul: ', claim: README },
  { torch: 'torch.matmul(torch.zeros(3), torch.zeros(4, 5))', engine: () => matmul(z(3), z(4, 5)), prefix: 'matmul: ', claim: README },
  { torch: 'F.linear(torch.zeros(4, 3), torch.zeros(16, 5))', engine: () => linear(z(4, 3), z(16, 5)), prefix: 'linear: ', claim: 'lib/engine/ops/linalg.test.ts ("in PyTorch\'s words")' },
  { torch: 'F.linear(torch.zeros(2, 4, 3), torch.zeros(16, 5))', engine: () => linear(z(2, 4, 3), z(16, 5)), prefix: 'linear: ', claim: 'lib/engine/ops/linalg.test.ts ("in PyTorch\'s words")' },
  { torch: 'F.conv2d(torch.zeros(1, 4, 8, 8), torch.zeros(8, 3, 3, 3))', engine: () => conv2d(z(1, 4, 8, 8), z(8, 3, 3, 3)), prefix: 'conv2d: ', claim: README },
  { torch: 'F.conv2d(torch.zeros(8, 8), torch.zeros(8, 3, 3, 3))', engine: () => conv2d(z(8, 8), z(8, 3, 3, 3)), prefix: 'conv2d: ', claim: CONV_TEST },
  { torch: 'F.conv2d(torch.zeros(1, 3, 2, 2), torch.zeros(8, 3, 3, 3))', engine: () => conv2d(z(1, 3, 2, 2), z(8, 3, 3, 3)), prefix: 'conv2d: ', claim: CONV_TEST },
  {
    torch: 'F.max_pool2d(torch.zeros(1, 1, 4, 4), 2, padding=2)',
    engine: () => maxPool2d(z(1, 1, 4, 4), 2, { padding: 2 }),
    prefix: 'maxPool2d: ',
    claim: POOL_TS,
  },
  {
    torch: 'F.avg_pool2d(torch.zeros(1, 1, 4, 4), (4, 2), padding=(2, 2))',
    engine: () => avgPool2d(z(1, 1, 4, 4), [4, 2], { padding: [2, 2] }),
    prefix: 'avgPool2d: ',
    claim: POOL_TS,
  },
  ...MATMUL_SHAPES.map(([a, b]) => ({ torch: `torch.matmul(torch.zeros(${pySize(a)}), torch.zeros(${pySize(b)}))`, engine: () => matmul(z(...a), z(...b)), prefix: 'matmul: ', claim: MATMUL_TS })),
  { torch: 'F.linear(torch.zeros(()), torch.zeros(16, 5))', engine: () => linear(z(), z(16, 5)), prefix: 'linear: ', claim: MATMUL_TS },
  { torch: 'F.linear(torch.zeros(2, 2, 4, 3), torch.zeros(16, 5), torch.zeros(16))', engine: () => linear(z(2, 2, 4, 3), z(16, 5), z(16)), prefix: 'linear: ', claim: MATMUL_TS },
  { torch: 'F.conv2d(torch.zeros(1, 1, 8, 8, 8), torch.zeros(8, 3, 3, 3))', engine: () => conv2d(z(1, 1, 8, 8, 8), z(8, 3, 3, 3)), prefix: 'conv2d: ', claim: CONV_TEST },
  { torch: 'F.conv2d(torch.zeros(3, 2, 5), torch.zeros(8, 3, 3, 3), padding=(0, 1), dilation=(1, 3))', engine: () => conv2d(z(3, 2, 5), z(8, 3, 3, 3), null, { padding: [0, 1], dilation: [1, 3] }), prefix: 'conv2d: ', claim: CONV_TEST },
  { torch: 'F.max_pool2d(torch.zeros(1, 1, 2, 2), 3)', engine: () => maxPool2d(z(1, 1, 2, 2), 3), prefix: 'maxPool2d: ', claim: WINDOWS_TS },
  { torch: 'F.avg_pool2d(torch.zeros(3, 3, 3), (9, 4), (2, 3), ceil_mode=True)', engine: () => avgPool2d(z(3, 3, 3), [9, 4], { stride: [2, 3], ceilMode: true }), prefix: 'avgPool2d: ', claim: WINDOWS_TS },
  {
    torch: 'F.max_pool2d(torch.zeros(2, 11, 1), (6, 5), (4, 3), (3, 0), (2, 4), ceil_mode=True)',
    engine: () => maxPool2d(z(2, 11, 1), [6, 5], { stride: [4, 3], padding: [3, 0], dilation: [2, 4], ceilMode: true }),
    prefix: 'maxPool2d: ',
    claim: WINDOWS_TS,
  },
  { torch: 'F.max_pool2d(torch.zeros(1, 1, 9, 9), (2, 3), padding=(0, 2), dilation=3)', engine: () => maxPool2d(z(1, 1, 9, 9), [2, 3], { padding: [0, 2], dilation: 3 }), prefix: 'maxPool2d: ', claim: POOL_TS },
  // Within half of the dilated kernel (5 // 2), which newer PyTorch checks; 1.13 checks the kernel itself.
  { torch: 'F.max_pool2d(torch.zeros(1, 1, 9, 9), 3, padding=2, dilation=2)', engine: () => maxPool2d(z(1, 1, 9, 9), 3, { padding: 2, dilation: 2 }), prefix: 'maxPool2d: ', claim: POOL_TS },
  {
    torch: `${RNN_TORCH}rnn(torch.zeros(1, 1, 3, 4))`,
    engine: () => rnn().forward(z(1, 1, 3, 4)),
    prefix: '',
    claim: RNN_TS,
  },
  { torch: `${RNN_TORCH}rnn(torch.zeros(3, 2, 5))`, engine: () => rnn().forward(z(3, 2, 5)), prefix: '', claim: RNN_TS },
  { torch: `${RNN_TORCH}rnn(torch.zeros(3, 2, 4), torch.zeros(1, 2, 6))`, engine: () => rnn().forward(z(3, 2, 4), z(1, 2, 6)), prefix: '', claim: RNN_TS },
  { torch: `${RNN_TORCH}rnn(torch.zeros(3, 2, 4), torch.zeros(2, 6))`, engine: () => rnn().forward(z(3, 2, 4), z(2, 6)), prefix: '', claim: RNN_TS },
  { torch: `${RNN_TORCH}rnn(torch.zeros(3, 4), torch.zeros(2, 1, 6))`, engine: () => rnn().forward(z(3, 4), z(2, 1, 6)), prefix: '', claim: RNN_TS },
  { torch: `${RNN_TORCH}rnn(torch.zeros(3, 4), torch.zeros(1, 6))`, engine: () => rnn().forward(z(3, 4), z(1, 6)), prefix: '', claim: RNN_TS },
  { torch: 'torch.optim.SGD([torch.zeros(2, requires_grad=True)], lr=-0.5)', engine: () => new optim.SGD([z(2)], { lr: -0.5 }), prefix: '', claim: 'lib/engine/optim/optimizer.ts (PyTorch\'s check, its words)' },
  // The engine's own wording (no claim): PyTorch must refuse the same thing.
  { torch: 'torch.zeros(2, 3).reshape(4, 2)', engine: () => reshape(z(2, 3), [4, 2]), prefix: 'reshape: ', claim: null },
  { torch: 'torch.zeros(4).narrow(0, 2, 3)', engine: () => narrow(z(4), 0, 2, 3), prefix: 'narrow: ', claim: null },
  { torch: 'torch.zeros(2, 3).expand(2, 4)', engine: () => expand(z(2, 3), [2, 4]), prefix: 'expand: ', claim: null },
  { torch: 'torch.cat([torch.zeros(2, 3), torch.zeros(2, 4)], 0)', engine: () => cat([z(2, 3), z(2, 4)], 0), prefix: 'cat: ', claim: null },
  { torch: 'torch.cat([torch.zeros(2, 3), torch.zeros(2, 3, 1)], 0)', engine: () => cat([z(2, 3), z(2, 3, 1)], 0), prefix: 'cat: ', claim: null },
  { torch: 'torch.stack([torch.zeros(2, 3), torch.zeros(2, 4)])', engine: () => stack([z(2, 3), z(2, 4)]), prefix: 'stack: ', claim: null },
  { torch: 'torch.zeros(3, 4).select(0, 5)', engine: () => select(z(3, 4), 0, 5), prefix: 'select: ', claim: null },
  { torch: 'torch.zeros(3, 4).permute(0, 1, 2)', engine: () => permute(z(3, 4), [0, 1, 2]), prefix: 'permute: ', claim: null },
  { torch: 'torch.zeros(2, 3, 4).t()', engine: () => z(2, 3, 4).t(), prefix: 't: ', claim: null },
  { torch: 'torch.zeros(2, 3).item()', engine: () => z(2, 3).item(), prefix: 'item: ', claim: null },
  { torch: 'F.dropout(torch.zeros(3), 1.5)', engine: () => dropout(z(3), 1.5, { rng: new Rng(0) }), prefix: 'dropout: ', claim: null },
  { torch: 'nn.Dropout(1.5)', engine: () => new nn.Dropout(1.5, { rng: new Rng(0) }), prefix: 'Dropout: ', claim: null },
  { torch: 'nn.init.xavier_uniform_(torch.zeros(3))', engine: () => nn.init.xavierUniform(z(3), new Rng(0)), prefix: 'init: ', claim: null },
  { torch: 'torch.arange(0, 5, 0)', engine: () => arange(0, 5, 0), prefix: 'arange: ', claim: null },
  { torch: 'F.cross_entropy(torch.zeros(2, 3), torch.tensor([0, 5]))', engine: () => crossEntropy(z(2, 3), tensor([0, 5])), prefix: 'crossEntropy: ', claim: null },
  { torch: 'F.conv2d(torch.zeros(1, 3, 5, 5), torch.zeros(8, 3, 3, 3), torch.zeros(4))', engine: () => conv2d(z(1, 3, 5, 5), z(8, 3, 3, 3), z(4)), prefix: 'conv2d: ', claim: null },
  {
    torch: 'torch.zeros(2, 3, requires_grad=True).sum(0).backward()',
    engine: () => {
      const x = z(2, 3);
      x.requiresGrad = true;
      x.sum(0).backward();
    },
    prefix: 'backward: ',
    claim: null,
  },
  { torch: 'torch.zeros(2, 3).sum().backward()', engine: () => z(2, 3).sum().backward(), prefix: 'backward: ', claim: null },
  { torch: 'torch.zeros(2, 3).retain_grad()', engine: () => z(2, 3).retainGrad(), prefix: 'retainGrad: ', claim: null },
];

interface Outcome {
  readonly c: MessageCase;
  readonly engine: string | null;
  readonly torch: RaiseResult;
  readonly wording: Wording;
}

function engineMessage(c: MessageCase): string | null {
  try {
    c.engine();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function judge(c: MessageCase, engine: string | null, torch: RaiseResult): Wording {
  if (engine === null || torch.type === null || !engine.startsWith(c.prefix)) return { kind: 'differs' };
  return wordingOf({ message: engine.slice(c.prefix.length) }, { type: torch.type, message: torch.message });
}

describe('error messages vs PyTorch', () => {
  const outcomes: Outcome[] = [];
  const summary = new Summary();

  beforeAll(async () => {
    const raised = await askTorch('raises', CASES.map((c) => c.torch));
    CASES.forEach((c, k) => {
      const engine = engineMessage(c);
      outcomes.push({ c, engine, torch: raised[k]!, wording: judge(c, engine, raised[k]!) });
    });
  });

  const line = (o: Outcome): string => {
    const version = inject('torchVersion');
    const torch = o.torch.type === null ? `PyTorch ${version} raises nothing` : `PyTorch ${version}: ${o.torch.type}: ${o.torch.message}`;
    return `${o.c.torch.split('\n').at(-1)}\n        engine: ${o.engine ?? 'raises nothing'}\n        ${torch}\n        ${describeWording(o.wording, version)}`;
  };

  it('messages the engine words as PyTorch does match PyTorch 1.13 or the 2.x source they quote', () => {
    const claimed = outcomes.filter((o) => o.c.claim !== null);
    const bad = claimed.filter((o) => o.wording.kind === 'differs');
    summary.add({
      area: 'error messages',
      item: 'worded as PyTorch (claimed)',
      cases: claimed.length,
      failed: bad.length,
      notes: claimed.filter((o) => o.wording.kind !== 'installed').map((o) => `${line(o)}\n        claimed in ${o.c.claim}`),
    });
    expect(bad.map(line), `${bad.length} of ${claimed.length} messages claimed as PyTorch's differ from it`).toEqual([]);
  });

  it("PyTorch refuses what the engine refuses in its own words", () => {
    const own = outcomes.filter((o) => o.c.claim === null);
    const bad = own.filter((o) => o.engine === null || o.torch.type === null);
    summary.add({
      area: 'error messages',
      item: "engine's own wording (PyTorch refuses too)",
      cases: own.length,
      failed: bad.length,
      notes: own.filter((o) => o.wording.kind !== 'installed').map(line),
    });
    expect(bad.map(line)).toEqual([]);
  });
});
