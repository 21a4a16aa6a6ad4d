/**
 * The overfitting-and-dropout lesson's shifts section (lessons/overfitting-and-dropout.mdx): its
 * figures read from the text and recomputed with the code the lesson's runs use, five runs on 100
 * digits (60 epochs) and one on 1,000 digits with shifts (30 epochs): about 25 s and 30 s on a
 * quiet 2-core machine. The rest of the lesson's figures: lesson-claims.node.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { figureIn, figuresIn } from '../../common/lesson-figures';
import { bestEpoch } from './experiment';
import { digits, lesson, same } from './testing/claims.node';
import { DEFAULT_SETTINGS, DropoutRun, type EpochRecord } from './run';

describe('the shifts section: random shifts as a second remedy', () => {
  /** The lesson's run: `trainSize` digits for `epochs` epochs, dropout p = `p` between the fully connected layers (0 for none), shifts up to `shift` pixels. */
  const history = (trainSize: number, epochs: number, p: number, shift: number): EpochRecord[] =>
    new DropoutRun({ ...DEFAULT_SETTINGS, trainSize, epochs, p, placement: p === 0 ? 'none' : 'fc', shift }, digits).runToEnd();
  const last = (h: readonly EpochRecord[]): EpochRecord => h.at(-1) ?? bestEpoch(h);
  let runs: Record<'none' | 'dropout' | 'shifts' | 'both' | 'shifts2' | 'big', EpochRecord[]>;
  beforeAll(() => {
    runs = {
      none: history(100, 60, 0, 0),
      dropout: history(100, 60, 0.5, 0),
      shifts: history(100, 60, 0, 1),
      both: history(100, 60, 0.5, 1),
      shifts2: history(100, 60, 0, 2),
      big: history(1000, 30, 0, 1),
    };
  }, 600_000);

  it('the table: 100 digits after 60 epochs, no remedy, dropout, shifts of up to 1 pixel and both', () => {
    for (const [label, key] of [['no remedy', 'none'], ['dropout $p = 0.5$', 'dropout'], ['shifts up to 1 pixel', 'shifts'], ['both', 'both']] as const) {
      const [trainAcc, valAcc, valLoss, best, epoch] = figuresIn(lesson, `| ${label} | {} % | {} % | {} | {} ({}) |`);
      const h = runs[key];
      same(trainAcc, 100 * last(h).trainAccuracy);
      same(valAcc, 100 * last(h).validationAccuracy);
      same(valLoss, last(h).validationLoss);
      same(best, bestEpoch(h).validationLoss);
      expect(epoch?.value, label).toBe(bestEpoch(h).epoch);
    }
    expect(figureIn(lesson, 'On 100 digits, for {} epochs this time').value).toBe(60);
  });

  it('the prose: the gain of shifts, the slow start, both together, 2 pixels, and 1,000 digits', () => {
    const gain = 100 * (last(runs.shifts).validationAccuracy - last(runs.none).validationAccuracy);
    same(figureIn(lesson, 'clearly more\naccurate on 100 digits, by {} points'), gain);
    // "In this seed's runs, … the one remedy of the four that ends clearly more accurate …, with the lowest validation loss"
    for (const other of [runs.none, runs.dropout, runs.both]) {
      expect(last(runs.shifts).validationAccuracy).toBeGreaterThan(last(other).validationAccuracy);
      expect(bestEpoch(runs.shifts).validationLoss).toBeLessThan(bestEpoch(other).validationLoss);
    }
    expect(last(runs.dropout).validationAccuracy - last(runs.none).validationAccuracy).toBeLessThan(0.01);
    const [behind, against] = figuresIn(lesson, 'the run with shifts was behind, at {} % against {} %');
    same(behind, 100 * (runs.shifts[30]?.validationAccuracy ?? NaN));
    same(against, 100 * (runs.none[30]?.validationAccuracy ?? NaN));
    same(figureIn(lesson, 'both together end at {} %, their validation loss still\nfalling at the last epoch'), 100 * last(runs.both).validationAccuracy);
    expect(bestEpoch(runs.both).epoch).toBe(60);
    same(figureIn(lesson, 'to 2 pixels end at {} %'), 100 * last(runs.shifts2).validationAccuracy);
    const [end, lowest, at, acc, without] = figuresIn(lesson, 'keep the validation\nloss lower ({} at the end, and lowest, {}, at epoch {}) and cost a little accuracy, {} % against {} %.');
    expect(acc?.value).toBeLessThan(without?.value ?? NaN);
    same(end, last(runs.big).validationLoss);
    same(lowest, bestEpoch(runs.big).validationLoss);
    expect(at?.value).toBe(bestEpoch(runs.big).epoch);
    same(acc, 100 * last(runs.big).validationAccuracy);
    // Run A on 1,000 digits is the first table's: 91.6 %.
    const [, plainAccuracy, plainLoss, plainLowest] = figuresIn(lesson, '| 1,000 | none | {} % | {} % | {} | {} (');
    expect(without?.canonical).toBe(plainAccuracy?.canonical);
    expect(last(runs.big).validationLoss).toBeLessThan(plainLoss?.value ?? NaN);
    expect(bestEpoch(runs.big).validationLoss).toBeLessThan(plainLowest?.value ?? NaN);
    const [points, images] = figuresIn(lesson, 'one seed\'s runs: {} points is {} digits of 500');
    same(points, gain);
    expect(images?.value).toBe(Math.round((gain / 100) * 500));
  });

  it('the answer to "one more, to think about": shifts against dropout on 100 digits after 60 epochs', () => {
    const [shifts, dropout] = figuresIn(lesson, 'take run B on 100 digits to {} % after 60 epochs, where dropout gets\n{} %');
    same(shifts, 100 * last(runs.shifts).validationAccuracy);
    same(dropout, 100 * last(runs.dropout).validationAccuracy);
  });
});
