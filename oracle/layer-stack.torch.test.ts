/**
 * The CNN-sizes tool against PyTorch: calculateStack() on the presets and on random stacks
 * (valid, random, and valid with one layer replaced) built layer by layer in PyTorch, comparing
 * each layer's output shape, weights, biases and buffers, where the first error is, and the
 * message the calculator quotes as PyTorch's. Then its "Copy as PyTorch" script (stackToPython)
 * run as a reader would paste it: it must print the output shape the tool shows, or raise where
 * the tool shows an error.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { calculateStack, defaultLayer, formatShape, layerToPython, PRESETS, stackToPython, type Layer, type LayerRow, type StackInput, type StackResult } from '../lib/ml/layer-stack';
import { anyInput, anyLayer, validStack } from '../lib/ml/layer-stack/testing/arbitraries';
import { askTorch, type ScriptResult, type StackRow } from './bridge';
import { Summary } from './summary';
import { describeWording, wordingOf } from './wording';

interface Stack {
  readonly label: string;
  readonly input: StackInput;
  readonly layers: readonly Layer[];
}

const describeStack = (s: Stack): string => `${s.label}: (${Object.values(s.input).join(', ')}) → ${s.layers.map((l) => layerToPython(l, '')).join(', ')}`;

/** The example the issue reports: BatchNorm2d sees one value per channel, which training mode refuses. */
const ISSUE_EXAMPLE: Stack = {
  label: 'Conv2d, AdaptiveAvgPool2d(1), BatchNorm2d, Flatten on (1, 3, 8, 8)',
  input: { batch: 1, channels: 3, height: 8, width: 8 },
  layers: [
    defaultLayer('Conv2d', { in_channels: 3, out_channels: 8, kernel_size: [3, 3] }),
    defaultLayer('AdaptiveAvgPool2d', { output_size: [1, 1] }),
    defaultLayer('BatchNorm2d', { num_features: 8 }),
    defaultLayer('Flatten'),
  ],
};

const PRESET_STACKS: Stack[] = PRESETS.map((p) => ({ label: p.label, input: p.input, layers: p.layers }));
const VALID: Stack[] = fc.sample(validStack, { seed: 101, numRuns: 80 }).map((s, k) => ({ label: `valid #${k}`, ...s }));
const RANDOM: Stack[] = fc
  .sample(fc.tuple(anyInput, fc.array(anyLayer, { minLength: 1, maxLength: 6 })), { seed: 102, numRuns: 150 })
  .map(([input, layers], k) => ({ label: `random #${k}`, input, layers }));
const ONE_CHANGED: Stack[] = fc
  .sample(fc.tuple(validStack, anyLayer, fc.nat()), { seed: 103, numRuns: 80 })
  .filter(([s]) => s.layers.length > 0)
  .map(([s, layer, n], k) => ({ label: `one layer replaced #${k}`, input: s.input, layers: s.layers.map((l, i) => (i === n % s.layers.length ? layer : l)) }));

/**
 * Rules random stacks seldom reach, picked by hand: ceil_mode rounding of an output size below 1
 * (which PyTorch quotes), dilated pools' padding check, padding='same' with an even kernel (the
 * input PyTorch quotes is padded by the odd extra first), and Softmax's and LogSoftmax's warning.
 */
