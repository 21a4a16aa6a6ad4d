/**
 * SGD and Adam against real PyTorch: trajectories on a small problem in float64, and the messages
 * of refused arguments. Skips, saying why, where PyTorch is not installed (see testing/torch.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import { Adam, type AdamOptions } from './adam';
import { SGD, type SGDOptions } from './sgd';
import type { Optimizer } from './optimizer';
import { tensor } from '../create';
import type { Tensor } from '../tensor';
import { describeWithTorch, runTorch, TORCH_STARTUP_TIMEOUT } from '../testing/torch';

const START = [[0.5, -1.5, 2], [1, 0.25, -0.75]];
const TARGET = [[1, 2, -1], [0.5, -2, 3]];
const STEPS = 6;

/** Snake_case keyword arguments for PyTorch. */
const pythonKeywords = (options: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(options).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

/**
 * The parameters after each of STEPS steps minimising sum(((p − target) ⊙ p)²) / 2, a loss whose
 * gradient changes size from step to step (so that amsgrad's running maximum matters).
 */
function trajectory(make: (params: Tensor[]) => Optimizer): number[][][] {
  const p = tensor(START, { dtype: 'float64', requiresGrad: true });
  const target = tensor(TARGET, { dtype: 'float64' });
  const optimizer = make([p]);
  const out: number[][][] = [];
  for (let i = 0; i < STEPS; i++) {
    optimizer.zeroGrad();
    p.sub(target).mul(p).square().sum().div(2).backward();
    optimizer.step();
    out.push(p.toArray() as number[][]);
  }
  return out;
}

const SCRIPT = `
out = {'trajectories': [], 'errors': []}
for c in INPUT['runs']:
    p = T(INPUT['start'], True)
    target = T(INPUT['target'])
    opt = getattr(torch.optim, c['optimizer'])([p], **c['options'])
    steps = []
    for i in range(INPUT['steps']):
        opt.zero_grad()
        (((p - target) * p) ** 2).sum().div(2).backward()
        opt.step()
        steps.append(p.detach().clone())
    out['trajectories'].append(steps)
for c in INPUT['refused']:
    out['errors'].append(error_of(lambda: getattr(torch.optim, c['optimizer'])([torch.zeros(1, requires_grad=True)], **c['options'])))
emit(out)
`;

describeWithTorch('optim.SGD and optim.Adam against PyTorch 1.13', () => {
  const runs: [('SGD' | 'Adam'), SGDOptions | AdamOptions][] = [
    ['SGD', { lr: 0.05 }],
    ['SGD', { lr: 0.05, momentum: 0.9, dampening: 0.3, weightDecay: 0.01 }],
    ['SGD', { lr: 0.05, momentum: 0.8, nesterov: true }],
    ['Adam', { lr: 0.1 }],
    ['Adam', { lr: 0.1, betas: [0.8, 0.9], eps: 1e-6, weightDecay: 0.05 }],
    ['Adam', { lr: 0.1, amsgrad: true }],
    ['Adam', { lr: 0.3, betas: [0.5, 0.6], amsgrad: true, weightDecay: 0.01 }],
  ];
  const refused: ['SGD' | 'Adam', Record<string, unknown>][] = [
    ['SGD', { lr: -1 }],
    ['SGD', { lr: 0.1, momentum: -0.5 }],
    ['SGD', { lr: 0.1, weightDecay: -1 }],
    ['SGD', { lr: 0.1, nesterov: true }],
    ['SGD', { lr: 0.1, nesterov: true, momentum: 0.9, dampening: 0.1 }],
    ['SGD', { lr: 0.1, momentum: -0.5, weightDecay: -1 }],
    ['Adam', { lr: -1 }],
    ['Adam', { eps: -1 }],
    ['Adam', { betas: [1, 0.9] }],
    ['Adam', { betas: [0.9, 1] }],
    ['Adam', { betas: [-0.25, 0.9] }],
    ['Adam', { weightDecay: -1 }],
    ['Adam', { lr: -1, eps: -1 }],
  ];
  let torch: { trajectories: number[][][][]; errors: (string | null)[] };
  beforeAll(() => {
    torch = runTorch(SCRIPT, {
      start: START,
      target: TARGET,
      steps: STEPS,
      runs: runs.map(([optimizer, options]) => ({ optimizer, options: pythonKeywords(options) })),
      refused: refused.map(([optimizer, options]) => ({ optimizer, options: pythonKeywords(options) })),
    });
  }, TORCH_STARTUP_TIMEOUT);

  it('SGD (momentum, dampening, Nesterov, weight decay) and Adam (with and without amsgrad) follow PyTorch step by step (float64, 1e-12)', () => {
    runs.forEach(([name, options], i) => {
      const ours = trajectory((params) => (name === 'SGD' ? new SGD(params, options as SGDOptions) : new Adam(params, options as AdamOptions)));
      const theirs = torch.trajectories[i]!;
      ours.forEach((step, s) =>
        step.flat().forEach((v, j) => expect(Math.abs(v - theirs[s]!.flat()[j]!), `${name} ${JSON.stringify(options)} step ${s + 1}`).toBeLessThan(1e-12)),
      );
    });
    // amsgrad changes the trajectory (so the comparison above tests it).
    expect(torch.trajectories[5]!.at(-1)).not.toEqual(torch.trajectories[3]!.at(-1));
  });

  it("SGD and Adam refuse what PyTorch refuses, in PyTorch's words (numbers printed as JavaScript prints them)", () => {
    refused.forEach(([name, options], i) => {
      const make = () => (name === 'SGD' ? new SGD([tensor([0])], options as unknown as SGDOptions) : new Adam([tensor([0])], options as AdamOptions));
      // Python prints the float -1.0 where JavaScript prints -1.
      const expected = torch.errors[i]!.replace(/(-?\d+)\.0$/, '$1');
      expect(make).toThrow(expected);
    });
  });
});
