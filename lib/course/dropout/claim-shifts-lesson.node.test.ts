/**
 * The shifted-digits section's many-seed evidence (lib/course/dropout/claim-data-shifts.ts, written
 * by `npm run data:dropout-claim -- shifts`): the stored runs are the grids' runs, some of seed 1's
 * runs are recomputed here with the widget's job, and the section's table and prose are recomputed
 * from the stored runs. The full recompute is the script's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figuresIn, writtenLike, type Figure } from '../../common/lesson-figures';
import { runJob } from '../../runtime';
import { claimRunJob, type ClaimRun } from './claim.job';
import {
  claimMarkdownRow,
  claimTableLead,
  claimTasks,
  helpedMostly,
  LESSON_BOTH_GRID,
  LESSON_CLAIM_GRID,
  LESSON_SHIFT_GRID,
  LESSON_SHIFT_LONG_GRID,
  summariseClaim,
  type ClaimGrid,
  type ClaimMetric,
  type SizeSummary,
} from './claim';
import { LESSON_CLAIM_RUNS } from './claim-data';
import { LESSON_BOTH_RUNS, LESSON_SHIFT_LONG_RUNS, LESSON_SHIFT_RUNS } from './claim-data-shifts';
import { loadDigits } from './load-digits.node';
import { exercises } from './exercises';
import { specOf } from '../exercises';

const lesson = readFileSync(new URL('../../../lessons/overfitting-and-dropout.mdx', import.meta.url), 'utf8');
const section = lesson.slice(lesson.indexOf('## A second remedy: shifted digits'), lesson.indexOf('## Check your understanding'));
/** Runs A without a remedy (the dropout grid's, which the shifts grids share) and a grid's runs B. */
const withRunsA = (runsB: readonly ClaimRun[]): ClaimRun[] => [...LESSON_CLAIM_RUNS.filter((r) => r.arm === 'a'), ...runsB];
const shifts = summariseClaim(withRunsA(LESSON_SHIFT_RUNS));
const both = summariseClaim(withRunsA(LESSON_BOTH_RUNS));
const long = summariseClaim(LESSON_SHIFT_LONG_RUNS);
const at = (summaries: readonly SizeSummary[], size: number): SizeSummary => {
  const found = summaries.find((s) => s.trainSize === size);
  if (!found) throw new Error(`expected runs at ${size} digits, got none`);
  return found;
};
const key = (r: { trainSize: number; seed: number; arm: string }): string => `${r.trainSize} ${r.seed} ${r.arm}`;
const keysB = (grid: ClaimGrid): string[] => claimTasks(grid).filter((t) => t.arm === 'b').map((t) => key({ ...t.settings, arm: t.arm }));
const fixed = (v: number, figure: Figure | undefined): void => {
  if (figure === undefined) throw new Error(`expected a figure for ${v}, got none`);
  expect(writtenLike(v, figure), `${figure.text} against ${v}`).toBe(figure.canonical);
};

