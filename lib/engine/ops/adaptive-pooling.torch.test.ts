/**
 * adaptiveAvgPool2d and adaptiveMaxPool2d against real PyTorch: values and gradients for sizes
 * that divide the input, that do not (overlapping windows), larger than the input, and with None;
 * and refused inputs. Skips, saying why, where PyTorch is not installed (see testing/torch.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { adaptiveAvgPool2d, adaptiveMaxPool2d, type AdaptiveSize } from './adaptive-pooling';
import { randomTensor } from '../testing/gradcheck';
import { describeWithTorch, maxDiff, runTorch, TORCH_STARTUP_TIMEOUT, type Nested } from '../testing/torch';

const CASES: [number[], AdaptiveSize][] = [
  [[2, 3, 8, 6], [4, 3]],
  [[1, 2, 5, 7], [3, 2]],
  [[2, 1, 13, 9], [5, 4]],
  [[1, 2, 3, 2], [5, 7]],
  [[3, 6, 11], [4, null]],
  [[1, 1, 7, 7], 1],
];

const SCRIPT = `
out = []
for case in INPUT['cases']:
    size = tuple(case['size']) if isinstance(case['size'], list) else case['size']
    results = {}
    for name, f in (('avg', F.adaptive_avg_pool2d), ('max', F.adaptive_max_pool2d)):
        x = T(case['x'], True)
        y = f(x, size)
        y.backward(T(case['dy']))
        results[name] = {'y': y, 'dx': x.grad}
    out.append(results)
errors = [
    error_of(lambda: F.adaptive_avg_pool2d(torch.zeros(5, 5), 2)),
    error_of(lambda: F.adaptive_avg_pool2d(torch.zeros(1, 1, 5, 5), (2, -3))),
    error_of(lambda: F.adaptive_max_pool2d(torch.zeros(1, 1, 0, 3), 2)),
]
emit({'cases': out, 'errors': errors})
`;

describeWithTorch('adaptive pooling against PyTorch 1.13', () => {
  const inputs = CASES.map(([shape], i) => randomTensor(shape, 70 + i).detach());
  let torch: { cases: Record<'avg' | 'max', { y: Nested; dx: Nested }>[]; errors: string[] };
  const dys = CASES.map(([, size], i) => randomTensor(adaptiveAvgPool2d(inputs[i]!, size).shape, 80 + i).detach());
  beforeAll(() => {
    torch = runTorch(SCRIPT, { cases: CASES.map(([, size], i) => ({ x: inputs[i]!.toArray(), size, dy: dys[i]!.toArray() })) });
  }, TORCH_STARTUP_TIMEOUT);

  it('adaptiveAvgPool2d() and adaptiveMaxPool2d(): values and gradients as PyTorch, overlapping windows included (float64)', () => {
    CASES.forEach(([, size], i) => {
      for (const [name, pool] of [['avg', adaptiveAvgPool2d], ['max', adaptiveMaxPool2d]] as const) {
        const x = inputs[i]!.detach();
        x.requiresGrad = true;
        const y = pool(x, size);
        y.backward(dys[i]);
        const expected = torch.cases[i]![name];
        expect(maxDiff(y.toArray(), expected.y), `${name} ${JSON.stringify(size)}`).toBeLessThan(1e-14);
        expect(maxDiff(x.grad!.toArray(), expected.dx), `${name} ${JSON.stringify(size)} gradient`).toBeLessThan(1e-14);
      }
    });
  });

  it("adaptive pools refuse what PyTorch refuses, in PyTorch's words", () => {
    const [rank, negative, empty] = torch.errors;
    // PyTorch names the op adaptive_avg_pool2d(); the engine names its own functions.
    const words = (message: string) => message.replace(/^adaptive_(avg|max)_pool2d(\(\))?: /, '');
    expect(() => adaptiveAvgPool2d(randomTensor([5, 5], 1), 2)).toThrow(words(rank!));
    expect(() => adaptiveAvgPool2d(randomTensor([1, 1, 5, 5], 1), [2, -3])).toThrow(words(negative!));
    expect(() => adaptiveMaxPool2d(randomTensor([1, 1, 0, 3], 1), 2)).toThrow(words(empty!));
  });
});
