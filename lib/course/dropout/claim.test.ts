import { describe, expect, it } from 'vitest';
import type { ClaimArm, ClaimRun } from './claim.job';
import { claimTasks, describeClaim, helpedMostly, summariseClaim } from './claim';
import { DEFAULT_SETTINGS } from './run';

/** A run with these final validation loss and accuracy and this lowest validation loss. */
function run(trainSize: number, seed: number, arm: ClaimArm, loss: number, accuracy: number, best: number): ClaimRun {
  const record = (validationLoss: number, epoch: number) => ({ epoch, trainLoss: 0.1, trainAccuracy: 1, validationLoss, validationAccuracy: accuracy });
  return { trainSize, seed, arm, last: record(loss, 30), best: record(best, 12) };
}

// Hand-computed differences (B − A): size 100, seeds 1-3 and size 1,000, seed 1 (seed 2 has no run B).
//            final loss  final accuracy  lowest loss
// 100,  s1   −0.05       −0.02           +0.02
// 100,  s2   +0.10       +0.02           −0.02
// 100,  s3   −0.10        0              −0.08
// 1000, s1   −0.07       +0.01           −0.07
const runs: ClaimRun[] = [
  run(1000, 1, 'b', 0.33, 0.91, 0.26),
  run(100, 1, 'a', 0.9, 0.7, 0.8),
  run(100, 1, 'b', 0.85, 0.68, 0.82),
  run(100, 2, 'a', 1.0, 0.72, 0.9),
  run(100, 2, 'b', 1.1, 0.74, 0.88),
  run(1000, 1, 'a', 0.4, 0.9, 0.33),
  run(100, 3, 'b', 0.7, 0.75, 0.7),
  run(100, 3, 'a', 0.8, 0.75, 0.78),
  run(1000, 2, 'a', 0.5, 0.5, 0.5),
];

describe('summariseClaim()', () => {
  const [small, big, ...rest] = summariseClaim(runs);
  it('pairs runs by size and seed, smallest size first, leaving out a run without its partner', () => {
    expect(rest).toEqual([]);
    expect(small?.trainSize).toBe(100);
    expect(small?.differences.map((d) => d.seed)).toEqual([1, 2, 3]);
    expect(big?.trainSize).toBe(1000);
    expect(big?.differences.map((d) => d.seed)).toEqual([1]);
  });

  it('gives each seed’s difference B − A', () => {
    const d = small?.differences ?? [];
    expect(d.map((x) => x.finalLoss)).toEqual([expect.closeTo(-0.05, 12), expect.closeTo(0.1, 12), expect.closeTo(-0.1, 12)]);
    expect(d.map((x) => x.finalAccuracy)).toEqual([expect.closeTo(-0.02, 12), expect.closeTo(0.02, 12), 0]);
    expect(d.map((x) => x.bestLoss)).toEqual([expect.closeTo(0.02, 12), expect.closeTo(-0.02, 12), expect.closeTo(-0.08, 12)]);
  });

  it('summarises each metric: median, range, and seeds helped (lower loss, higher accuracy; a tie is not help)', () => {
    expect(small?.finalLoss).toEqual({ median: expect.closeTo(-0.05, 12), min: expect.closeTo(-0.1, 12), max: expect.closeTo(0.1, 12), helped: 2, seeds: 3 });
    expect(small?.finalAccuracy).toEqual({ median: 0, min: expect.closeTo(-0.02, 12), max: expect.closeTo(0.02, 12), helped: 1, seeds: 3 });
    expect(small?.bestLoss).toEqual({ median: expect.closeTo(-0.02, 12), min: expect.closeTo(-0.08, 12), max: expect.closeTo(0.02, 12), helped: 2, seeds: 3 });
    expect(big?.finalAccuracy).toEqual({ median: expect.closeTo(0.01, 12), min: expect.closeTo(0.01, 12), max: expect.closeTo(0.01, 12), helped: 1, seeds: 1 });
  });

  it('helpedMostly() needs more than half of the seeds', () => {
    if (!small) throw new Error('expected a summary at 100 digits');
    expect(helpedMostly(small, 'finalLoss')).toBe(true);
    expect(helpedMostly(small, 'finalAccuracy')).toBe(false);
  });

  it('is empty with no complete pair', () => {
    expect(summariseClaim([run(100, 1, 'a', 1, 0.5, 1)])).toEqual([]);
  });
});

describe('describeClaim()', () => {
  it('says, per metric, where dropout helped in most seeds and by how much, and where it did not', () => {
    expect(describeClaim(summariseClaim(runs))).toBe(
      'On this evidence (1 to 3 seeds per size; a difference is run B with dropout minus run A without): ' +
        'Dropout lowered the final validation loss in most seeds at every size: 100 digits (median −0.050, 2 of 3 seeds) and 1,000 digits (median −0.070, 1 of 1 seed). ' +
        'Dropout raised the final validation accuracy in most seeds at 1,000 digits (median +1.0 points, 1 of 1 seed), but not at 100 digits (median 0.0 points, 1 of 3 seeds). ' +
        'Dropout lowered the lowest validation loss (early stopping) in most seeds at every size: 100 digits (median −0.020, 2 of 3 seeds) and 1,000 digits (median −0.070, 1 of 1 seed).',
    );
  });

  it('says when dropout helped at no size, and when nothing has finished', () => {
    const worse = summariseClaim([run(300, 4, 'a', 0.5, 0.8, 0.4), run(300, 4, 'b', 0.6, 0.7, 0.45)]);
    expect(describeClaim(worse)).toContain('Dropout lowered the final validation loss in most seeds at no size: 300 digits (median +0.100, 0 of 1 seed).');
    expect(describeClaim([])).toBe('No pair of runs has finished yet: the verdict appears when a size has both its runs for a seed.');
  });
});

describe('claimTasks()', () => {
  it('lists every run seed by seed, smallest size first, A (no dropout) before B', () => {
    const tasks = claimTasks({ sizes: [1000, 100], seeds: [3, 7], p: 0.3, placement: 'both', epochs: 5 });
    expect(tasks.map((t) => `${t.settings.seed} ${t.settings.trainSize} ${t.arm} ${t.settings.p} ${t.settings.placement}`)).toEqual([
      '3 100 a 0 none',
      '3 100 b 0.3 both',
      '3 1000 a 0 none',
      '3 1000 b 0.3 both',
      '7 100 a 0 none',
      '7 100 b 0.3 both',
      '7 1000 a 0 none',
      '7 1000 b 0.3 both',
    ]);
    expect(tasks[1]?.settings).toEqual({ ...DEFAULT_SETTINGS, trainSize: 100, seed: 3, epochs: 5, p: 0.3, placement: 'both' });
  });
});
