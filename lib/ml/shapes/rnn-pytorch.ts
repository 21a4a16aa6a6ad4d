/** nn.RNN configurations written as PyTorch code a reader can paste into Python and run. */
import { pythonBool, pythonFloatLiteral, pythonStr } from '../../common';
import { type PyTorchMessage, RNN_DEFAULTS, rnnConstructorCheck, rnnForwardShapes, type RnnConfig } from './rnn';

/**
 * The constructor call, positional sizes then keyword arguments that differ from the defaults, in
 * the signature's order: "nn.RNN(10, 20, num_layers=2, bidirectional=True)".
 */
export function rnnConstructorCode(config: RnnConfig): string {
  const args = [String(config.inputSize), String(config.hiddenSize)];
  if (config.numLayers !== RNN_DEFAULTS.numLayers) args.push(`num_layers=${config.numLayers}`);
  if (config.nonlinearity !== RNN_DEFAULTS.nonlinearity) args.push(`nonlinearity=${pythonStr(config.nonlinearity)}`);
  if (config.bias !== RNN_DEFAULTS.bias) args.push(`bias=${pythonBool(config.bias)}`);
  if (config.batchFirst !== RNN_DEFAULTS.batchFirst) args.push(`batch_first=${pythonBool(config.batchFirst)}`);
  if (config.dropout !== RNN_DEFAULTS.dropout) args.push(`dropout=${pythonFloatLiteral(config.dropout)}`);
  if (config.bidirectional !== RNN_DEFAULTS.bidirectional) args.push(`bidirectional=${pythonBool(config.bidirectional)}`);
  return `nn.RNN(${args.join(', ')})`;
}

/** What the script is built from: the module, the tensors' shapes and the seed. */
export interface RnnScript {
  config: RnnConfig;
  inputShape: readonly number[];
  /** Omit to call rnn(input), which starts from zeros. */
  h0Shape?: readonly number[] | undefined;
  seed: number;
}

function describe({ kind, message, wording }: PyTorchMessage): string {
  return `${kind}: ${message}${wording ? ` (PyTorch ${wording}'s wording)` : ''}`;
}

function torchSize(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

/**
 * A complete script: imports, a seed, the module, torch.randn tensors of the given shapes, the
 * call, and the shapes it prints as comments; or, when the call fails, the exception it raises.
 */
export function rnnScript({ config, inputShape, h0Shape, seed }: RnnScript): string {
  const lines = ['import torch', 'from torch import nn', '', `torch.manual_seed(${seed})`];
  const built = rnnConstructorCheck(config);
  const warning = built.warnings[0];
  const note = built.error ? `  # raises ${describe(built.error)}` : warning ? `  # ${describe(warning)}` : '';
  lines.push(`rnn = ${rnnConstructorCode(config)}${note}`);
  if (built.error) return `${lines.join('\n')}\n`;
  lines.push(`input = torch.randn(${inputShape.join(', ')})`);
  if (h0Shape !== undefined) lines.push(`h0 = torch.randn(${h0Shape.join(', ')})`);
  const call = `output, h_n = rnn(input${h0Shape !== undefined ? ', h0' : ''})`;
  const result = rnnForwardShapes(config, inputShape, h0Shape);
  if (!result.ok) {
    lines.push(`${call}  # raises ${describe(result.error)}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(call, `print(output.shape)  # ${torchSize(result.output)}`, `print(h_n.shape)  # ${torchSize(result.hN)}`);
  return `${lines.join('\n')}\n`;
}
