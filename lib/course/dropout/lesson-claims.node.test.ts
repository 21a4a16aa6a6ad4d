/**
 * Figures the overfitting-and-dropout lesson states (lessons/overfitting-and-dropout.mdx), read
 * from its text and recomputed with the code the lesson's runs use: the data-size experiment
 * (the default settings at 100 and 1,000 training digits, without dropout and with p = 0.5), the
 * network's parameter count, and what forgetting eval() costs. About a minute: four training runs.
 * The shifts section adds five runs on 100 digits (60 epochs) and one on 1,000 digits with shifts
 * (30 epochs): about 25 s and 30 s more on a quiet 2-core machine.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { figureIn, figuresIn, type Figure } from '../../common/lesson-figures';
import { Rng } from '../../engine';
import { SpecModel } from '../../ml/training';
import { bestEpoch, dataSizeExperiment, type ExperimentRow } from './experiment';
import { loadDigits } from './load-digits.node';
import { digitsCnn } from './network';
import { DEFAULT_SETTINGS, DropoutRun, type EpochRecord } from './run';

const lesson = readFileSync(new URL('../../../lessons/overfitting-and-dropout.mdx', import.meta.url), 'utf8');
const digits = loadDigits();
/** `value` written as the lesson writes `figure`; percentages are given as shares. */
const same = (figure: Figure | undefined, value: number): void => {
  if (figure === undefined) throw new Error(`expected a figure for ${value}, got none`);
  const [mantissa = ''] = figure.canonical.split('e');
  const decimals = mantissa.split('.')[1]?.length ?? 0;
  expect(value.toFixed(decimals), `${figure.canonical} against ${value}`).toBe(Number(figure.canonical).toFixed(decimals));
};