describe("the shifted digits' many-seed runs", () => {
  it('are the runs B of the shifts grids, and every run of the 60-epoch grid, in claimTasks order', () => {
    expect(LESSON_SHIFT_RUNS.map(key)).toEqual(keysB(LESSON_SHIFT_GRID));
    expect(LESSON_BOTH_RUNS.map(key)).toEqual(keysB(LESSON_BOTH_GRID));
    expect(LESSON_SHIFT_LONG_RUNS.map(key)).toEqual(claimTasks(LESSON_SHIFT_LONG_GRID).map((t) => key({ ...t.settings, arm: t.arm })));
    expect([...LESSON_SHIFT_RUNS, ...LESSON_BOTH_RUNS].every((r) => r.last.epoch === 30)).toBe(true);
    expect(LESSON_SHIFT_LONG_RUNS.every((r) => r.last.epoch === 60)).toBe(true);
    // The shifts grids' runs A are the dropout grid's: the same settings.
    const armA = (grid: ClaimGrid) => claimTasks(grid).filter((t) => t.arm === 'a');
    expect(armA(LESSON_SHIFT_GRID)).toEqual(armA(LESSON_CLAIM_GRID));
  });

  it('seed 1 at 100 digits: the widget’s job gives the stored runs B (shifts; dropout and shifts) and the 60-epoch pair exactly', async () => {
    const digits = loadDigits();
    const seed1 = (grid: ClaimGrid) => claimTasks({ ...grid, sizes: [100], seeds: [1] });
    const cases = [
      { task: seed1(LESSON_SHIFT_GRID)[1], stored: LESSON_SHIFT_RUNS[0] },
      { task: seed1(LESSON_BOTH_GRID)[1], stored: LESSON_BOTH_RUNS[0] },
      { task: seed1(LESSON_SHIFT_LONG_GRID)[0], stored: LESSON_SHIFT_LONG_RUNS[0] },
      { task: seed1(LESSON_SHIFT_LONG_GRID)[1], stored: LESSON_SHIFT_LONG_RUNS[1] },
    ];
    for (const { task, stored } of cases) {
      if (!task || !stored) throw new Error('expected a task and a stored run, got fewer');
      expect(key(stored)).toBe(key({ ...task.settings, arm: task.arm }));
      expect(await runJob(claimRunJob, { ...task, digits }).result).toEqual(stored);
    }
  }, 300_000);

  it('the section’s table: every grid’s medians, ranges and seeds helped', () => {
    for (const [grid, summaries] of [
      [LESSON_SHIFT_GRID, shifts],
      [LESSON_SHIFT_LONG_GRID, long],
      [LESSON_BOTH_GRID, both],
    ] as const)
      for (const s of summaries) expect(section).toContain(claimMarkdownRow(s, claimTableLead(grid)));
  });
});