const unbatch = defaultLayer('Flatten', { start_dim: 0, end_dim: 0 });
const pool = defaultLayer;
const conv = (args: Parameters<typeof defaultLayer>[1]): Layer => defaultLayer('Conv2d', args);
const img = (batch: number, channels: number, height: number, width: number): StackInput => ({ batch, channels, height, width });
const TARGETED: Stack[] = [
  ...[
    [img(2, 2, 11, 1), pool('MaxPool2d', { kernel_size: [6, 5], stride: [4, 3], padding: [3, 0], dilation: [2, 4], ceil_mode: true })],
    [img(4, 2, 1, 2), pool('MaxPool2d', { kernel_size: [6, 7], padding: [2, 2], dilation: [4, 1], ceil_mode: true })],
    [img(1, 3, 2, 2), pool('MaxPool2d', { kernel_size: [3, 3], stride: [3, 3], ceil_mode: true })],
    [img(1, 3, 2, 9), pool('MaxPool2d', { kernel_size: [5, 2], stride: [2, 2], ceil_mode: true })],
    [img(1, 3, 1, 9), pool('MaxPool2d', { kernel_size: [7, 2], stride: [3, 2], dilation: [2, 1], ceil_mode: true })],
    [img(1, 3, 4, 1), pool('MaxPool2d', { kernel_size: [2, 8], stride: [1, 5], padding: [1, 3], ceil_mode: true })],
    [img(1, 3, 2, 3), pool('AvgPool2d', { kernel_size: [7, 5], stride: [4, 4], padding: [2, 2], ceil_mode: true })],
    [img(1, 3, 3, 3), pool('AvgPool2d', { kernel_size: [9, 4], stride: [2, 3], ceil_mode: true })],
    [img(1, 3, 5, 5), pool('AvgPool2d', { kernel_size: [2, 2], stride: [2, 2], padding: [1, 1], ceil_mode: true })],
    [img(1, 3, 9, 9), pool('MaxPool2d', { kernel_size: [3, 3], padding: [2, 2], dilation: [2, 2] })],
    [img(1, 3, 12, 12), pool('MaxPool2d', { kernel_size: [2, 3], padding: [2, 2], dilation: [3, 3] })],
    [img(1, 3, 12, 12), pool('MaxPool2d', { kernel_size: [2, 2], padding: [0, 2], dilation: [3, 1] })],
    [img(1, 3, 12, 12), pool('MaxPool2d', { kernel_size: [5, 2], padding: [2, 1], dilation: [1, 4] })],
  ].map(([input, layer], k) => ({ label: `targeted pool #${k}`, input: input as StackInput, layers: [layer as Layer] })),
  ...(['zeros', 'reflect', 'replicate', 'circular'] as const).flatMap((mode) =>
    [
      [img(1, 3, 9, 7), [conv({ in_channels: 2, out_channels: 4, kernel_size: [4, 4], padding: 'same', padding_mode: mode })]],
      [img(2, 3, 9, 7), [conv({ in_channels: 2, out_channels: 4, kernel_size: [2, 3], padding: 'same', dilation: [3, 1], padding_mode: mode })]],
      [img(1, 3, 6, 6), [conv({ in_channels: 6, out_channels: 4, kernel_size: [4, 2], padding: 'same', dilation: [2, 1], padding_mode: mode })]],
      [img(1, 3, 8, 5), [unbatch, conv({ in_channels: 1, out_channels: 2, kernel_size: [2, 2], padding: 'same', padding_mode: mode })]],
      [img(1, 3, 8, 5), [conv({ in_channels: 3, out_channels: 2, kernel_size: [6, 4], padding: 'same', padding_mode: mode })]],
    ].map(([input, layers], k) => ({ label: `targeted same (${mode}) #${k}`, input: input as StackInput, layers: layers as Layer[] })),
  ),
  ...([[img(1, 3, 4, 4)], [img(2, 3, 1, 5), defaultLayer('Flatten')], [img(2, 3, 1, 5), unbatch]] as const).flatMap(([input, ...before], k) =>
    (['Softmax', 'LogSoftmax'] as const).map((type) => ({ label: `targeted ${type} #${k}`, input, layers: [...before, defaultLayer(type)] })),
  ),
];

const TRAINING_NOTE = 'In training mode PyTorch refuses this';
const QUOTED_WARNING = /warns: “(.*)”$/;

