import { describe, expect, it } from 'vitest';
import { specOf } from '../exercises';
import { checkRaceExperiment } from './experiment';
import { exercises } from './exercises';

const spec = specOf(exercises, 'backpropagation/plateau-learning-rate', 'experiment');
const check = (changes: Record<string, unknown>) => checkRaceExperiment(spec, { ...spec.start, ...changes });

describe('checkRaceExperiment(): squared error off its plateau by the learning rate alone', () => {
  it('the start (learning rate 0.3) and 1 stay on the plateau at step 500', async () => {
    expect(await check({})).toMatchObject({ correct: false, feedback: 'Run B reached 47.5 % training accuracy after 500 steps; the goal is at least 90.0 %.' });
    expect((await check({ lr: 1 })).correct).toBe(false);
  });

  it('3 (the solution) and 10 reach the goal; at 3 run B passes 90 % by step 300, as the solution says', async () => {
    expect(await check({ lr: 3 })).toMatchObject({ correct: true, feedback: 'Goal reached: Run B reached 100.0 % training accuracy after 500 steps; the goal is at least 90.0 %.' });
    expect((await check({ lr: 10 })).correct).toBe(true);
    expect((await checkRaceExperiment({ ...spec, goal: { ...spec.goal, steps: 300 } }, { ...spec.start, lr: 3 })).correct).toBe(true);
    expect((await checkRaceExperiment({ ...spec, goal: { ...spec.goal, steps: 275 } }, { ...spec.start, lr: 3 })).correct).toBe(false);
    expect(spec.solution).toContain('passes 90 % training accuracy by step 300');
  });

  it('refuses a change of the bad start, naming it', async () => {
    expect((await check({ bad: 0 })).feedback).toBe('Only lr may change; you changed bad from 8 to 0.');
  });

  it('refuses a malformed goal as the author\'s mistake', async () => {
    await expect(checkRaceExperiment({ ...spec, goal: { ...spec.goal, steps: 510 } }, spec.start)).rejects.toThrow('expected steps to be a multiple of 25');
    await expect(checkRaceExperiment({ ...spec, goal: { run: 'b', metric: 'trainLoss', atLeast: 0.9, steps: 500 } }, spec.start)).rejects.toThrow('expected a goal { run, metric, atLeast or atMost, steps }');
  });
});
