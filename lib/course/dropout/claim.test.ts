import { describe, expect, it } from 'vitest';
import type { ClaimArm, ClaimRun } from './claim.job';
import { claimMarkdownRow, claimRemedyText, claimTableLead, claimTasks, describeClaim, helpedMostly, LESSON_BOTH_GRID, LESSON_CLAIM_GRID, LESSON_SHIFT_GRID, remedyNames, summariseClaim } from './claim';
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

  it('names run B\u2019s remedy when it is shifts, or dropout with shifts', () => {
    const shifts = describeClaim(summariseClaim(runs), 'shifts');
    expect(shifts).toMatch(/^On this evidence \(1 to 3 seeds per size; a difference is run B with random shifts minus run A without\): Shifts lowered the final validation loss in most seeds at every size: /);
    expect(shifts).toContain('Shifts raised the final validation accuracy in most seeds at 1,000 digits (median +1.0 points, 1 of 1 seed), but not at 100 digits');
    const both = describeClaim(summariseClaim(runs), 'both');
    expect(both).toContain('a difference is run B with dropout and random shifts minus run A without');
    expect(both).toContain('Dropout with shifts lowered the lowest validation loss (early stopping) in most seeds at every size');
    expect(describeClaim(summariseClaim(runs), 'dropout')).toBe(describeClaim(summariseClaim(runs)));
    expect(() => remedyNames('noise' as 'shifts')).toThrow('remedyNames: expected one of dropout, shifts, both, got noise');
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

describe('claimTasks() with run B\u2019s remedy', () => {
  const describeTask = (t: ReturnType<typeof claimTasks>[number]): string => `${t.settings.seed} ${t.settings.trainSize} ${t.arm} p=${t.settings.p} ${t.settings.placement} shift=${t.settings.shift}`;

  it('shifts: run B has shifts and no dropout; run A has neither', () => {
    const tasks = claimTasks({ sizes: [300], seeds: [2], p: 0.3, placement: 'both', remedy: 'shifts', shift: 2, epochs: 5 });
    expect(tasks.map(describeTask)).toEqual(['2 300 a p=0 none shift=0', '2 300 b p=0 none shift=2']);
  });

  it('both: run B has the dropout and the shifts (one pixel when the grid names none)', () => {
    const tasks = claimTasks({ sizes: [100], seeds: [1], p: 0.5, placement: 'fc', remedy: 'both', epochs: 5 });
    expect(tasks.map(describeTask)).toEqual(['1 100 a p=0 none shift=0', '1 100 b p=0.5 fc shift=1']);
  });

  it('dropout (also when the grid names no remedy, as links and data from before shifts do): no shifts in either run', () => {
    const old = claimTasks({ sizes: [100], seeds: [1], p: 0.5, placement: 'fc', epochs: 5 });
    expect(old.map(describeTask)).toEqual(['1 100 a p=0 none shift=0', '1 100 b p=0.5 fc shift=0']);
    expect(claimTasks({ sizes: [100], seeds: [1], p: 0.5, placement: 'fc', remedy: 'dropout', shift: 2, epochs: 5 })).toEqual(old);
  });

  it('the lesson\u2019s grids share their runs A, and differ only in run B', () => {
    const [dropout, shifts, both] = [LESSON_CLAIM_GRID, LESSON_SHIFT_GRID, LESSON_BOTH_GRID].map(claimTasks);
    const armA = (tasks: ReturnType<typeof claimTasks> | undefined) => (tasks ?? []).filter((t) => t.arm === 'a');
    expect(armA(shifts)).toEqual(armA(dropout));
    expect(armA(both)).toEqual(armA(dropout));
    expect(shifts?.filter((t) => t.arm === 'b').every((t) => t.settings.shift === 1 && t.settings.placement === 'none')).toBe(true);
  });

  it('claimRemedyText() names run B\u2019s remedy', () => {
    expect(claimRemedyText(LESSON_CLAIM_GRID)).toBe('dropout p = 0.5 (fc)');
    expect(claimRemedyText(LESSON_SHIFT_GRID)).toBe('shifts up to 1 pixel');
    expect(claimRemedyText({ ...LESSON_BOTH_GRID, shift: 2 })).toBe('dropout p = 0.5 (fc) and shifts up to 2 pixels');
    expect(claimTableLead(LESSON_SHIFT_GRID)).toEqual(['shifts', '30']);
    expect(claimTableLead({ ...LESSON_BOTH_GRID, epochs: 60 })).toEqual(['dropout and shifts', '60']);
  });
});

describe('claimMarkdownRow()', () => {
  it('writes a size\u2019s row, after the lead cells when given', () => {
    const [small] = summariseClaim(runs);
    if (!small) throw new Error('expected a summary at 100 digits');
    const cells = '−0.050 (−0.100 to +0.100) | 2 of 3 | 0.0 (−2.0 to +2.0) | 1 of 3 | −0.020 (−0.080 to +0.020) | 2 of 3 |';
    expect(claimMarkdownRow(small)).toBe(`| 100 | ${cells}`);
    expect(claimMarkdownRow(small, ['shifts up to 1 pixel', '60'])).toBe(`| shifts up to 1 pixel | 60 | 100 | ${cells}`);
  });
});