/** What differs between a calculator row and PyTorch's run of the same layer (an empty list if nothing). */
function compareRow(row: LayerRow, torch: StackRow, version: string): string[] {
  const problems: string[] = [];
  const at = `layer ${row.index} (${layerToPython(row.layer, '')})`;
  if (torch.stage !== 'build' && row.params !== null && (row.params.weights !== torch.weights || row.params.biases !== torch.biases)) {
    problems.push(`${at}: the calculator counts ${row.params.weights} weights and ${row.params.biases} biases, PyTorch ${torch.weights} and ${torch.biases}`);
  }
  if (torch.stage !== 'build' && row.buffers !== torch.buffers) problems.push(`${at}: ${row.buffers} buffers in the calculator, ${torch.buffers} in PyTorch`);
  if (torch.stage === 'ok') {
    if (row.output === null || formatShape(row.output) !== formatShape(torch.shape!)) {
      problems.push(`${at}: output ${row.output ? formatShape(row.output) : 'unknown'} in the calculator, ${formatShape(torch.shape!)} in PyTorch`);
    }
    const noted = row.notes.some((n) => n.includes(TRAINING_NOTE));
    const refused = torch.trainingError?.startsWith('Expected more than 1 value per channel when training') ?? false;
    if (noted !== refused) problems.push(`${at}: the calculator ${noted ? 'says' : 'does not say'} training mode refuses it; PyTorch ${refused ? 'refuses it' : 'does not'}`);
    for (const note of row.notes) {
      const quoted = note.match(QUOTED_WARNING)?.[1];
      if (quoted !== undefined && !(torch.warnings ?? []).includes(quoted)) {
        problems.push(`${at}: the calculator quotes the warning “${quoted}”; PyTorch warned ${JSON.stringify(torch.warnings)}`);
      }
    }
  } else if (row.pytorchError !== null) {
    const wording = wordingOf({ message: row.pytorchError }, { type: torch.type!, message: torch.message! });
    if (wording.kind === 'differs') problems.push(`${at}: the calculator quotes PyTorch as “${row.pytorchError}”; PyTorch ${version} says “${torch.type}: ${torch.message}”`);
  }
  return problems;
}

/** Every difference between the calculator and PyTorch on one stack. */
function compareStack(result: StackResult, torch: readonly StackRow[], version: string): string[] {
  const torchFail = torch.findIndex((r) => r.stage !== 'ok');
  const calcFail = result.firstError ?? -1;
  const problems: string[] = [];
  if (torchFail !== calcFail) {
    const theirs = torchFail < 0 ? 'PyTorch runs every layer' : `PyTorch fails at layer ${torchFail} (${torch[torchFail]!.type}: ${torch[torchFail]!.message})`;
    const ours = calcFail < 0 ? 'the calculator finds no error' : `the calculator at layer ${calcFail} (${result.rows[calcFail]!.error})`;
    problems.push(`${theirs}; ${ours}`);
  }
  torch.forEach((t, i) => problems.push(...compareRow(result.rows[i]!, t, version)));
  return problems;
}

interface Checked {
  readonly stack: Stack;
  readonly problems: readonly string[];
  readonly wording: readonly string[];
}

