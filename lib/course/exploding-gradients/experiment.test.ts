import { describe, expect, it } from 'vitest';
import lesson from '../../../lessons/exploding-gradients.mdx?raw';
import { figures } from '../../common/lesson-figures';
import { defaultsOf } from '../../common';
import { Trainer } from '../../ml/training';
import { specOf } from '../exercises';
import { exercises } from './exercises';
import { checkExplodingExperiment } from './experiment';
import { explodingSchema, PRESETS, runConfig, type ExplodingSettings } from './widget-settings';

const spec = specOf(exercises, 'exploding-gradients/rnn-clipping', 'experiment');
const check = (changes: Record<string, unknown>) => checkExplodingExperiment(spec, { ...spec.start, ...changes });

describe('checkExplodingExperiment(): the RNN trained by choosing run B\'s clipping only', () => {
  it('starts from the RNN preset with the default clipping, which survives but does not reach the goal', async () => {
    const rnnPreset = PRESETS.find((p) => p.label === 'RNN over 30 steps')!;
    expect({ ...defaultsOf(explodingSchema), ...spec.start }).toEqual({ ...defaultsOf(explodingSchema), ...rnnPreset.settings });
    expect(await check({})).toMatchObject({ correct: false, feedback: 'Run B reached training loss 0.737 after 500 steps; the goal is at most 0.5.' });
  });

  // One training per test: three in one test took 60 s on a heavily loaded machine.
  it('clipping by global norm at 30 does not reach it either', async () => {
    expect((await check({ max: 30 })).feedback).toBe('Run B reached training loss 0.955 after 500 steps; the goal is at most 0.5.');
  });

  it('clipping each tensor at 1 reaches it, with the solution\'s loss', async () => {
    expect(await check({ clip: 'tensor' })).toMatchObject({ correct: true, feedback: 'Goal reached: Run B reached training loss 0.315 after 500 steps; the goal is at most 0.5.' });
  });

  it('clipping by value at 0.1 does not, with the solution\'s loss', async () => {
    expect(await check({ clip: 'value', max: 0.1 })).toMatchObject({ correct: false, feedback: 'Run B reached training loss 0.679 after 500 steps; the goal is at most 0.5.' });
  });

  it('the lesson\'s prompt states the goal and the starting loss the checker gives', async () => {
    const [start, atMost, steps] = figures(lesson, /training loss is still about ([\d.]+) after \d+ steps\. Get it to a training loss of at most ([\d.]+) after (\d+)\s+steps/);
    expect({ atMost, steps }).toEqual({ atMost: spec.goal.atMost, steps: spec.goal.steps });
    expect((await check({})).feedback).toMatch(new RegExp(`training loss ${String(start).replace('.', '\\.')}\\d* after ${steps} steps`));
  });

  it('the solution quotes the three losses', () => {
    for (const figure of ['at 1 (training loss 0.32 after 500 steps)', 'By value at 0.1 the loss ends at 0.68', 'at threshold 1 (0.74) as at 30 (0.96)']) expect(spec.solution).toContain(figure);
  });

  it('at the start the readout\'s and the recurrent weights\' gradients are 66 and 34 times the input weights\', as the solution says', () => {
    const trainer = new Trainer(runConfig({ ...defaultsOf(explodingSchema), ...spec.start } as ExplodingSettings, 'b'));
    expect(trainer.layerNames).toEqual(['weight_ih_l0', 'weight_hh_l0', 'head']);
    const [ih = NaN, hh = NaN, head = NaN] = trainer.gradientNorms().layers;
    expect(spec.solution).toContain(`their gradients are ${Math.round(head / ih)} and ${Math.round(hh / ih)} times the input weights'`);
  });

  it('refuses a change of anything but the clipping, naming it', async () => {
    expect((await check({ clip: 'tensor', lr: 0.001 })).feedback).toBe('Only clip, max may change; you changed lr from 0.01 to 0.001.');
  });
});
