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
const found = exercises.find((e) => e.id === 'overfitting-and-dropout/dropout-rate');
if (found?.kind !== 'experiment') throw new Error('expected the experiment overfitting-and-dropout/dropout-rate');
const spec: ExperimentSpec = found;
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
    expect((await noFiles({ at: 'everywhere' })).feedback).toBe('Expected at to be one of fc, pools, both; got "everywhere".');
  });

  it('re-runs the page\'s numbers: the widget\'s job for run B with the start\'s settings', async () => {
    const settings = { ...defaultsOf(dropoutSchema), ...spec.start, p: 0.25 } as DropoutWidgetSettings;
    const page = await runJob(dropoutJob, { settings: runSettings(settings, 'b'), digits: loadDigits() }).result;
    const ours = await rerunDropout(settings, { run: 'b', metric: 'validationLoss', target: 0.65, epochs: 20 }, loadDigits());
    expect(ours.history).toEqual(page.history);
  }, 60_000);
});
