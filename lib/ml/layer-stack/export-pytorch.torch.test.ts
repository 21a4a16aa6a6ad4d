/**
 * Every script that “Copy as PyTorch” hands out, run in real PyTorch (1.13 on this project's
 * machines): the presets, stacks from every preset's and the lessons' mistakes, and a few hundred
 * random stacks, valid and not. For each, the calculator's prediction is checked against what
 * PyTorch did:
 *
 * - a stack the table accepts runs as printed and prints the output shape the table shows, and
 *   PyTorch counts the same parameters and buffers;
 * - a stack the table rejects stops in PyTorch too, with the very message the table quotes as
 *   PyTorch's (first line), when it quotes one.
 *
 * Skipped, with the reason in its name, when no Python with torch is found (TORCH_PYTHON,
 * /usr/bin/python3 or python3). A `*.torch.test.ts` file: it belongs to the PyTorch oracle suite.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateStack, type StackResult } from './calculate';
import { layerToPython, stackToPython } from './export-pytorch';
import { PRESETS } from './presets';
import { defaultLayer, type ArgValue, type Layer, type LayerType, type StackInput } from './schema';
import { anyInput, anyLayer, validStack } from './testing/arbitraries';
import { findTorchPython, runScripts, type ScriptResult } from './testing/torch/python.mjs';

const torch = findTorchPython();
if (torch.python === null) console.warn(`export-pytorch.torch.test.ts skipped: ${torch.reason}`);
const L = (type: LayerType, args: Record<string, ArgValue> = {}): Layer => defaultLayer(type, args);
const image = (channels: number, height: number, width = height, batch = 1): StackInput => ({ batch, channels, height, width });

interface Case {
  readonly name: string;
  readonly input: StackInput;
  readonly layers: readonly Layer[];
}

/** Stacks chosen for the rules they exercise: eval mode, padding modes, 'same', batch norm, pooling. */
const CHOSEN: readonly Case[] = [
  { name: 'issue 9 A: adaptive pool to 1 × 1, then batch norm (one value per channel)', input: image(3, 8), layers: [L('Conv2d', { in_channels: 3, out_channels: 8, kernel_size: [3, 3] }), L('AdaptiveAvgPool2d', { output_size: [1, 1] }), L('BatchNorm2d', { num_features: 8 }), L('Flatten')] },
  { name: 'batch norm without running statistics on one value per channel', input: image(8, 1), layers: [L('BatchNorm2d', { num_features: 8, track_running_stats: false })] },
  { name: 'batch norm without running statistics, wrong channels', input: image(4, 1, 1, 2), layers: [L('BatchNorm2d', { num_features: 3, track_running_stats: false })] },
  { name: 'batch norm keeping nothing per channel takes any channel count', input: image(4, 2), layers: [L('BatchNorm2d', { num_features: 3, track_running_stats: false, affine: false })] },
  { name: 'dropout in eval mode', input: image(3, 4), layers: [L('Flatten'), L('Dropout', { p: 1 }), L('Linear', { in_features: 48, out_features: 2 })] },
  { name: 'issue 9 D: same padding, even kernel, wrong channels', input: image(3, 5), layers: [L('Conv2d', { in_channels: 9, out_channels: 4, kernel_size: [2, 2], padding: 'same' })] },
  { name: 'same padding, dilated even kernel, wrong channels', input: image(3, 5, 7), layers: [L('Conv2d', { in_channels: 9, out_channels: 4, kernel_size: [2, 2], padding: 'same', dilation: [3, 3] })] },
  { name: 'unbatched input, wrong channels', input: image(3, 5), layers: [L('Flatten', { start_dim: 0, end_dim: 0 }), L('Conv2d', { in_channels: 2, out_channels: 4, kernel_size: [2, 2] })] },
  { name: 'reflect padding', input: image(3, 8), layers: [L('Conv2d', { in_channels: 3, out_channels: 8, kernel_size: [3, 3], padding: [1, 1], padding_mode: 'reflect' })] },
  { name: 'reflect padding as large as the input', input: image(3, 4, 10), layers: [L('Conv2d', { in_channels: 3, out_channels: 4, kernel_size: [3, 3], padding: [4, 1], padding_mode: 'reflect' })] },
  { name: 'reflect padding wider than the input', input: image(3, 4, 10), layers: [L('Conv2d', { in_channels: 3, out_channels: 4, kernel_size: [3, 3], padding: [1, 12], padding_mode: 'reflect' })] },
  { name: 'reflect padding, same, even kernel, small input', input: image(3, 2, 9), layers: [L('Conv2d', { in_channels: 3, out_channels: 4, kernel_size: [4, 4], padding: 'same', padding_mode: 'reflect' })] },
  { name: 'reflect padding, wrong channels: PyTorch quotes the padded input', input: image(3, 5), layers: [L('Conv2d', { in_channels: 9, out_channels: 4, kernel_size: [4, 4], padding: 'same', padding_mode: 'reflect' })] },
  { name: 'circular padding wrapping twice', input: image(3, 4), layers: [L('Conv2d', { in_channels: 3, out_channels: 4, kernel_size: [3, 3], padding: [5, 5], padding_mode: 'circular' })] },
  { name: 'circular padding as large as the input', input: image(3, 4), layers: [L('Conv2d', { in_channels: 3, out_channels: 4, kernel_size: [3, 3], padding: [4, 4], padding_mode: 'circular' })] },
  { name: 'circular padding on an unbatched input', input: image(3, 4), layers: [L('Flatten', { start_dim: 0, end_dim: 0 }), L('Conv2d', { in_channels: 3, out_channels: 4, kernel_size: [1, 1], padding_mode: 'circular' })] },
  { name: 'replicate padding on a 2-D input', input: image(3, 4), layers: [L('Flatten'), L('Conv2d', { in_channels: 3, out_channels: 4, kernel_size: [1, 1], padding_mode: 'replicate' })] },
  { name: 'replicate padding larger than the input', input: image(3, 1), layers: [L('Conv2d', { in_channels: 3, out_channels: 4, kernel_size: [3, 3], padding: [5, 5], padding_mode: 'replicate' })] },
  { name: 'divisor_override', input: image(3, 4), layers: [L('AvgPool2d', { kernel_size: [2, 2], divisor_override: 3 })] },
  { name: 'divisor_override of zero', input: image(3, 4), layers: [L('AvgPool2d', { kernel_size: [2, 2], divisor_override: 0 })] },
  { name: 'batch norm with eps 0', input: image(3, 4, 4, 2), layers: [L('BatchNorm2d', { num_features: 3, eps: 0 })] },
  { name: 'the lesson: Linear without Flatten', input: image(256, 6), layers: [L('Linear', { in_features: 9216, out_features: 4096 })] },
  { name: 'the lesson: a colour convolution on grey images', input: image(1, 28), layers: [L('Conv2d', { in_channels: 3, out_channels: 16, kernel_size: [3, 3] })] },
];

