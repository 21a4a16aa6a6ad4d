/**
 * checkDropoutExperiment() on the lesson's first experiment exercise (a dropout rate for 200
 * digits), re-trained as the grader and the page do. The shifts exercise:
 * experiment-check-shifts.node.test.ts (a file of its own, so that a second Vitest worker trains
 * its runs at the same time).
 */
import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../common';
import { runJob } from '../../runtime';
import { NO_SITE_FILES } from '../exercises';
import { experiment, files } from './testing/claims.node';
import { dropoutJob } from './dropout.job';
import { checkDropoutExperiment, rerunDropout } from './experiment-check';
import { loadDigits } from './load-digits.node';
import { dropoutSchema, runSettings, type DropoutWidgetSettings } from './widget-settings';

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
  }, 120_000); // two trainings (the job and the re-run): 51-60 s under the load seen here (load average 18 on 2 cores)
});
