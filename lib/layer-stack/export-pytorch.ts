/**
 * Writes a layer stack as PyTorch code that runs as it is and that importPyTorch() reads back:
 * required arguments by position, the others by keyword and only when they differ from
 * PyTorch's defaults.
 */
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

/**
 * A complete script: imports, `model = nn.Sequential(...)`, an input tensor of the stack's shape
 * and a print of the output's shape (with the shape the calculator expects as a comment).
 */
export function stackToPython(input: StackInput, layers: readonly Layer[], expectedOutput?: readonly number[] | null): string {
  const body = layers.map((layer) => `    ${layerToPython(layer)},`).join('\n');
  const { batch, channels, height, width } = input;
  const expected = expectedOutput ? `  # torch.Size([${expectedOutput.join(', ')}])` : '';
  return [
    'import torch',
    'from torch import nn',
    '',
    layers.length === 0 ? 'model = nn.Sequential()' : `model = nn.Sequential(\n${body}\n)`,
    `x = torch.randn(${batch}, ${channels}, ${height}, ${width})  # (N, C, H, W)`,
    `print(model(x).shape)${expected}`,
    '',
  ].join('\n');
}
