/**
 * The lesson's claims about dropout against real PyTorch 1.13: nn.Dropout(p) in training mode
 * zeroes each element with probability p and multiplies the rest by exactly 1/(1−p), so the mean
 * activation is kept; in evaluation mode it returns its input unchanged; a new module is in training
 * mode. And the lesson's CNN has the same parameter count as the same nn.Sequential in PyTorch.
 * (The masks themselves come from different generators and are not compared.)
 */
import { beforeAll, expect, it } from 'vitest';
import { nn, ones, Rng } from '../../engine';
import { describeWithTorch, runTorch, TORCH_STARTUP_TIMEOUT } from '../../engine/testing/torch';
import { SpecModel } from '../../ml/training';
import { digitsCnn } from './network';

const P = 0.25;
const N = 100_000;

const SCRIPT = `
torch.manual_seed(0)
p, n = INPUT['p'], INPUT['n']
drop = nn.Dropout(p)
x = torch.ones(n)
y = drop(x)
out = {'training': drop.training, 'values': sorted(set(y.tolist())), 'zeroFraction': (y == 0).double().mean().item(), 'mean': y.double().mean().item()}
drop.eval()
out['evalIdentity'] = bool(torch.equal(drop(x), x))
cnn = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Flatten(), nn.Linear(144, 64), nn.ReLU(), nn.Dropout(p), nn.Linear(64, 10))
out['parameters'] = sum(q.numel() for q in cnn.parameters())
out['fcParameters'] = sum(q.numel() for q in list(cnn[7].parameters()) + list(cnn[10].parameters()))
emit(out)
`;

interface TorchDropout {
  training: boolean;
  values: number[];
  zeroFraction: number;
  mean: number;
  evalIdentity: boolean;
  parameters: number;
  fcParameters: number;
}

describeWithTorch('nn.Dropout and the lesson CNN against PyTorch 1.13', () => {
  let torch: TorchDropout;
  beforeAll(() => {
    torch = runTorch<TorchDropout>(SCRIPT, { p: P, n: N });
  }, TORCH_STARTUP_TIMEOUT);

  it('in training mode both keep 0 and one other value, 1/(1−p) in float32, on about a share p of zeros', () => {
    const drop = new nn.Dropout(P, { rng: new Rng(3) });
    expect(drop.training).toBe(torch.training);
    const y = drop.forward(ones([N]));
    const values = [...new Set(y.data)].sort((a, b) => a - b);
    expect(values).toEqual(torch.values);
    expect(values[1]).toBe(Math.fround(1 / (1 - P)));
    // Binomial: the share of zeros is within 5 standard deviations of p, for both.
    const sd = Math.sqrt((P * (1 - P)) / N);
    const zeros = y.data.filter((v) => v === 0).length / N;
    for (const share of [zeros, torch.zeroFraction]) expect(Math.abs(share - P)).toBeLessThan(5 * sd);
    // So the mean stays 1 (up to the sampling): (1 − p) · 1/(1 − p) = 1.
    const mean = Array.from(y.data).reduce((a, b) => a + b, 0) / N;
    for (const m of [mean, torch.mean]) expect(Math.abs(m - 1)).toBeLessThan(5 * sd * (1 / (1 - P)));
  });

  it('in evaluation mode both return the input unchanged', () => {
    const drop = new nn.Dropout(P, { rng: new Rng(3) });
    drop.eval();
    const x = ones([N]);
    expect(Array.from(drop.forward(x).data)).toEqual(Array.from(x.data));
    expect(torch.evalIdentity).toBe(true);
  });

  it('the lesson CNN has PyTorch’s parameter count, most of it in the fully connected layers', () => {
    const model = new SpecModel(digitsCnn(P, 'fc'), { weights: new Rng(1), dropout: new Rng(2) });
    const count = model.parameters().reduce((sum, q) => sum + q.data.length, 0);
    expect(count).toBe(torch.parameters);
    expect(torch.parameters).toBe(11_178);
    expect(torch.fcParameters).toBe(9_930);
  });
});
