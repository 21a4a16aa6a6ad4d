/**
 * The widget's numbers against real PyTorch 1.13's nn.Dropout on the same h: every kept unit has the
 * same float32 value h/(1 − p) in both, p = 1 gives zeros and p = 0 gives h in training mode, and
 * eval() gives h. (The masks come from different generators and are not compared.)
 */
import { beforeAll, expect, it } from 'vitest';
import { describeWithTorch, runTorch, TORCH_STARTUP_TIMEOUT } from '../../engine/testing/torch';
import { dropoutForward, hiddenActivations, UNITS } from './forward';

const RATES = [0.05, 0.1, 0.25, 0.3, 0.5, 0.7, 0.75, 0.9, 0.95];

const SCRIPT = `
torch.manual_seed(0)
h = torch.tensor(INPUT['h'], dtype=torch.float32)
out = {'kept': [], 'zeros': [], 'eval': []}
for p in INPUT['rates']:
    drop = nn.Dropout(p)
    y = drop(h.repeat(400, 1))
    # Each unit's value wherever it was kept (one value per unit if the scaling is exact).
    out['kept'].append([sorted(set(v for v in y[:, i].tolist() if v != 0)) for i in range(h.numel())])
    drop.eval()
    out['eval'].append(bool(torch.equal(drop(h), h)))
out['p1'] = nn.Dropout(1.0)(h).tolist()
out['p0'] = nn.Dropout(0.0)(h).tolist()
emit(out)
`;

interface TorchForward {
  kept: number[][][];
  eval: boolean[];
  p1: number[];
  p0: number[];
}

describeWithTorch('dropoutForward() against PyTorch 1.13’s nn.Dropout on the same h', () => {
  const h = hiddenActivations();
  let torch: TorchForward;
  beforeAll(() => {
    torch = runTorch<TorchForward>(SCRIPT, { h: Array.from(h), rates: RATES });
  }, TORCH_STARTUP_TIMEOUT);

  it('keeps each unit at the same float32 value h_i/(1 − p), for every p', () => {
    RATES.forEach((p, k) => {
      const ours = new Map<number, number>();
      for (let seed = 1; seed <= 60; seed++) {
        const r = dropoutForward({ p, training: true, seed, passes: 1, scaled: true });
        r.kept.forEach((kept, i) => kept && ours.set(i, r.output[i]!));
      }
      for (let i = 0; i < UNITS; i++) {
        const theirs = torch.kept[k]![i]!;
        expect(theirs.length).toBe(1); // each unit kept at least once in 400 rows, always at one value
        if (ours.has(i)) expect(ours.get(i)).toBe(theirs[0]);
      }
      expect(ours.size).toBeGreaterThan(0);
    });
  });

  it('returns h in evaluation mode and with p = 0, zeros with p = 1', () => {
    expect(torch.eval.every((e) => e)).toBe(true);
    expect(Array.from(dropoutForward({ p: 0.5, training: false, seed: 1, passes: 1, scaled: true }).output)).toEqual(Array.from(h));
    expect(Array.from(dropoutForward({ p: 0, training: true, seed: 1, passes: 1, scaled: true }).output)).toEqual(torch.p0);
    expect(Array.from(dropoutForward({ p: 1, training: true, seed: 1, passes: 1, scaled: true }).output)).toEqual(torch.p1);
    expect(torch.p1.every((v) => v === 0)).toBe(true);
  });
});