describe("the section's reading of the evidence over seeds", () => {
  const small = at(shifts, 100);
  const mid = at(shifts, 300);
  const big = at(shifts, 1000);
  const small60 = at(long, 100);
  const dropout = summariseClaim(LESSON_CLAIM_RUNS);
  const count = (s: SizeSummary, metric: ClaimMetric, sign: 1 | -1): number => s.differences.filter((d) => Math.sign(d[metric]) === sign).length;
  const seed = (s: SizeSummary, n: number) => s.differences.find((d) => d.seed === n);

  it('on 100 digits the single seed\u2019s gain does not hold up; the loss falls after 60 epochs; after 30 shifts hurt', () => {
    const [raised, medianAcc, lo, hi] = figuresIn(section, 'raised the validation\n  accuracy in only {} of the 5 seeds, and the median difference is {} points; seed 1\'s +4.6 is\n  the largest of the five, and the differences run from {} to +{} points.');
    expect(raised?.value).toBe(small60.finalAccuracy.helped);
    expect(helpedMostly(small60, 'finalAccuracy')).toBe(false);
    fixed(100 * small60.finalAccuracy.median, medianAcc);
    fixed(100 * small60.finalAccuracy.min, lo);
    fixed(100 * small60.finalAccuracy.max, hi);
    expect(small60.finalAccuracy.max).toBe(seed(small60, 1)?.finalAccuracy);
    // Seed 1's +4.6 is the single-run table's 78.4 % against 73.8 %.
    fixed(100 * (seed(small60, 1)?.finalAccuracy ?? NaN), figuresIn(section, "seed 1's +{} is")[0]);
    const [fell, byLoss, bestFell, byBest] = figuresIn(section, 'the final\n  validation loss fell in {} of 5 seeds, by a median of {}, and the lowest validation loss in {},\n  by {}.');
    expect([fell?.value, bestFell?.value]).toEqual([small60.finalLoss.helped, small60.bestLoss.helped]);
    fixed(-small60.finalLoss.median, byLoss);
    fixed(-small60.bestLoss.median, byBest);
    const [fell30, by30] = figuresIn(section, 'After 30 epochs shifts hurt on 100 digits: the validation accuracy fell in {} of 5\n  seeds, by a median of {} points.');
    expect(fell30?.value).toBe(count(small, 'finalAccuracy', -1));
    fixed(-100 * small.finalAccuracy.median, by30);
    expect(helpedMostly(small, 'finalLoss') || helpedMostly(small, 'finalAccuracy') || helpedMostly(small, 'bestLoss')).toBe(false);
  });

  it('from 300 digits on shifts lower the loss, by more than dropout', () => {
    const [fellMid, fellBig, byMid, byBig, dMid, dBig] = figuresIn(section, 'loss fell in {} of 5 seeds at 300 digits and in {} of 5 at 1,000, by a median of {} and {},\n  where dropout\'s medians were {} and {}.');
    expect([fellMid?.value, fellBig?.value]).toEqual([mid.finalLoss.helped, big.finalLoss.helped]);
    fixed(-mid.finalLoss.median, byMid);
    fixed(-big.finalLoss.median, byBig);
    fixed(-at(dropout, 300).finalLoss.median, dMid);
    fixed(-at(dropout, 1000).finalLoss.median, dBig);
    expect(mid.finalLoss.median).toBeLessThan(at(dropout, 300).finalLoss.median);
    expect(big.finalLoss.median).toBeLessThan(at(dropout, 1000).finalLoss.median);
  });

  it('at 1,000 digits a little more accurate, seed 1 the one exception; at 300 about no change', () => {
    const [rose, by, lost] = figuresIn(section, 'The validation accuracy rose\n  in {} of 5 seeds, by a median of {} points; seed 1, with its {} points lost, is the one seed\n  where it fell.');
    expect(rose?.value).toBe(count(big, 'finalAccuracy', 1));
    fixed(100 * big.finalAccuracy.median, by);
    fixed(-100 * (seed(big, 1)?.finalAccuracy ?? NaN), lost);
    expect(big.differences.filter((d) => d.finalAccuracy < 0).map((d) => d.seed)).toEqual([1]);
    fixed(100 * mid.finalAccuracy.median, figuresIn(section, 'At 300 digits the median is {} points')[0]);
    // "only shifts at 1,000 digits raise the accuracy by more than a few tenths of a point, by a median of 1.4 points":
    // every other median is below a point (dropout with shifts at 1,000 digits gains 0.6).
    const medians = [...shifts, ...long, ...both].map((s) => s.finalAccuracy.median);
    expect(medians.filter((m) => m >= 0.01)).toEqual([big.finalAccuracy.median]);
    fixed(100 * big.finalAccuracy.median, figuresIn(section, 'raise the\naccuracy by more than a few tenths of a point, by a median of {} points.')[0]);
  });

  it('dropout with shifts is worse than shifts alone in every column\u2019s median at every size, and on 100 digits costs accuracy in all five seeds', () => {
    for (const size of LESSON_BOTH_GRID.sizes) {
      const [s, b] = [at(shifts, size), at(both, size)];
      expect(b.finalLoss.median, `${size} digits`).toBeGreaterThan(s.finalLoss.median);
      expect(b.bestLoss.median, `${size} digits`).toBeGreaterThan(s.bestLoss.median);
      expect(b.finalAccuracy.median, `${size} digits`).toBeLessThan(s.finalAccuracy.median);
    }
    const small30 = at(both, 100);
    expect(count(small30, 'finalAccuracy', -1)).toBe(5);
    fixed(-100 * small30.finalAccuracy.median, figuresIn(section, 'On 100 digits it lowered the validation accuracy in all five seeds, by a median of {} points.')[0]);
  });
});

describe('the shifts exercise on the many-seed runs', () => {
  it('shifts-or-dropout: its solution says seed 1 is the luckiest of five, with the seeds where the loss fell and the accuracy rose', () => {
    const spec = specOf(exercises, 'overfitting-and-dropout/shifts-or-dropout', 'experiment');
    const small60 = at(long, 100);
    const [fell, rose] = figuresIn(spec.solution ?? '', 'after 60 epochs in {} seeds but raised the accuracy in only {}.');
    expect([fell?.value, rose?.value]).toEqual([small60.finalLoss.helped, small60.finalAccuracy.helped]);
    expect(spec.solution).toContain('seed 1 is the luckiest of five');
    expect(Math.max(...small60.differences.map((d) => d.finalAccuracy))).toBe(small60.differences.find((d) => d.seed === 1)?.finalAccuracy);
  });
});
