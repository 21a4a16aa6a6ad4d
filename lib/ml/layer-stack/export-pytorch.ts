/**
 * Writes a layer stack as PyTorch code that runs as it is and that importPyTorch() reads back:
 * required arguments by position, the others by keyword and only when they differ from
 * PyTorch's defaults.
 */
import type { StackResult } from './calculate';
import { argsRecord, storedArgSpecs, type Layer, type StackInput } from './schema';
import { formatArg, sameArg } from './values';

/** One layer as a call, e.g. `nn.Conv2d(3, 96, 11, stride=4)`; `prefix` '' gives `Conv2d(...)`. */
export function layerToPython(layer: Layer, prefix = 'nn.'): string {
  const args = argsRecord(layer);
  const parts: string[] = [];
  for (const spec of storedArgSpecs(layer.type)) {
    const value = args[spec.name];
    if (value === undefined) continue;
    if (spec.default === undefined) parts.push(formatArg(spec, value));
    else if (!sameArg(value, spec.default)) parts.push(`${spec.name}=${formatArg(spec, value)}`);
  }
  return `${prefix}${layer.type}(${parts.join(', ')})`;
}

/** The comment after the forward pass: the shape the calculator expects, or the error it expects. */
function outcomeComment(result: StackResult | undefined): string {
  if (result === undefined) return '';
  if (result.pytorchStops === null) return result.output ? `  # torch.Size([${result.output.join(', ')}])` : '';
  const row = result.rows[result.pytorchStops]!;
  const what = row.pytorchError ?? row.error ?? 'an error';
  const where = row.atBuild ? `building layer ${row.index + 1}, ${layerToPython(row.layer)}, fails first` : `fails at layer ${row.index + 1}, ${layerToPython(row.layer)}`;
  return `  # ${where}, as the table shows: ${what}`;
}

/**
 * A complete script: imports, `model = nn.Sequential(...)`, model.eval(), an input tensor of the
 * stack's shape and a print of the output's shape, run without gradients. Given the calculator's
 * result, a comment says what it expects: the output shape, or the error and its layer.
 *
 * eval() is what the table assumes: a batch norm uses its running statistics (in training mode
 * PyTorch refuses a batch of one value per channel) and dropout passes its input through.
 */
export function stackToPython(input: StackInput, layers: readonly Layer[], result?: StackResult): string {
  const body = layers.map((layer) => `    ${layerToPython(layer)},`).join('\n');
  const { batch, channels, height, width } = input;
  return [
    'import torch',
    'from torch import nn',
    '',
    layers.length === 0 ? 'model = nn.Sequential()' : `model = nn.Sequential(\n${body}\n)`,
    'model.eval()  # inference: dropout passes values through, batch norm uses its running statistics',
    `x = torch.randn(${batch}, ${channels}, ${height}, ${width})  # (N, C, H, W)`,
    'with torch.no_grad():',
    `    print(model(x).shape)${outcomeComment(result)}`,
    '',
  ].join('\n');
}
