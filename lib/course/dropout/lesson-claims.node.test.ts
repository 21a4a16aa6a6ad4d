/**
 * Figures the overfitting-and-dropout lesson states (lessons/overfitting-and-dropout.mdx), read
 * from its text and recomputed with the code the lesson's runs use: the data-size experiment
 * (the default settings at 100 and 1,000 training digits, without dropout and with p = 0.5), the
 * network's parameter count, and what forgetting eval() costs. About a minute: four training runs.
 * The shifts section's figures are checked in lesson-claims-shifts.node.test.ts (a file of its
 * own, so that a second Vitest worker trains its runs at the same time).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { figureIn, figuresIn, type Figure } from '../../common/lesson-figures';
import { Rng } from '../../engine';
import { SpecModel } from '../../ml/training';
import { digits, lesson, same } from './testing/claims.node';
import { dataSizeExperiment, type ExperimentRow } from './experiment';
import { digitsCnn } from './network';
import { DEFAULT_SETTINGS } from './run';

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
    const cost = row(1000, 0).last.validationAccuracy - row(1000, 0.5).last.validationAccuracy;
    const costFigure = figureIn(lesson, 'On 1,000 digits dropout cost {} points');
    same(costFigure, 100 * cost);
    const images = ['no', 'one', 'two', 'three', 'four', 'five'][Math.round(500 * cost)] ?? 'more';
    expect(lesson.replace(/\s+/g, ' ')).toContain(`dropout cost ${costFigure.text} points, ${images} of the 500 validation images`);
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
