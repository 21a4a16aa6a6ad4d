/**
 * The Trainer's CNN against real PyTorch 1.13, in float64: conv → ReLU → maxpool → flatten →
 * dropout → linear on pixelDigits, trained 5 steps of SGD with momentum. PyTorch starts from the
 * Trainer's initial weights and gets the Trainer's minibatches and its dropout masks (replayed from
 * the Trainer's dropout generator, and checked against what the Dropout layer really did); the
 * losses, the gradients of every parameter at every step, the weights after the last step and the
 * evaluation (dropout off) must agree to 1e-12. Skips, saying why, where PyTorch is not installed.
 */
import { beforeAll, expect, it } from 'vitest';
import { dropout, nn, ones, Rng, type Tensor } from '../../engine';
import { describeWithTorch, runTorch, TORCH_STARTUP_TIMEOUT } from '../../engine/testing/torch';
import { defaultLayer } from '../layer-stack';
import type { TrainSpec } from './spec';
import { DROPOUT_SEED, Trainer } from './trainer';

const P = 0.3;
const STEPS = 5;
const TOLERANCE = 1e-12;

const CNN: TrainSpec = {
  model: {
    input: [1, 8, 8],
    layers: [
      defaultLayer('Conv2d', { in_channels: 1, out_channels: 4, kernel_size: [3, 3] }),
      defaultLayer('ReLU'),
      defaultLayer('MaxPool2d', { kernel_size: [2, 2] }),
      defaultLayer('Flatten'),
      defaultLayer('Dropout', { p: P }),
      defaultLayer('Linear', { in_features: 36, out_features: 10 }),
    ],
  },
  data: { kind: 'images', dataset: 'digits', n: 200, size: 8, noise: 0.1 },
  loss: 'crossEntropy',
  optimizer: { type: 'SGD', lr: 0.1, momentum: 0.9 },
  batchSize: 16,
  clip: { mode: 'none', threshold: 1 },
  seed: 4,
  dtype: 'float64',
};

const SCRIPT = `
torch.set_default_dtype(torch.float64)
cnn = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Dropout(INPUT['p']), nn.Linear(36, 10))
with torch.no_grad():
    for name, p in cnn.named_parameters():
        p.copy_(T(INPUT['params'][name]).reshape(p.shape))
opt = torch.optim.SGD(cnn.parameters(), lr=INPUT['lr'], momentum=INPUT['momentum'])
X = T(INPUT['x']).reshape(-1, 1, 8, 8)
Y = torch.tensor(INPUT['y']).long()
out = {'losses': [], 'grads': []}
for rows, mask in zip(INPUT['batches'], INPUT['masks']):
    opt.zero_grad()
    h = cnn[0:4](X[rows])
    logits = cnn[5](h * T(mask).reshape(h.shape))
    loss = F.cross_entropy(logits, Y[rows])
    loss.backward()
    out['losses'].append(loss.item())
    out['grads'].append({name: p.grad.clone().flatten() for name, p in cnn.named_parameters()})  # a copy: zero_grad() zeroes .grad in place
    opt.step()
out['params'] = {name: p.detach().flatten() for name, p in cnn.named_parameters()}
with torch.no_grad():
    cnn.eval()
    out['evalLoss'] = F.cross_entropy(cnn(X), Y).item()
emit(out)
`;

interface TorchResult {
  losses: number[];
  grads: Record<string, number[]>[];
  params: Record<string, number[]>;
  evalLoss: number;
}

/** The largest |a − b| over two lists of the same length (Infinity when the lengths differ). */
function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
  return worst;
}