describe('CNN calculator (calculateStack) vs PyTorch, layer by layer', () => {
  const groups = { presets: [...PRESET_STACKS, ISSUE_EXAMPLE], 'targeted stacks': TARGETED, 'valid stacks': VALID, 'random stacks': RANDOM, 'valid stacks with one layer replaced': ONE_CHANGED };
  const checked = new Map<string, Checked[]>();
  const summary = new Summary();

  beforeAll(async () => {
    const version = inject('torchVersion');
    const all = Object.entries(groups).flatMap(([group, stacks]) => stacks.map((stack) => ({ group, stack, result: calculateStack(stack.input, stack.layers) })));
    const answers = await askTorch(
      'stacks',
      all.map(({ stack }) => ({ input: Object.values(stack.input), layers: stack.layers.map((l) => layerToPython(l)) })),
    );
    all.forEach(({ group, stack, result }, k) => {
      const torch = answers[k]!;
      const fail = torch.findIndex((r) => r.stage !== 'ok');
      const quoted = fail >= 0 ? result.rows[fail]?.pytorchError : null;
      const wording = quoted && fail === result.firstError ? [describeWording(wordingOf({ message: quoted }, { type: torch[fail]!.type!, message: torch[fail]!.message! }), version)] : [];
      checked.set(group, [...(checked.get(group) ?? []), { stack, problems: compareStack(result, torch, version), wording }]);
    });
  });

  for (const group of Object.keys(groups)) {
    it(`calculateStack() on ${group}`, () => {
      const list = checked.get(group)!;
      const bad = list.filter((c) => c.problems.length > 0);
      const wordings = list.flatMap((c) => c.wording);
      const counts = [...new Set(wordings)].map((w) => `${wordings.filter((x) => x === w).length} quoted errors: ${w}`);
      summary.add({ area: 'CNN calculator vs PyTorch', item: group, cases: list.length, failed: bad.length, notes: counts });
      expect(bad.slice(0, 5).map((c) => `${describeStack(c.stack)}\n    ${c.problems.join('\n    ')}`), `${bad.length} of ${list.length} stacks differ from PyTorch`).toEqual([]);
    });
  }
});

describe('CNN-sizes "Copy as PyTorch" scripts (stackToPython) run in PyTorch', () => {
  const valid = [...PRESET_STACKS, ISSUE_EXAMPLE, ...VALID.slice(0, 40)];
  const failing = [...TARGETED, ...ONE_CHANGED].filter((s) => calculateStack(s.input, s.layers).firstError !== null).slice(0, 60);
  let ran: ScriptResult[] = [];
  const summary = new Summary();

  beforeAll(async () => {
    const scripts = [...valid, ...failing].map((s) => ({ code: stackToPython(s.input, s.layers, calculateStack(s.input, s.layers)) }));
    ran = await askTorch('scripts', scripts);
  });

  it('a script for a stack the tool accepts runs and prints the output shape the tool shows', () => {
    const bad = valid.flatMap((s, k) => {
      const shown = calculateStack(s.input, s.layers).output!;
      const r = ran[k]!;
      const expected = `torch.Size([${shown.join(', ')}])\n`;
      if (r.error) return [`${describeStack(s)}\n    raises ${r.error.type}: ${r.error.message}`];
      return r.stdout === expected ? [] : [`${describeStack(s)}\n    prints ${JSON.stringify(r.stdout)}, the tool shows ${JSON.stringify(expected)}`];
    });
    summary.add({ area: 'Copy as PyTorch scripts', item: 'CNN sizes: stacks the tool accepts', cases: valid.length, failed: bad.length });
    expect(bad, `${bad.length} of ${valid.length} scripts do not print what the tool shows`).toEqual([]);
  });

  it('a script for a stack the tool marks as wrong raises, with the message the tool quotes', () => {
    const version = inject('torchVersion');
    const bad = failing.flatMap((s, k) => {
      const result = calculateStack(s.input, s.layers);
      const r = ran[valid.length + k]!;
      if (!r.error) return [`${describeStack(s)}\n    runs and prints ${JSON.stringify(r.stdout)}; the tool shows an error at layer ${result.firstError}`];
      const quoted = result.rows[result.firstError!]!.pytorchError;
      if (quoted === null || wordingOf({ message: quoted }, r.error).kind !== 'differs') return [];
      return [`${describeStack(s)}\n    raises ${r.error.type}: ${r.error.message}\n    the tool quotes “${quoted}” (${describeWording(wordingOf({ message: quoted }, r.error), version)})`];
    });
    summary.add({ area: 'Copy as PyTorch scripts', item: 'CNN sizes: stacks the tool marks as wrong', cases: failing.length, failed: bad.length });
    expect(bad, `${bad.length} of ${failing.length} scripts disagree with the tool`).toEqual([]);
  });
});
