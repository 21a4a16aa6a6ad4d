import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateStack } from './calculate';
import { layerToPython, stackToPython } from './export-pytorch';
import { importPyTorch, type ImportResult } from './import-pytorch';
import { PRESETS } from './presets';
import { defaultLayer, type StackInput } from './schema';
import { anyInput, anyLayer } from './testing/arbitraries';
import { TORCHVISION_ALEXNET, TORCHVISION_ALEXNET_PASTEABLE } from './testing/snippets';


/** LeNet from d2l.ai's PyTorch edition (chapter “Convolutional Neural Networks (LeNet)”), on 28 × 28 images. */
const D2L_LENET = `
net = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
    nn.Linear(120, 84), nn.Sigmoid(),
    nn.Linear(84, 10))
`;

const total = (r: ImportResult, input: StackInput): number => calculateStack(input, r.layers ?? []).parameters;
const where = (r: ImportResult): string[] => r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('importPyTorch() on real-world code', () => {
  it('importPyTorch() reads torchvision’s AlexNet once its two variables have values: 61,100,840 parameters', () => {
    const missing = importPyTorch(TORCHVISION_ALEXNET);
    expect(missing.layers).toBeNull();
    expect(where(missing)).toEqual([
      '19:26 dropout is not defined here: write its value (for example 10), or define it above with dropout = 10',
      '22:26 dropout is not defined here: write its value (for example 10), or define it above with dropout = 10',
      '25:29 num_classes is not defined here: write its value (for example 10), or define it above with num_classes = 10',
    ]);
    // torchvision flattens in forward(); here a Flatten between the blocks stands for that line.
    const r = importPyTorch(TORCHVISION_ALEXNET_PASTEABLE);
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual(['Joined 4 blocks in order: self.features (line 7), self.avgpool (line 22), flatten (line 23), self.classifier (line 24).']);
    expect(r.layers).toHaveLength(22);
    expect(total(r, { batch: 1, channels: 3, height: 224, width: 224 })).toBe(61_100_840);
  });

  it('importPyTorch() reads d2l.ai’s LeNet: 61,706 parameters on a 28 × 28 image', () => {
    const r = importPyTorch(D2L_LENET);
    expect(r.problems).toEqual([]);
    const result = calculateStack({ batch: 1, channels: 1, height: 28, width: 28 }, r.layers!);
    expect(result.parameters).toBe(61_706);
    expect(result.output).toEqual([1, 10]);
  });

  it("importPyTorch() reads ceil_mode=True: GoogLeNet's stem gives the paper's 112, 56, 56, 28 (Szegedy et al. 2014, table 1)", () => {
    const r = importPyTorch(`nn.Sequential(
    nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False),
    nn.MaxPool2d(3, stride=2, ceil_mode=True),
    nn.Conv2d(64, 64, kernel_size=1),
    nn.Conv2d(64, 192, kernel_size=3, padding=1),
    nn.MaxPool2d(3, stride=2, ceil_mode=True),
)`);
    expect(r.problems).toEqual([]);
    const result = calculateStack({ batch: 1, channels: 3, height: 224, width: 224 }, r.layers!);
    expect(result.rows.map((row) => row.output?.[2])).toEqual([112, 56, 56, 56, 28]);
    expect(result.rows[1]!.notes.join(' ')).toContain('(112 + 2 × 0 − 3) / 2 = 54.5 is rounded up (ceil_mode=True), so 56 positions fit');
    expect(layerToPython(r.layers![1]!)).toBe('nn.MaxPool2d(3, stride=2, ceil_mode=True)');
  });

  it('importPyTorch() reads comments, keyword arguments, tuples, torch.nn. and no prefix, trailing commas', () => {
    const r = importPyTorch(`
import torch
from torch import nn
from torch.nn import ReLU

model = torch.nn.Sequential(  # a small CNN
    nn.Conv2d(in_channels=3, out_channels=16, kernel_size=(3, 3), stride=1, padding=(1, 1), bias=False),  # conv1
    nn.BatchNorm2d(16, eps=1e-05, momentum=0.1),
    ReLU(inplace=True),
    # a comment line between layers
    nn.MaxPool2d(kernel_size=[2, 2]),
    nn.Flatten(start_dim=1),
    nn.Linear(16 * 16 * 16, 10,),
)
`);
    expect(r.problems).toEqual([]);
    expect(r.layers!.map((l) => layerToPython(l, ''))).toEqual([
      'Conv2d(3, 16, 3, padding=1, bias=False)',
      'BatchNorm2d(16)',
      'ReLU(inplace=True)',
      'MaxPool2d(2)',
      'Flatten()',
      'Linear(4096, 10)',
    ]);
  });

  it('importPyTorch() reads nested Sequentials, blocks used later, OrderedDict and a bare list of layers', () => {
    const nested = importPyTorch(`
features = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU())
head = nn.Sequential(nn.Flatten(), nn.Linear(4 * 26 * 26, 10))
model = nn.Sequential(features, nn.Sequential(nn.Dropout(0.25)), head)
`);
    expect(nested.problems).toEqual([]);
    expect(nested.notes).toEqual([]);
    expect(nested.layers!.map((l) => l.type)).toEqual(['Conv2d', 'ReLU', 'Dropout', 'Flatten', 'Linear']);

    const ordered = importPyTorch(`
from collections import OrderedDict
model = nn.Sequential(OrderedDict([
    ('conv1', nn.Conv2d(1, 20, 5)),
    ('relu1', nn.ReLU()),
]))`);
    expect(ordered.layers!.map((l) => l.type)).toEqual(['Conv2d', 'ReLU']);
    expect(ordered.notes).toEqual(['The layer names of the OrderedDict (conv1, relu1) are not kept.']);

    const bare = importPyTorch('nn.Conv2d(3, 8, 3),\nnn.ReLU(),\n');
    expect(bare.layers!.map((l) => l.type)).toEqual(['Conv2d', 'ReLU']);
  });

  it('importPyTorch() takes the input shape from torch.randn and ignores print()', () => {
    const r = importPyTorch('model = nn.Sequential(nn.Conv2d(3, 8, 3))\nx = torch.randn(16, 3, 64, 48)\nprint(model(x).shape)\n');
    expect(r.problems).toEqual([]);
    expect(r.input).toEqual({ batch: 16, channels: 3, height: 64, width: 48 });
    expect(importPyTorch('nn.ReLU()\nx = torch.rand((3, 32, 32))').input).toEqual({ batch: 1, channels: 3, height: 32, width: 32 });
  });
});

