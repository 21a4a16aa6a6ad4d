/**
 * batchNorm and nn.BatchNorm2d against real PyTorch: values, gradients, running statistics over
 * several training steps, evaluation, and refused inputs. Skips, saying why, where PyTorch is not
 * installed (see testing/torch.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { BatchNorm2d, type BatchNormOptions } from '../nn/normalization';
import type { Tensor } from '../tensor';
import { randomTensor } from '../testing/gradcheck';
import { describeWithTorch, maxDiff, runTorch, TORCH_STARTUP_TIMEOUT, type Nested } from '../testing/torch';

const C = 3;
const BATCHES = [0, 1, 2].map((i) => randomTensor([4, C, 3, 5], 10 + i, -2 + i, 3 + 2 * i).detach());
const TEST = randomTensor([2, C, 3, 5], 20).detach();
const CONFIGS: BatchNormOptions[] = [{}, { momentum: 0.3, eps: 1e-3 }, { momentum: null }, { affine: false }, { trackRunningStats: false }];

const SCRIPT = `
configs = []
for options in INPUT['configs']:
    bn = nn.BatchNorm2d(${C}, eps=options.get('eps', 1e-5), momentum=options.get('momentum', 0.1) if 'momentum' in options else 0.1,
                        affine=options.get('affine', True), track_running_stats=options.get('trackRunningStats', True)).double()
    if bn.affine:
        with torch.no_grad():
            bn.weight.copy_(T(INPUT['weight']))
            bn.bias.copy_(T(INPUT['bias']))
    steps = []
    for batch, dy in zip(INPUT['batches'], INPUT['dys']):
        x = T(batch, True)
        bn.zero_grad()
        y = bn(x)
        y.backward(T(dy))
        # clone(): zero_grad() and the next step overwrite these tensors in place.
        copy = lambda t: None if t is None else t.detach().clone()
        steps.append({'y': y, 'dx': x.grad, 'dw': copy(bn.weight.grad) if bn.affine else None, 'db': copy(bn.bias.grad) if bn.affine else None,
                      'mean': copy(bn.running_mean), 'var': copy(bn.running_var)})
    bn.eval()
    x = T(INPUT['test'], True)
    y = bn(x)
    y.backward(T(INPUT['dyTest']))
    configs.append({'steps': steps, 'eval': y, 'evalDx': x.grad})
errors = [
    error_of(lambda: nn.BatchNorm2d(3)(torch.zeros(3, 4, 4))),
    error_of(lambda: nn.BatchNorm2d(3)(torch.zeros(2, 2, 4, 4))),
    error_of(lambda: nn.BatchNorm2d(3)(torch.zeros(1, 3, 1, 1))),
]
emit({'configs': configs, 'errors': errors})
`;

interface Step { y: Nested; dx: Nested; dw: Nested | null; db: Nested | null; mean: Nested | null; var: Nested | null }

describeWithTorch('BatchNorm2d against PyTorch 1.13', () => {
  const weight = randomTensor([C], 1, 0.5, 2).detach();
  const bias = randomTensor([C], 2).detach();
  const dys = BATCHES.map((b, i) => randomTensor(b.shape, 30 + i).detach());
  const dyTest = randomTensor(TEST.shape, 40).detach();
  let torch: { configs: { steps: Step[]; eval: Nested; evalDx: Nested }[]; errors: string[] };
  beforeAll(() => {
    torch = runTorch(SCRIPT, {
      configs: CONFIGS,
      weight: weight.toArray(),
      bias: bias.toArray(),
      batches: BATCHES.map((b) => b.toArray()),
      dys: dys.map((d) => d.toArray()),
      test: TEST.toArray(),
      dyTest: dyTest.toArray(),
    });
  }, TORCH_STARTUP_TIMEOUT);

  it('three training steps then evaluation: outputs, gradients and running statistics as PyTorch (float64, 1e-12)', () => {
    CONFIGS.forEach((options, k) => {
      const label = JSON.stringify(options);
      const bn = new BatchNorm2d(C, { ...options, dtype: 'float64' });
      if (bn.weight && bn.bias) {
        bn.weight.data.set(weight.data);
        bn.bias.data.set(bias.data);
      }
      const expected = torch.configs[k]!;
      const check = (ours: Tensor | null, theirs: Nested | null, what: string) => {
        expect(ours === null, `${label} ${what} exists`).toBe(theirs === null);
        if (ours !== null) expect(maxDiff(ours.toArray(), theirs!), `${label} ${what}`).toBeLessThan(1e-12);
      };
      BATCHES.forEach((batch, s) => {
        const x = batch.detach();
        x.requiresGrad = true;
        bn.zeroGrad();
        const y = bn.forward(x);
        y.backward(dys[s]);
        const step = expected.steps[s]!;
        check(y, step.y, `step ${s + 1} output`);
        check(x.grad, step.dx, `step ${s + 1} input gradient`);
        check(bn.weight?.grad ?? null, step.dw, `step ${s + 1} weight gradient`);
        check(bn.bias?.grad ?? null, step.db, `step ${s + 1} bias gradient`);
        check(bn.runningMean, step.mean, `step ${s + 1} running mean`);
        check(bn.runningVar, step.var, `step ${s + 1} running variance`);
      });
      bn.eval();
      const x = TEST.detach();
      x.requiresGrad = true;
      const y = bn.forward(x);
      y.backward(dyTest);
      check(y, expected.eval, 'eval output');
      check(x.grad, expected.evalDx, 'eval input gradient');
    });
  });

  it("BatchNorm2d refuses what PyTorch refuses, in PyTorch's words", () => {
    const [rank, channels, single] = torch.errors;
    expect(() => new BatchNorm2d(3).forward(randomTensor([3, 4, 4], 1))).toThrow(rank!);
    expect(() => new BatchNorm2d(3).forward(randomTensor([2, 2, 4, 4], 1))).toThrow(channels!);
    // PyTorch prints the size as torch.Size([1, 3, 1, 1]); the engine prints shapes as [1, 3, 1, 1].
    expect(() => new BatchNorm2d(3).forward(randomTensor([1, 3, 1, 1], 1))).toThrow(single!.replace('torch.Size(', '').replace(/\)$/, ''));
  });
});