describe('overfitting-and-dropout lesson claims', () => {
  let rows: ExperimentRow[] = [];
  const row = (trainSize: number, p: number): ExperimentRow => {
    const found = rows.find((r) => r.trainSize === trainSize && r.p === p);
    if (!found) throw new Error(`expected a run of ${trainSize} digits with p = ${p}, got none`);
    return found;
  };
  beforeAll(() => {
    rows = dataSizeExperiment(digits, DEFAULT_SETTINGS, [100, 1000]);
  }, 600_000);

  it('states the default settings the runs use', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ p: 0.5, placement: 'fc', weightDecay: 0, batchSize: 32 });
    expect(figureIn(lesson, 'Adam (learning rate {}) on minibatches of').value).toBe(DEFAULT_SETTINGS.learningRate);
    expect(figuresIn(lesson, 'minibatches of {}, for {} epochs').map((f) => f.value)).toEqual([DEFAULT_SETTINGS.batchSize, DEFAULT_SETTINGS.epochs]);
  });

  it('the table: every run after 30 epochs, and its lowest validation loss and epoch', () => {
    for (const [size, label, p] of [[100, '100', 0], [100, '100', 0.5], [1000, '1,000', 0], [1000, '1,000', 0.5]] as const) {
      const cell = p === 0 ? 'none' : '$p = 0.5$';
      const [trainAcc, valAcc, valLoss, best, epoch] = figuresIn(lesson, `| ${label} | ${cell} | {} % | {} % | {} | {} ({}) |`);
      const r = row(size, p);
      same(trainAcc, 100 * r.last.trainAccuracy);
      same(valAcc, 100 * r.last.validationAccuracy);
      same(valLoss, r.last.validationLoss);
      same(best, r.best.validationLoss);
      expect(epoch?.value).toBe(r.best.epoch);
    }
  });

  it('the prose on the gap: 100 and 1,000 digits without dropout', () => {
    const small = row(100, 0);
    const lastEpoch = (figures: Figure[], r: ExperimentRow): void => {
      const { trainAccuracy, validationAccuracy, trainLoss, validationLoss } = r.last;
      [100 * trainAccuracy, 100 * validationAccuracy, trainLoss, validationLoss].forEach((value, i) => same(figures[i], value));
    };
    lastEpoch(figuresIn(lesson, 'training accuracy of {} % and a validation accuracy of {} %; its training loss is {} and its\nvalidation loss {}, thirteen'), small);
    expect(Math.round(small.last.validationLoss / small.last.trainLoss)).toBe(13);
    const big = row(1000, 0);
    lastEpoch(figuresIn(lesson, 'ends at\n{} % on the training set and {} % on validation, with a training loss of {} against a\nvalidation loss of {}.'), big);
    const [gapSmall, gapBig] = figuresIn(lesson, 'narrows the accuracy gap from {} points to {}');
    same(gapSmall, 100 * (small.last.trainAccuracy - small.last.validationAccuracy));
    same(gapBig, 100 * (big.last.trainAccuracy - big.last.validationAccuracy));
    const [lowest, at] = figuresIn(lesson, 'lowest, {}, at epoch {}, and');
    same(lowest, big.best.validationLoss);
    expect(at?.value).toBe(big.best.epoch);
  });

  it('the three findings: training losses, the 3.2-point cost on 100 digits, the later and lower best on 1,000', () => {
    const [withSmall, withoutSmall, withBig, withoutBig] = figuresIn(lesson, '({} against {}\n  on 100 digits, {} against {} on 1,000)');
    same(withSmall, row(100, 0.5).last.trainLoss);
    same(withoutSmall, row(100, 0).last.trainLoss);
    same(withBig, row(1000, 0.5).last.trainLoss);
    same(withoutBig, row(1000, 0).last.trainLoss);
    expect(row(100, 0.5).last.validationLoss).toBeLessThan(row(100, 0).last.validationLoss);
    expect(row(1000, 0.5).last.validationLoss).toBeLessThan(row(1000, 0).last.validationLoss);
    same(figureIn(lesson, 'on 100 digits dropout cost {} points'), 100 * (row(100, 0).last.validationAccuracy - row(100, 0.5).last.validationAccuracy));
    // "the same to within one image in 500 per point": the two differ by at most 0.2 points a run … here by one image.
    expect(Math.round(Math.abs(row(1000, 0).last.validationAccuracy - row(1000, 0.5).last.validationAccuracy) * 500)).toBeLessThanOrEqual(1);
    const [best, against, epoch, other] = figuresIn(lesson, 'lowest validation loss is\n  {} against {}, and it is reached later, at epoch {} instead of {}:');
    same(best, row(1000, 0.5).best.validationLoss);
    same(against, row(1000, 0).best.validationLoss);
    expect([epoch?.value, other?.value]).toEqual([row(1000, 0.5).best.epoch, row(1000, 0).best.epoch]);
  });

  it('forgetting eval(): the validation accuracy and loss of the dropout run measured in training mode', () => {
    const r = row(1000, 0.5);
    const [acc, evalAcc] = figuresIn(lesson, 'scores {} % on the validation set with dropout left on, against\n{} % in evaluation mode');
    same(acc, 100 * r.forgotEval.accuracy);
    same(evalAcc, 100 * r.last.validationAccuracy);
    const [loss, evalLoss] = figuresIn(lesson, 'its validation loss is {} instead of {}.');
    same(loss, r.forgotEval.loss);
    same(evalLoss, r.last.validationLoss);
  });
});

describe('the network and the data, as the lesson states them', () => {
  it('11,178 parameters, 9,930 (89 %) in the two fully connected layers', () => {
    const model = new SpecModel(digitsCnn(0.5, 'fc'), { weights: new Rng(0), dropout: new Rng(1) });
    const count = (ps: { data: ArrayLike<number> }[]): number => ps.reduce((n, q) => n + q.data.length, 0);
    const total = count(model.parameters());
    const fc = count([...(model.at(7)?.parameters() ?? []), ...(model.at(-1)?.parameters() ?? [])]);
    const [t, f, share] = figuresIn(lesson, 'It has {} parameters, {} of them ({} %)');
    expect([t?.value, f?.value]).toEqual([total, fc]);
    same(share, (100 * fc) / total);
  });

  it('3,000 digits, 300 of each, 297 KB; 500 validation and 500 test digits, up to 2,000 for training', () => {
    expect(figuresIn(lesson, 'The digits are {} images from MNIST (LeCun, Cortes and Burges), {} of each digit').map((f) => f.value)).toEqual([digits.n, digits.n / 10]);
    expect(figureIn(lesson, 'stored at 16 grey\nlevels: {} KB in all').value).toBe(Math.round((8 + digits.n + (digits.n * 196) / 2) / 1000));
  });
});

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
    // Run A on 1,000 digits is the first table's: 91.4 %.
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