describe('importPyTorch() on broken code', () => {
  it('importPyTorch() points at an unclosed bracket and an unterminated string', () => {
    expect(where(importPyTorch('model = nn.Sequential(\n    nn.Conv2d(3, 16, 3),\n    nn.ReLU(\n'))).toEqual(['3:12 “(” is never closed']);
    expect(where(importPyTorch("nn.Conv2d(3, 16, 3, padding='same)"))).toEqual(["1:29 this string is never closed (expected ')"]);
    expect(where(importPyTorch('x = (1, 2]'))).toEqual(['1:10 “]” does not match the “(” opened at line 1, column 5']);
  });

  it('importPyTorch() points at a missing comma between layers', () => {
    const r = importPyTorch('nn.Sequential(\n  nn.Conv2d(3, 16, 3)\n  nn.ReLU(),\n)');
    expect(where(r)).toEqual(['3:3 expected “,” or “)” in the arguments of nn.Sequential(...), found “nn”']);
  });

  it('importPyTorch() names misspelt and unknown arguments, wrong values and missing ones, all at once', () => {
    const r = importPyTorch(`model = nn.Sequential(
  nn.Conv2d(3, 16, kernal_size=3),  # typo
  nn.ReLU(),
  nn.LocalResponseNorm(5),
  nn.Linear(10, 2.5),
  nn.MaxPool2d(2, return_indices=True),
  nn.Dropout(p=1.5),
  nn.Conv2d(3, 8, 3, padding='full'),
  nn.Linear(512 / 2, 10),
)`);
    expect(r.layers).toBeNull();
    expect(where(r)).toEqual([
      '2:3 nn.Conv2d needs the argument kernel_size',
      '2:20 nn.Conv2d has no argument named kernal_size; did you mean kernel_size?',
      '4:3 nn.LocalResponseNorm is not supported here. Supported layers: Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, AdaptiveMaxPool2d, BatchNorm2d, ReLU, ReLU6, LeakyReLU, ELU, GELU, SiLU, Sigmoid, Tanh, Softplus, Softmax, LogSoftmax, Identity, Dropout, Dropout2d, Flatten, Linear',
      '5:17 nn.Linear: out_features must be a whole number (int), got the float 2.5',
      '6:34 nn.MaxPool2d: return_indices=True makes the layer return a tuple (values, indices), which the next layer of an nn.Sequential cannot take',
      '7:16 nn.Dropout: p must be from 0 to 1 (PyTorch’s rule), got 1.5',
      "8:30 nn.Conv2d: padding must be an int, a pair, 'valid' or 'same', got 'full'",
      '9:13 nn.Linear: in_features must be a whole number (int), got the float 256.0 (in Python, / gives a float; use // for whole-number division)',
    ]);
  });

  it('importPyTorch() explains code around the model that it does not read', () => {
    const r = importPyTorch('class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n');
    expect(where(r)).toEqual([
      '1:1 no layers found in class Net (line 1): paste an nn.Sequential(...), a list of layers such as nn.Conv2d(3, 16, 3), nn.ReLU(), a model class, or what print(model) prints',
    ]);
    expect(where(importPyTorch('F.relu(x)'))).toEqual(['1:1 F.relu is a function, not a layer; inside nn.Sequential use the layer, such as nn.ReLU()']);
    expect(where(importPyTorch('# nothing here\n'))).toEqual([
      '1:1 no layers found: paste an nn.Sequential(...), a list of layers such as nn.Conv2d(3, 16, 3), nn.ReLU(), a model class, or what print(model) prints',
    ]);
    expect(where(importPyTorch('nn.ReLU()\nreturn x'))).toEqual(['2:1 this line is a return statement; paste the nn.Sequential(...) itself, a model class, or a list of layers']);
    const loop = importPyTorch('for i in range(3):\n    layers.append(nn.ReLU())\nmodel = nn.Sequential(nn.ReLU())');
    expect(loop.problems).toEqual([]);
    expect(loop.notes).toEqual(['Did not read lines 1–2 (for i in range(3)): the calculator does not run functions, loops or conditions (weight initialisation there changes no shape).']);
  });
});