describeWithTorch('Trainer against PyTorch 1.13: a CNN with dropout, float64, 5 SGD steps', () => {
  const ours = { losses: [] as number[], grads: [] as Record<string, number[]>[], masksMatch: [] as boolean[], batches: [] as number[][] };
  let trainer: Trainer;
  let torch: TorchResult;

  beforeAll(() => {
    trainer = new Trainer(CNN);
    // The layers are the model's children '0' … '5', as in nn.Sequential: '0.weight', '5.bias' …
    const named = (): [string, Tensor][] => trainer.model.namedParameters();
    const start = Object.fromEntries(named().map(([name, t]) => [name, Array.from(t.data)]));
    const { train } = trainer.data;
    // Which training row each example of a minibatch is: rows are told apart by their pixels.
    const rowOf = new Map<string, number>();
    for (let r = 0; r < train.n; r++) rowOf.set(Array.from(train.x.subarray(r * 64, (r + 1) * 64)).join(','), r);
    // Each step's batch (the model's input) and what the Dropout layer did, by watching the calls.
    const model = trainer.model;
    const drop = model.at(4);
    if (!(drop instanceof nn.Dropout)) throw new Error('expected a Dropout layer at index 4');
    const forward = model.forward.bind(model);
    const dropForward = drop.forward.bind(drop);
    let batch: number[] = [];
    let dropped: { input: Tensor; output: Tensor } | undefined;
    model.forward = (x: Tensor): Tensor => {
      const [n = 0] = x.shape;
      batch = Array.from({ length: n }, (_, i) => rowOf.get(Array.from(x.data.subarray(i * 64, (i + 1) * 64)).join(',')) ?? -1);
      return forward(x);
    };
    drop.forward = (input: Tensor): Tensor => {
      const output = dropForward(input);
      dropped = { input, output };
      return output;
    };
    // The masks replayed from the Trainer's dropout generator: 0 or 1/(1 − p), one per unit.
    const maskRng = new Rng(CNN.seed ^ DROPOUT_SEED);
    const batches = ours.batches;
    const masks: number[][] = [];
    for (let s = 0; s < STEPS; s++) {
      const record = trainer.trainStep();
      ours.losses.push(record.loss);
      ours.grads.push(Object.fromEntries(named().map(([name, t]) => [name, Array.from(t.grad?.data ?? [])])));
      if (!dropped) throw new Error('the Dropout layer did not run');
      const mask = dropout(ones(dropped.input.shape, { dtype: 'float64' }), P, { training: true, rng: maskRng });
      ours.masksMatch.push(maxDifference(dropped.input.mul(mask).data, dropped.output.data) === 0);
      batches.push(batch);
      masks.push(Array.from(mask.data));
    }
    torch = runTorch<TorchResult>(SCRIPT, {
      p: P,
      lr: 0.1,
      momentum: 0.9,
      params: start,
      x: Array.from(train.x),
      y: Array.from(train.y),
      batches,
      masks,
    });
  }, TORCH_STARTUP_TIMEOUT);

  it('the masks sent to PyTorch are the ones the Trainer’s Dropout layer applied, and each batch is 16 distinct training rows', () => {
    expect(ours.masksMatch).toEqual(Array.from({ length: STEPS }, () => true));
    for (const batch of ours.batches) {
      expect(new Set(batch).size).toBe(16);
      expect(batch.every((r) => r >= 0 && r < trainer.data.train.n)).toBe(true);
    }
  });

  it('every step’s minibatch loss agrees to 1e-12, and the loss falls', () => {
    expect(maxDifference(ours.losses, torch.losses)).toBeLessThan(TOLERANCE);
    expect(ours.losses.at(-1)).toBeLessThan(ours.losses[0] ?? NaN);
  });

  it('every parameter’s gradient at every step agrees to 1e-12', () => {
    for (let s = 0; s < STEPS; s++) {
      const theirs = torch.grads[s] ?? {};
      expect(Object.keys(ours.grads[s] ?? {}).sort()).toEqual(Object.keys(theirs).sort());
      for (const [name, grad] of Object.entries(ours.grads[s] ?? {})) {
        expect(maxDifference(grad, theirs[name] ?? []), `step ${s + 1}, ${name}.grad`).toBeLessThan(TOLERANCE);
      }
    }
  });

  it('the weights after 5 steps and the evaluation (dropout off) agree to 1e-12', () => {
    for (const [name, t] of trainer.model.namedParameters()) expect(maxDifference(t.data, torch.params[name] ?? []), name).toBeLessThan(TOLERANCE);
    expect(Math.abs(trainer.evaluate().trainLoss - torch.evalLoss)).toBeLessThan(TOLERANCE);
  });
});
