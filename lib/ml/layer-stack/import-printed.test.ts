/**
 * importPyTorch() on what people paste besides an nn.Sequential: what print(model) prints, and
 * model classes. The fixtures in testing/torch were written by real PyTorch 1.13 and torchvision
 * 0.14 (make_fixtures.py), and expected.json holds what PyTorch itself computed for each: the
 * output shape and the parameter count. The calculator must agree with it.
 */
import { describe, expect, it } from 'vitest';
import { calculateStack } from './calculate';
import { layerToPython } from './export-pytorch';
import { importPyTorch, type ImportResult } from './import-pytorch';
import { readFixture as fixture } from './testing/torch/python.mjs';

interface Expected {
  readonly input: readonly [number, number, number, number];
  readonly output: readonly number[];
  readonly parameters: number;
  readonly chain: string | null;
  readonly code?: readonly string[];
  readonly stem?: { readonly output: readonly number[]; readonly parameters: number };
}
const EXPECTED = JSON.parse(fixture('expected.json')) as Record<string, Expected>;

/** The calculator's output shape and parameter count for an import, on the input PyTorch used. */
function outcome(r: ImportResult, name: string): { output: readonly number[] | null; parameters: number } {
  const [batch, channels, height, width] = EXPECTED[name]!.input;
  const result = calculateStack({ batch, channels, height, width }, r.layers ?? []);
  return { output: result.output, parameters: result.parameters };
}

describe('importPyTorch() on print(model)', () => {
  it.each(['alexnet', 'vgg16'])('importPyTorch() reads print(torchvision.models.%s()) with the flatten forward() does, as PyTorch counts it', (name) => {
    const r = importPyTorch(fixture(`${name}.txt`));
    expect(r.problems).toEqual([]);
    expect(r.stopped).toBeNull();
    expect(outcome(r, name)).toEqual({ output: EXPECTED[name]!.output, parameters: EXPECTED[name]!.parameters });
    expect(r.notes.join('\n')).toMatch(/is not an nn\.Sequential: its children \(features, avgpool, classifier\) were taken in the order print\(model\) lists them/);
    expect(r.notes.join('\n')).toContain('Inserted nn.Flatten() before classifier: a Linear layer cannot take a 4-D feature map, so forward() must flatten there');
  });

  it('importPyTorch() reads print(resnet18()) up to its first residual block and says why it stops there', () => {
    const r = importPyTorch(fixture('resnet18.txt'));
    expect(r.problems).toEqual([]);
    expect(r.layers!.map((l) => layerToPython(l, ''))).toEqual(['Conv2d(3, 64, 7, stride=2, padding=3, bias=False)', 'BatchNorm2d(64)', 'ReLU(inplace=True)', 'MaxPool2d(3, stride=2, padding=1)']);
    expect(outcome(r, 'resnet18')).toEqual(EXPECTED.resnet18!.stem);
    expect(r.stopped).toMatchObject({ line: 7, column: 10 });
    expect(r.stopped!.message).toBe(
      'layer1.0 is a BasicBlock, a module with its own forward(), which the pasted text does not show. torchvision’s BasicBlock adds its input back to its output (a residual connection). A chain of layers cannot express that, so the calculator stops here; it follows nn.Sequential and single layers.',
    );
  });

  it('importPyTorch() reads a printed nested Sequential as PyTorch runs it', () => {
    const r = importPyTorch(fixture('nested-sequential.txt'));
    expect(r.problems).toEqual([]);
    expect(r.layers).toHaveLength(16);
    expect(outcome(r, 'nested-sequential')).toEqual({ output: EXPECTED['nested-sequential']!.output, parameters: EXPECTED['nested-sequential']!.parameters });
    expect(r.notes).toContain(
      'print(model) does not show an AvgPool2d’s ceil_mode, count_include_pad or divisor_override: their defaults (False, True, None) are assumed. If the model sets ceil_mode=True, the sizes after that layer differ.',
    );
  });

  it('importPyTorch() reads every layer as print() writes it (padding=same and padding_mode=reflect unquoted) to the layer the code built', () => {
    const printed = importPyTorch(fixture('every-layer.txt'));
    expect(printed.problems).toEqual([]);
    const code = EXPECTED['every-layer']!.code!;
    const built = importPyTorch(code.join(',\n'));
    expect(built.problems).toEqual([]);
    expect(printed.layers).toEqual(built.layers);
    expect(outcome(printed, 'every-layer')).toEqual({ output: EXPECTED['every-layer']!.output, parameters: EXPECTED['every-layer']!.parameters });
  });

  it('importPyTorch() reads repeated children as PyTorch 2.2 prints them, (0-2): 3 x ReLU()', () => {
    const r = importPyTorch('Sequential(\n  (0): Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1))\n  (1-3): 3 x ReLU()\n  (4): Flatten(start_dim=1, end_dim=-1)\n)');
    expect(r.problems).toEqual([]);
    expect(r.layers!.map((l) => l.type)).toEqual(['Conv2d', 'ReLU', 'ReLU', 'ReLU', 'Flatten']);
  });
});

