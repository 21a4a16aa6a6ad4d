import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../common';
import { runJob } from '../../runtime';
import { type ExperimentSpec, NO_SITE_FILES, type SiteFiles } from '../exercises';
import { dropoutJob } from './dropout.job';
import { exercises } from './exercises';
import { checkDropoutExperiment, rerunDropout } from './experiment-check';
import { DIGITS_FILE, loadDigits } from './load-digits.node';
import { dropoutSchema, runSettings, type DropoutWidgetSettings } from './widget-settings';

const files: SiteFiles = { read: async (path) => (path === 'data/mnist-digits-14.bin' ? new Uint8Array(readFileSync(DIGITS_FILE)) : Promise.reject(new Error(`no file ${path}`))) };
/** The lesson's experiment exercise `id`. */
function experiment(id: string): ExperimentSpec {
  const found = exercises.find((e) => e.id === id);
  if (found?.kind !== 'experiment') throw new Error(`expected the experiment ${id}, got ${found?.kind ?? 'none'}`);
  return found;
}
const spec = experiment('overfitting-and-dropout/dropout-rate');
const check = (changes: Record<string, unknown>) => checkDropoutExperiment(spec, { ...spec.start, ...changes }, files);
const solution = spec.solution ?? '';

describe('checkDropoutExperiment(): a dropout rate for 200 digits', () => {
  it('the start (p = 0.5 between the fully connected layers) fails, saying how far it got, as the solution states', async () => {
    const result = await check({});
    expect(result).toMatchObject({ correct: false, score: 0, feedback: 'Run B reached a validation loss of 0.705 after 20 epochs; the goal is at most 0.650.' });
    expect(solution).toContain('0.705 with $p = 0.5$');
  }, 60_000);

  it('p = 0.25 between the fully connected layers reaches the goal, with the loss the solution states; so do 0.2 and 0.3', async () => {
    const result = await check({ p: 0.25 });
    expect(result.correct).toBe(true);
    expect(result.feedback).toBe('Goal reached: Run B reached a validation loss of 0.600 after 20 epochs; the goal is at most 0.650.');
    expect(solution).toContain('with $p = 0.25$ run B ends at a validation loss of 0.600');
    for (const p of [0.2, 0.3]) expect((await check({ p })).correct, `p = ${p}`).toBe(true);
  }, 120_000);

  it('dropout after the pools does not reach it', async () => {
    expect((await check({ p: 0.25, at: 'pools' })).correct).toBe(false);
  }, 60_000);

  it('run A, without dropout, ends at the loss the solution states', async () => {
    const settings = { ...defaultsOf(dropoutSchema), ...spec.start } as DropoutWidgetSettings;
    const a = await rerunDropout(settings, { run: 'a', metric: 'validationLoss', target: 0.65, epochs: 20 }, loadDigits());
    expect(a.history.at(-1)?.validationLoss.toFixed(3)).toBe('0.732');
    expect(solution).toContain('0.732 for run A');
  }, 60_000);

  it('refuses a change of anything else, an unknown setting and a bad value, without training or reading the digits', async () => {
    const noFiles = (changes: Record<string, unknown>) => checkDropoutExperiment(spec, { ...spec.start, ...changes }, NO_SITE_FILES);
    expect((await noFiles({ p: 0.25, n: 1000 })).feedback).toBe('Only p, at may change; you changed n from 200 to 1000.');
    expect((await noFiles({ colour: 'red' })).feedback).toMatch(/^Expected settings among n, p, at, .*; got "colour"\.$/);
    expect((await noFiles({ at: 'everywhere' })).feedback).toBe('Expected at to be one of fc, pools, both, none; got "everywhere".');
    expect((await noFiles({ p: 0.25, shift: 1 })).feedback).toBe('Only p, at may change; you changed shift from 0 to 1.');
    expect((await noFiles({ shift: 3 })).feedback).toBe('Expected shift to be a whole number from 0 to 2; got 3.');
  });

  it('re-runs the page\'s numbers: the widget\'s job for run B with the start\'s settings', async () => {
    const settings = { ...defaultsOf(dropoutSchema), ...spec.start, p: 0.25 } as DropoutWidgetSettings;
    const page = await runJob(dropoutJob, { settings: runSettings(settings, 'b'), digits: loadDigits() }).result;
    const ours = await rerunDropout(settings, { run: 'b', metric: 'validationLoss', target: 0.65, epochs: 20 }, loadDigits());
    expect(ours.history).toEqual(page.history);
  }, 60_000);
});

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
    expect(two.feedback).toBe('Run B reached a validation accuracy of 73.2 % after 60 epochs; the goal is at least 77.0 %.');
    expect(text).toContain('Shifts of up to 2 pixels end at 73.2 %');
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
