/**
 * checkDropoutExperiment() on the lesson's shifts exercise (shifts or dropout on 100 digits, 60
 * epochs), re-trained as the grader and the page do. The first exercise: experiment-check.node.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../common';
import { NO_SITE_FILES } from '../exercises';
import { experiment, files } from './testing/claims.node';
import { checkDropoutExperiment, rerunDropout } from './experiment-check';
import { loadDigits } from './load-digits.node';
import { dropoutSchema, type DropoutWidgetSettings } from './widget-settings';

/**
 * The best run B with dropout alone on the shifts exercise: measured once over all 27 of the widget's
 * rates (0.1 … 0.8) and placements, 60 epochs on 100 digits, seed 1; the next best were p = 0.3
 * after each pool (74.8 %) and p = 0.25 between the fully connected layers (74.6 %).
 */
const BEST_DROPOUT = { p: 0.25, at: 'pools' } as const;
const BEST_DROPOUT_SHOWN = 'ends at 75.8 %';

describe('checkDropoutExperiment(): shifts or dropout on 100 digits', () => {
  const shifts = experiment('overfitting-and-dropout/shifts-or-dropout');
  const checkShifts = (changes: Record<string, unknown>) => checkDropoutExperiment(shifts, { ...shifts.start, ...changes }, files);
  const text = shifts.solution ?? '';

  it('the start (dropout p = 0.5 between the fully connected layers, no shifts) fails, at the accuracy the solution states', async () => {
    const result = await checkShifts({});
    expect(result).toMatchObject({ correct: false, score: 0, feedback: 'Run B reached a validation accuracy of 74.0 % after 60 epochs; the goal is at least 77.0 %.' });
    expect(text).toContain('run B starts at 74.0 % with $p = 0.5$');
  }, 120_000);

  it('shifts of up to 1 pixel reach the goal, without dropout and with p = 0.25, at the accuracies the solution states', async () => {
    const alone = await checkShifts({ at: 'none', shift: 1 });
    expect(alone.feedback).toBe('Goal reached: Run B reached a validation accuracy of 78.4 % after 60 epochs; the goal is at least 77.0 %.');
    expect(text).toContain('run B ends its 60 epochs at a validation accuracy of 78.4 %');
    const withDropout = await checkShifts({ p: 0.25, shift: 1 });
    expect(withDropout.correct).toBe(true);
    expect(withDropout.feedback).toContain('78.6 %');
    expect(text).toContain('with $p = 0.25$ between the fully connected layers as well at 78.6 %');
  }, 180_000);

  it('dropout alone does not: the best rate and placement of the widget\'s (measured over all 27), nor shifts of up to 2 pixels', async () => {
    const best = await checkShifts(BEST_DROPOUT);
    expect(best.correct).toBe(false);
    expect(best.feedback).toContain(`of ${BEST_DROPOUT_SHOWN.replace('ends at ', '')} after 60 epochs`);
    expect(text).toContain(BEST_DROPOUT_SHOWN);
    const two = await checkShifts({ at: 'none', shift: 2 });
    expect(two.feedback).toBe('Run B reached a validation accuracy of 73.4 % after 60 epochs; the goal is at least 77.0 %.');
    expect(text).toContain('Shifts of up to 2 pixels end at 73.4 %');
  }, 180_000);

  it('run A, without a remedy, ends at the accuracy the solution states', async () => {
    const settings = { ...defaultsOf(dropoutSchema), ...shifts.start } as DropoutWidgetSettings;
    const a = await rerunDropout(settings, { run: 'a', metric: 'validationAccuracy', target: 0.77, epochs: 60 }, loadDigits());
    expect((100 * (a.history.at(-1)?.validationAccuracy ?? NaN)).toFixed(1)).toBe('73.8');
    expect(text).toContain('run A, without a remedy, ends at 73.8 %');
  }, 120_000);

  it('refuses a change of anything but run B\'s remedies, without training', async () => {
    const result = await checkDropoutExperiment(shifts, { ...shifts.start, shift: 1, n: 1000 }, NO_SITE_FILES);
    expect(result.feedback).toBe('Only p, at, shift may change; you changed n from 100 to 1000.');
  });
});