describe('importPyTorch() on valid PyTorch that changes no shape', () => {
  it('importPyTorch() keeps padding_mode, divisor_override and eps=0, which PyTorch accepts', () => {
    const r = importPyTorch("nn.Conv2d(3, 8, 3, padding=1, padding_mode='reflect'), nn.AvgPool2d(2, divisor_override=3), nn.BatchNorm2d(8, eps=0)");
    expect(r.problems).toEqual([]);
    expect(r.layers!.map((l) => layerToPython(l, ''))).toEqual(["Conv2d(3, 8, 3, padding=1, padding_mode='reflect')", 'AvgPool2d(2, divisor_override=3)', 'BatchNorm2d(8, eps=0.0)']);
  });

  it('importPyTorch() accepts device= and dtype= with a note, and refuses an integer dtype as PyTorch does', () => {
    const r = importPyTorch("nn.Conv2d(3, 8, 3, device='cuda'), nn.Flatten(), nn.Linear(8, 2, dtype=torch.float64)");
    expect(r.problems).toEqual([]);
    expect(r.layers!.map((l) => layerToPython(l, ''))).toEqual(['Conv2d(3, 8, 3)', 'Flatten()', 'Linear(8, 2)']);
    expect(r.notes).toEqual([
      "device='cuda' is left out: where the parameters live changes no shape or count, and the copied code runs on the CPU.",
      'dtype=torch.float64 is left out: the table counts memory in float32, 4 bytes a number; in float64 each number takes 8 bytes. Shapes and parameter counts are the same. The input would need the same dtype.',
    ]);
    expect(where(importPyTorch('nn.Linear(8, 2, dtype=torch.int64)'))).toEqual([
      '1:23 nn.Linear: dtype=torch.int64 cannot hold trainable parameters; PyTorch 1.13 refuses it (“Only Tensors of floating point and complex dtype can require gradients”)',
    ]);
  });

  it('importPyTorch() says which limits are PyTorch’s and which are the calculator’s own', () => {
    expect(where(importPyTorch('nn.Conv2d(3, 8, 0)'))).toEqual(['1:17 nn.Conv2d: kernel_size must be at least 1 (PyTorch’s rule), got 0']);
    expect(where(importPyTorch('nn.Conv2d(3, 2_000_000, 3)'))).toEqual(['1:14 nn.Conv2d: out_channels must be from 1 to 1,000,000 in this calculator (its own limit), got 2,000,000']);
    expect(where(importPyTorch('nn.MaxPool2d(20000)'))).toEqual(['1:14 nn.MaxPool2d: kernel_size must be from 1 to 10,000 in this calculator (its own limit), got 20,000']);
    expect(where(importPyTorch("nn.Conv2d(3, 8, 3, padding_mode='mirror')"))).toEqual(["1:33 nn.Conv2d: padding_mode must be 'zeros', 'reflect', 'replicate' or 'circular', got 'mirror'"]);
    expect(where(importPyTorch('x = torch.randn(1, 3, 20000, 20000)'))).toEqual(['1:23 the calculator takes a height from 1 to 16,384 (its own limit), got 20000']);
  });
});