/** Random stacks, the same on every run: valid ones, and any layers one after another (mostly mistakes). */
function randomCases(): Case[] {
  const valid = fc.sample(validStack, { seed: 9, numRuns: 150 });
  const any = fc.sample(fc.tuple(anyInput, fc.array(anyLayer, { minLength: 1, maxLength: 5 })), { seed: 19, numRuns: 150 });
  return [
    ...valid.map((s, i) => ({ name: `valid stack ${i}`, input: s.input, layers: s.layers })),
    ...any.map(([input, layers], i) => ({ name: `random stack ${i}`, input, layers })),
  ];
}

const PRESET_CASES: readonly Case[] = PRESETS.map((p) => ({ name: `preset ${p.label}`, input: p.input, layers: p.layers }));

/** What PyTorch did, against what the table says, in words (empty when they agree). */
function disagreement(c: Case, result: StackResult, ran: ScriptResult): string[] {
  const problems: string[] = [];
  const stack = c.layers.map((l) => layerToPython(l, '')).join(', ');
  const context = `${c.name}: input ${JSON.stringify(Object.values(c.input))}, ${stack}`;
  if (result.firstError === null) {
    if (ran.error) problems.push(`${context}: the table accepts it but PyTorch raised ${ran.error.type}: ${ran.error.message}`);
    else if (ran.stdout.trim() !== `torch.Size([${result.output!.join(', ')}])`) problems.push(`${context}: PyTorch printed ${ran.stdout.trim()}, the table says ${result.output!.join(', ')}`);
  } else {
    const row = result.rows[result.pytorchStops!]!;
    if (ran.error === null) problems.push(`${context}: the table reports an error at layer ${row.index + 1} (${row.error}) but PyTorch ran it`);
    else if (row.pytorchError !== null && ran.error.message !== row.pytorchError) {
      problems.push(`${context}: PyTorch said “${ran.error.message}”, the table quotes “${row.pytorchError}”`);
    }
  }
  if (ran.counts !== null && result.uncountedLayers === 0 && (ran.counts.parameters !== result.parameters || ran.counts.buffers !== result.buffers)) {
    problems.push(`${context}: PyTorch counts ${ran.counts.parameters} parameters and ${ran.counts.buffers} buffers, the table ${result.parameters} and ${result.buffers}`);
  }
  return problems;
}

describe.skipIf(torch.python === null)(`Copy as PyTorch, run in real PyTorch ${torch.version}${torch.python === null ? ` (skipped: ${torch.reason})` : ''}`, () => {
  it('every copied script runs as printed and does what the table says: the shape, or the error in PyTorch’s words', () => {
    const cases = [...PRESET_CASES, ...CHOSEN, ...randomCases()];
    const results = cases.map((c) => calculateStack(c.input, c.layers));
    const ran = runScripts(torch.python!, cases.map((c, i) => stackToPython(c.input, c.layers, results[i])));
    expect(ran).toHaveLength(cases.length);
    const problems = cases.flatMap((c, i) => disagreement(c, results[i]!, ran[i]!));
    expect(problems).toEqual([]);
    // The mix exercises both outcomes.
    expect(results.filter((r) => r.firstError === null).length).toBeGreaterThan(150);
    expect(results.filter((r) => r.pytorchStops !== null && r.rows[r.pytorchStops]!.pytorchError !== null).length).toBeGreaterThan(60);
  }, 900_000);
});
