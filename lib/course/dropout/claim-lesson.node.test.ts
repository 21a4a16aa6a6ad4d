/**
 * The lesson's many-seed evidence (lib/course/dropout/claim-data.ts, written by
 * `npm run data:dropout-claim`): the stored runs are the grid's, one seed's pair at the smallest
 * size is recomputed here with the widget's job, and the lesson's table, its prose and the
 * exercises' answer keys are recomputed from the stored runs. The full recompute is the script's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figuresIn, writtenLike, type Figure } from '../../common/lesson-figures';
import { specOf } from '../exercises';
import { runJob } from '../../runtime';
import { claimRunJob } from './claim.job';
import { CLAIM_METRICS, claimMarkdownRow, claimTasks, helpedMostly, LESSON_CLAIM_GRID, summariseClaim, type ClaimMetric, type SizeSummary } from './claim';
import { LESSON_CLAIM_RUNS } from './claim-data';
import { exercises } from './exercises';
import { loadDigits } from './load-digits.node';

const lesson = readFileSync(new URL('../../../lessons/overfitting-and-dropout.mdx', import.meta.url), 'utf8');
const flat = lesson.replace(/\s+/g, ' ');
const summaries = summariseClaim(LESSON_CLAIM_RUNS);
const at = (size: number): SizeSummary => {
  const found = summaries.find((s) => s.trainSize === size);
  if (!found) throw new Error(`expected the lesson's runs at ${size} digits, got none`);
  return found;
};

describe("the lesson's many-seed runs", () => {
  it('are every run of LESSON_CLAIM_GRID, in claimTasks order', () => {
    const tasks = claimTasks(LESSON_CLAIM_GRID);
    expect(LESSON_CLAIM_RUNS.map((r) => `${r.trainSize} ${r.seed} ${r.arm}`)).toEqual(tasks.map((t) => `${t.settings.trainSize} ${t.settings.seed} ${t.arm}`));
    expect(LESSON_CLAIM_RUNS.every((r) => r.last.epoch === LESSON_CLAIM_GRID.epochs)).toBe(true);
  });

  it('seed 1 at the smallest size: the widget’s job gives the stored runs A and B exactly', async () => {
    const digits = loadDigits();
    const [a, b] = claimTasks({ ...LESSON_CLAIM_GRID, sizes: [Math.min(...LESSON_CLAIM_GRID.sizes)], seeds: [1] });
    for (const task of [a, b]) {
      if (!task) throw new Error('expected two tasks, got fewer');
      const stored = LESSON_CLAIM_RUNS.find((r) => r.trainSize === task.settings.trainSize && r.seed === 1 && r.arm === task.arm);
      expect(await runJob(claimRunJob, { ...task, digits }).result).toEqual(stored);
    }
  }, 120_000);

  it('the lesson’s table: every size’s medians, ranges and seeds helped', () => {
    for (const s of summaries) expect(lesson).toContain(claimMarkdownRow(s));
  });
});

describe("the lesson's reading of the evidence", () => {
  const fixed = (v: number, figure: Figure | undefined): void => {
    if (figure === undefined) throw new Error(`expected a figure for ${v}, got none`);
    expect(writtenLike(v, figure), `${figure.text} against ${v}`).toBe(figure.canonical);
  };
  const count = (s: SizeSummary, metric: ClaimMetric, sign: 1 | -1): number => s.differences.filter((d) => Math.sign(d[metric]) === sign).length;
  const small = at(100);
  const mid = at(300);
  const big = at(1000);

  it('on 100 digits dropout hurts: the loss rose in most seeds, the accuracy fell in all; seed 1 is the exception; run B learns slower', () => {
    const [raised, lossBy, accuracyBy] = figuresIn(lesson, 'It raised the final validation loss in {} of the 5 seeds, by a\n  median of {}, and lowered the validation accuracy in all five, by a median of {} points.');
    expect(raised?.value).toBe(count(small, 'finalLoss', 1));
    fixed(small.finalLoss.median, lossBy);
    expect(count(small, 'finalAccuracy', -1)).toBe(5);
    fixed(-100 * small.finalAccuracy.median, accuracyBy);
    expect(flat).toContain('Seed 1, in the table above, is the one seed where the loss fell.');
    expect(small.differences.filter((d) => d.finalLoss < 0).map((d) => d.seed)).toEqual([1]);
    const trainLoss = (seed: number, arm: 'a' | 'b'): number => LESSON_CLAIM_RUNS.find((r) => r.trainSize === 100 && r.seed === seed && r.arm === arm)?.last.trainLoss ?? NaN;
    expect(flat).toContain("run B's training loss ends well above run A's in every seed");
    for (const seed of LESSON_CLAIM_GRID.seeds) expect(trainLoss(seed, 'b'), `seed ${seed}`).toBeGreaterThan(1.5 * trainLoss(seed, 'a'));
  });

  it('from 300 digits on it lowers the loss a little, and the gain does not grow from 300 to 1,000', () => {
    const [fellMid, fellBig, byMid, byBig] = figuresIn(lesson, 'The final validation loss fell in {} and {} of 5\n  seeds at 300 digits and at 1,000, by a median of {} and {};');
    expect([mid.finalLoss.helped, big.finalLoss.helped]).toEqual([fellMid?.value, fellBig?.value]);
    fixed(-mid.finalLoss.median, byMid);
    fixed(-big.finalLoss.median, byBig);
    const [bestMid, bestBig, bestByMid, bestByBig] = figuresIn(lesson, 'fell in {} and {} seeds, by a median of {} and\n  {}.');
    expect([bestMid?.value, bestBig?.value]).toEqual([mid.bestLoss.helped, big.bestLoss.helped]);
    fixed(-mid.bestLoss.median, bestByMid);
    fixed(-big.bestLoss.median, bestByBig);
    const [b1, a1] = figuresIn(lesson, "Seed 1's gain at 1,000 digits ({} against {}) is the largest of the five");
    const seed1 = (arm: 'a' | 'b') => LESSON_CLAIM_RUNS.find((r) => r.trainSize === 1000 && r.seed === 1 && r.arm === arm);
    fixed(seed1('b')?.best.validationLoss ?? NaN, b1);
    fixed(seed1('a')?.best.validationLoss ?? NaN, a1);
    expect(Math.min(...big.differences.map((d) => d.bestLoss))).toBe(big.differences.find((d) => d.seed === 1)?.bestLoss);
    expect(big.finalLoss.median).toBeGreaterThan(mid.finalLoss.median);
    expect(big.bestLoss.median).toBeGreaterThan(mid.bestLoss.median);
    for (const s of summaries) expect(helpedMostly(s, 'finalLoss'), `${s.trainSize} digits`).toBe(s.trainSize >= 300);
  });

  it('dropout does not make this network more accurate at any size', () => {
    const [accMid, accBig, helpedMid, helpedBig, lo, hi] = figuresIn(lesson, 'validation accuracy is {} and {} points, and dropout raised it in only {} and {} of the 5 seeds;\n  the differences run from {} to +{} points.');
    fixed(100 * mid.finalAccuracy.median, accMid);
    fixed(100 * big.finalAccuracy.median, accBig);
    expect([helpedMid?.value, helpedBig?.value]).toEqual([mid.finalAccuracy.helped, big.finalAccuracy.helped]);
    fixed(100 * Math.min(mid.finalAccuracy.min, big.finalAccuracy.min), lo);
    fixed(100 * Math.max(mid.finalAccuracy.max, big.finalAccuracy.max), hi);
    for (const s of summaries) expect(helpedMostly(s, 'finalAccuracy'), `${s.trainSize} digits`).toBe(false);
  });
});

describe('the exercise on the many-seed runs', () => {
  it('claim-median: the median change in final validation loss at 300 digits over seeds 1 to 4, as the widget reports it', () => {
    const spec = specOf(exercises, 'overfitting-and-dropout/claim-median', 'numeric');
    const [four] = summariseClaim(LESSON_CLAIM_RUNS.filter((r) => r.trainSize === 300 && r.seed <= 4));
    if (!four) throw new Error('expected runs at 300 digits for seeds 1 to 4, got none');
    expect(spec.answer).toBe(Number(four.finalLoss.median.toFixed(3)));
    const format = CLAIM_METRICS.finalLoss.format;
    expect(spec.solution).toContain(`give differences of ${four.differences.map((d) => format(d.finalLoss)).join(', ').replace(/, ([^,]+)$/, ' and $1')}: the median, the mean of the middle two, is ${format(four.finalLoss.median)}, and dropout lowered the final validation loss in ${four.finalLoss.helped} of the 4 seeds`);
    expect(spec.solution).toContain(`the median at 300 digits is ${format(at(300).finalLoss.median)}, in ${at(300).finalLoss.helped} of 5 seeds`);
    expect(spec.mistakes?.[0]?.value).toBe(-spec.answer);
  });
});