describe('stackToPython()', () => {
  it('stackToPython() writes a script that runs in eval mode without gradients, with the expected output shape', () => {
    const lenet = PRESETS.find((p) => p.id === 'lenet5')!;
    const layers = lenet.layers.slice(0, 3);
    const code = stackToPython(lenet.input, layers, calculateStack(lenet.input, layers));
    expect(code).toBe(
      [
        'import torch',
        'from torch import nn',
        '',
        'model = nn.Sequential(',
        '    nn.Conv2d(1, 6, 5),',
        '    nn.Tanh(),',
        '    nn.AvgPool2d(2),',
        ')',
        'model.eval()  # inference: dropout passes values through, batch norm uses its running statistics',
        'x = torch.randn(1, 1, 32, 32)  # (N, C, H, W)',
        'with torch.no_grad():',
        '    print(model(x).shape)  # torch.Size([1, 6, 14, 14])',
        '',
      ].join('\n'),
    );
  });

  it('stackToPython() says where a stack with an error fails, and with PyTorch’s words', () => {
    const input = { batch: 1, channels: 3, height: 8, width: 8 };
    const layers = [defaultLayer('Conv2d', { in_channels: 3, out_channels: 8, kernel_size: [3, 3] }), defaultLayer('Linear', { in_features: 8, out_features: 2 })];
    const code = stackToPython(input, layers, calculateStack(input, layers));
    expect(code).toContain('    print(model(x).shape)  # fails at layer 2, nn.Linear(8, 2), as the table shows: mat1 and mat2 shapes cannot be multiplied (48x6 and 8x2)\n');
  });

  it('stackToPython() output is read back without notes: model.eval() and with torch.no_grad() define no layers', () => {
    const lenet = PRESETS.find((p) => p.id === 'lenet5')!;
    const back = importPyTorch(stackToPython(lenet.input, lenet.layers, calculateStack(lenet.input, lenet.layers)));
    expect(back.problems).toEqual([]);
    expect(back.notes).toEqual([]);
  });

  it('stackToPython() output is read back by importPyTorch() unchanged (round trip, property)', () => {
    fc.assert(
      fc.property(anyInput, fc.array(anyLayer, { maxLength: 12 }), (input, layers) => {
        const back = importPyTorch(stackToPython(input, layers));
        expect(back.problems).toEqual([]);
        expect(back.layers).toEqual(layers);
        expect(back.input).toEqual(input);
      }),
      { numRuns: 300 },
    );
  });

  it('stackToPython() round-trips the presets', () => {
    for (const preset of PRESETS) {
      const back = importPyTorch(stackToPython(preset.input, preset.layers));
      expect(back.layers).toEqual(preset.layers);
      expect(back.input).toEqual(preset.input);
    }
  });
});
