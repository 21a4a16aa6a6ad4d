import { describe, expect, it } from 'vitest';
import { RNN_DEFAULTS, type RnnConfig } from './rnn';
import { rnnConstructorCode, rnnScript } from './rnn-pytorch';

const config = (options: Partial<RnnConfig>): RnnConfig => ({ ...RNN_DEFAULTS, inputSize: 10, hiddenSize: 20, ...options });

describe('rnnConstructorCode()', () => {
  it('rnnConstructorCode() writes only the arguments that differ from the defaults, in the signature order', () => {
    expect(rnnConstructorCode(config({}))).toBe('nn.RNN(10, 20)');
    expect(rnnConstructorCode(config({ numLayers: 2, bidirectional: true }))).toBe('nn.RNN(10, 20, num_layers=2, bidirectional=True)');
    expect(
      rnnConstructorCode(config({ numLayers: 3, nonlinearity: 'relu', bias: false, batchFirst: true, dropout: 0.25, bidirectional: true })),
    ).toBe("nn.RNN(10, 20, num_layers=3, nonlinearity='relu', bias=False, batch_first=True, dropout=0.25, bidirectional=True)");
  });
});

describe('rnnScript()', () => {
  it("rnnScript() reproduces PyTorch's documented example, with the shapes it prints", () => {
    expect(rnnScript({ config: config({ numLayers: 2 }), inputShape: [5, 3, 10], h0Shape: [2, 3, 20], seed: 0 })).toBe(
      [
        'import torch',
        'from torch import nn',
        '',
        'torch.manual_seed(0)',
        'rnn = nn.RNN(10, 20, num_layers=2)',
        'input = torch.randn(5, 3, 10)',
        'h0 = torch.randn(2, 3, 20)',
        'output, h_n = rnn(input, h0)',
        'print(output.shape)  # torch.Size([5, 3, 20])',
        'print(h_n.shape)  # torch.Size([2, 3, 20])',
        '',
      ].join('\n'),
    );
  });

  it('rnnScript() without h_0 calls rnn(input)', () => {
    const script = rnnScript({ config: config({ batchFirst: true, bidirectional: true }), inputShape: [3, 5, 10], seed: 4 });
    expect(script).toContain('output, h_n = rnn(input)\n');
    expect(script).not.toContain('h0 =');
    expect(script).toContain('print(output.shape)  # torch.Size([3, 5, 40])');
    expect(script).toContain('print(h_n.shape)  # torch.Size([2, 3, 20])');
  });

  it('rnnScript() marks the warning and the exception the script will show', () => {
    const script = rnnScript({ config: config({ dropout: 0.5 }), inputShape: [5, 3, 7], seed: 0 });
    expect(script).toContain('rnn = nn.RNN(10, 20, dropout=0.5)  # UserWarning: dropout option adds dropout');
    expect(script).toContain('output, h_n = rnn(input)  # raises RuntimeError: input.size(-1) must be equal to input_size. Expected 10, got 7\n');
    expect(script).not.toContain('print(');
  });
});
