import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../lib/course/dropout';
import { describeComparison } from './summary';

const record = (epoch: number, trainLoss: number, validationLoss: number, trainAccuracy: number, validationAccuracy: number): EpochRecord => ({ epoch, trainLoss, validationLoss, trainAccuracy, validationAccuracy });
const a = [record(0, 2.3, 2.3, 0.1, 0.1), record(1, 0.5, 0.6, 0.85, 0.8), record(2, 0.2, 0.7, 0.95, 0.81)];
const b = [record(0, 2.3, 2.3, 0.1, 0.1), record(1, 0.7, 0.65, 0.8, 0.79), record(2, 0.4, 0.55, 0.9, 0.84)];

describe('describeComparison()', () => {
  it('compares both runs at the last epoch both have, with the lowest validation loss so far', () => {
    expect(describeComparison({ name: 'Run A (no dropout)', short: 'Run A', history: a }, { name: 'Run B (dropout 0.5)', short: 'Run B', history: b.slice(0, 2) }, 30)).toBe(
      'At epoch 1 of 30: Run A (no dropout): training loss 0.500, validation loss 0.600 (gap 0.100), training accuracy 85.0 %, validation accuracy 80.0 %; lowest validation loss so far 0.600 at epoch 1. ' +
        'Run B (dropout 0.5): training loss 0.700, validation loss 0.650 (gap −0.050), training accuracy 80.0 %, validation accuracy 79.0 %; lowest validation loss so far 0.650 at epoch 1. ' +
        'Run B has a validation loss 0.050 higher and a validation accuracy 1.0 points lower than Run A.',
    );
  });

  it('names where A stopped improving, and says which is better at epoch 2', () => {
    const text = describeComparison({ name: 'Run A', short: 'Run A', history: a }, { name: 'Run B', short: 'Run B', history: b }, 30);
    expect(text).toContain('Run A: training loss 0.200, validation loss 0.700 (gap 0.500), training accuracy 95.0 %, validation accuracy 81.0 %; lowest validation loss so far 0.600 at epoch 1.');
    expect(text).toContain('Run B has a validation loss 0.150 lower and a validation accuracy 3.0 points higher than Run A.');
  });

  it('says the runs are starting before any snapshot, and describes epoch 0 without a comparison', () => {
    expect(describeComparison({ name: 'A', short: 'A', history: [] }, { name: 'B', short: 'B', history: b }, 30)).toBe('The runs are starting.');
    expect(describeComparison({ name: 'A', short: 'A', history: a.slice(0, 1) }, { name: 'B', short: 'B', history: b }, 30)).toMatch(/^Before training \(epoch 0 of 30\): A: training loss 2\.300.*B: training loss 2\.300.*epoch 0\.$/);
  });
});
