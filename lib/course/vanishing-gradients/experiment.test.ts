import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../common';
import { trainJob } from '../../ml/training';
import { runJob } from '../../runtime';
import type { ExperimentSpec } from '../exercises';
import { checkVanishingExperiment, rerun } from './experiment';
import { exercises } from './exercises';
import { runConfig, vanishingSchema, type VanishingSettings } from './widget-settings';

const spec = (id: string): ExperimentSpec => {
  const found = exercises.find((e) => e.id === id);
  if (found?.kind !== 'experiment') throw new Error(`expected experiment ${id}`);
  return found;
};
const tanhInit = spec('vanishing-gradients/tanh-init');
const rescue = spec('vanishing-gradients/sigmoid-rescue');
const check = (s: ExperimentSpec, changes: Record<string, unknown>) => checkVanishingExperiment(s, { ...s.start, ...changes });

describe('checkVanishingExperiment(): tanh, only the initialisation', () => {
  it('the start (PyTorch default init) fails, saying how far it got', async () => {
    const result = await check(tanhInit, {});
    expect(result).toMatchObject({ correct: false, score: 0, feedback: 'Run A reached 47.0 % test accuracy after 400 steps; the goal is at least 90.0 %.' });
  });

  it('Xavier, Xavier with gain 5/3 and He reach the goal', async () => {
    for (const changes of [{ ainit: 'xavier' }, { ainit: 'xavier', again: 'tanh' }, { ainit: 'he' }]) {
      const result = await check(tanhInit, changes);
      expect(result.correct, JSON.stringify(changes)).toBe(true);
      expect(result.feedback).toMatch(/^Goal reached: Run A reached 9\d\.\d % test accuracy after 400 steps/);
    }
  });

  it('refuses a change of anything else, an unknown setting and a bad value, naming them', async () => {
    expect((await check(tanhInit, { ainit: 'xavier', lr: 0.3 })).feedback).toBe('Only ainit, again may change; you changed lr from 0.1 to 0.3.');
    expect((await check(tanhInit, { a: 'relu', ainit: 'he' })).feedback).toBe('Only ainit, again may change; you changed a from "tanh" to "relu".');
    expect((await check(tanhInit, { colour: 'red' })).feedback).toMatch(/^Expected settings among dataset, depth, .*; got "colour"\.$/);
    expect((await check(tanhInit, { ainit: 'glorot' })).feedback).toMatch(/^Expected ainit to be .*; got "glorot"\.$/);
    expect((await check(tanhInit, { depth: '10' })).feedback).toMatch(/^Expected depth to be .*; got "10"\.$/);
  });

  it('ignores the page\'s speed, which does not change the run', async () => {
    expect((await check(tanhInit, { ainit: 'xavier', speed: '20' })).correct).toBe(true);
  });
});

describe('checkVanishingExperiment(): rescuing the sigmoid network', () => {
  it('the initialisation alone is not enough; tanh + Xavier or ReLU + He are', async () => {
    expect((await check(rescue, { ainit: 'he' })).correct).toBe(false);
    expect((await check(rescue, { a: 'relu' })).correct).toBe(false);
    expect((await check(rescue, { a: 'tanh', ainit: 'xavier' })).correct).toBe(true);
    expect((await check(rescue, { a: 'relu', ainit: 'he' })).correct).toBe(true);
  });
});

describe('rerun()', () => {
  it('gives the numbers the page shows: the widget\'s job with its parameters (boundary, histograms) evaluates the same at step 400', async () => {
    const settings = { ...defaultsOf(vanishingSchema), ...tanhInit.start, ainit: 'xavier' } as VanishingSettings;
    const page = await runJob(trainJob, { config: runConfig(settings, 'a'), maxSteps: 400, evalEvery: 25, activationHistograms: true, boundaryResolution: 32, boundaryExtent: 1.6 }).result;
    const ours = await rerun(settings, { run: 'a', steps: 400 });
    expect(ours.evaluation).toEqual(page.evaluation);
    expect(Array.from(ours.evaluations.columns['testAccuracy'] ?? [])).toEqual(Array.from(page.evaluations.columns['testAccuracy'] ?? []));
  });
});