describe('importPyTorch() on model classes', () => {
  it('importPyTorch() reads the PyTorch tutorial’s CIFAR-10 Net through its forward(): the pool layer counts twice', () => {
    const r = importPyTorch(fixture('tutorial-net.py.txt'));
    expect(r.problems).toEqual([]);
    expect(r.layers!.map((l) => layerToPython(l, ''))).toEqual([
      'Conv2d(3, 6, 5)',
      'ReLU()',
      'MaxPool2d(2, stride=2)',
      'Conv2d(6, 16, 5)',
      'ReLU()',
      'MaxPool2d(2, stride=2)',
      'Flatten()',
      'Linear(400, 120)',
      'ReLU()',
      'Linear(120, 84)',
      'ReLU()',
      'Linear(84, 10)',
    ]);
    expect(outcome(r, 'tutorial-net')).toEqual({ output: EXPECTED['tutorial-net']!.output, parameters: EXPECTED['tutorial-net']!.parameters });
  });

  it('importPyTorch() reads x.view(x.size(0), -1), F.log_softmax and an __init__ parameter with a default', () => {
    const r = importPyTorch(fixture('view-net.py.txt'));
    expect(r.problems).toEqual([]);
    expect(outcome(r, 'view-net')).toEqual({ output: EXPECTED['view-net']!.output, parameters: EXPECTED['view-net']!.parameters });
  });

  it('importPyTorch() reads torchvision’s AlexNet source as it is: typed defaults, _log_api_usage_once skipped, torch.flatten in forward()', () => {
    const r = importPyTorch(fixture('alexnet-source.py.txt'));
    expect(r.problems).toEqual([]);
    expect(outcome(r, 'alexnet-source')).toEqual({ output: EXPECTED['alexnet-source']!.output, parameters: EXPECTED['alexnet-source']!.parameters });
    expect(r.notes).toEqual(['Did not read line 4 (_log_api_usage_once(self)): the calculator does not run functions, loops or conditions (weight initialisation there changes no shape).']);
  });

  it('importPyTorch() says where a residual forward() leaves the chain', () => {
    const r = importPyTorch(fixture('residual-block.py.txt'));
    expect(r.layers).toBeNull();
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '11:42 Block.forward(), line 11: x is used a second time here, which starts a branch (ResNet keeps its input this way to add it back later). A chain of layers cannot express that.',
    ]);
    const later = importPyTorch(fixture('residual-block.py.txt').replace('identity = x\n', '').replace('out += identity', 'out = out'));
    expect(later.problems).toEqual([]);
    expect(later.layers!.map((l) => l.type)).toEqual(['Conv2d', 'BatchNorm2d', 'ReLU', 'Conv2d', 'BatchNorm2d', 'ReLU']);
    const added = importPyTorch(fixture('residual-block.py.txt').replace('identity = x\n', ''));
    expect(added.stopped?.message).toBe('Block.forward(), line 12: `out += identity` combines two tensors (adding the block’s input back is a residual connection). A chain of layers cannot express that.');
    expect(added.layers!.map((l) => l.type)).toEqual(['Conv2d', 'BatchNorm2d', 'ReLU', 'Conv2d', 'BatchNorm2d']);
  });

  it('importPyTorch() joins __init__’s blocks in order when forward() is not pasted, and says what forward() must do', () => {
    const r = importPyTorch(`class Small(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(2))
        self.classifier = nn.Sequential(nn.Dropout(), nn.Linear(8 * 2 * 2, num_classes))
`);
    expect(r.problems).toEqual([]);
    expect(r.layers!.map((l) => l.type)).toEqual(['Conv2d', 'ReLU', 'AdaptiveAvgPool2d', 'Flatten', 'Dropout', 'Linear']);
    expect(r.notes).toEqual([
      'Small’s forward() is not in the pasted code: its layers were taken in the order __init__ defines them (self.features, self.classifier), as if forward() called each once, in that order. Paste forward() too, to have it read.',
      'Inserted nn.Flatten() before self.classifier: a Linear layer cannot take a 4-D feature map, so forward() must flatten there (torchvision’s AlexNet, VGG and ResNet call torch.flatten(x, 1)), which the pasted code does not show.',
    ]);
  });

  it('importPyTorch() instantiates a pasted class where the code calls it, with its arguments', () => {
    const r = importPyTorch(`class Block(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU())
    def forward(self, x):
        return self.body(x)

model = nn.Sequential(Block(3, 16), Block(16, 32), nn.Flatten())
x = torch.randn(2, 3, 8, 8)
`);
    expect(r.problems).toEqual([]);
    expect(r.layers!.map((l) => layerToPython(l, ''))).toEqual(['Conv2d(3, 16, 3, padding=1)', 'ReLU()', 'Conv2d(16, 32, 3, padding=1)', 'ReLU()', 'Flatten()']);
  });

  it('importPyTorch() names an __init__ parameter without a default, and a method it does not run', () => {
    const r = importPyTorch(`class VGG(nn.Module):
    def __init__(self, features: nn.Module, num_classes: int = 1000) -> None:
        super().__init__()
        self.features = features
        self.classifier = self._make_classifier(num_classes)
`);
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '4:25 features is a parameter of VGG.__init__ without a default value, so the pasted code does not say what it is: give it a default in the def line (features=...)',
      '5:27 self._make_classifier(...) calls a method of the pasted class, which the calculator does not run: it reads layers built in __init__ itself',
    ]);
  });
});
