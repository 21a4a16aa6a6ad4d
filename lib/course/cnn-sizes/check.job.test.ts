import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../ml/layer-stack';
import { runJob } from '../../runtime';
import { engineCheckJob, type CheckProgress } from './check.job';

describe('engineCheckJob', () => {
  it('engineCheckJob() checks LeNet-5 layer by layer and reports its progress', async () => {
    const lenet = PRESETS.find((p) => p.id === 'lenet5')!;
    const progress: CheckProgress[] = [];
    const result = await runJob(engineCheckJob, { input: lenet.input, layers: lenet.layers }, { onProgress: (p) => progress.push(p) }).result;
    expect(result.agrees).toBe(true);
    expect(result.layers.every((l) => l.verdict === 'same')).toBe(true);
    expect(progress.at(-1)).toEqual({ done: 11, total: 12 });
  });
});
