import { describe, expect, it } from 'vitest';
import { presetKernel } from './kernels';
import { toGrayscale } from './picture';
import { samplePicture } from './samples';
import { windowBreakdown } from './window';
import { runJob } from '../../runtime';
import { convolveJob } from './convolve.job';

describe('convolveJob', () => {
  it('convolveJob returns the engine’s feature map with its key, matching the step-through at every cell', async () => {
    const input = toGrayscale(samplePicture('four'));
    const weights = Float64Array.from(presetKernel('sobelX', 3) ?? []);
    const bias = Float64Array.of(0.5);
    const spec = { kernel: 3, stride: 2, padding: 1, dilation: 1 };
    const result = await runJob(convolveJob, { key: 'a', input, weights, bias, spec }).result;
    expect(result.key).toBe('a');
    expect(result.shape).toEqual([1, 1, 14, 14]);
    for (let i = 0; i < 14; i++) {
      for (let j = 0; j < 14; j++) expect(windowBreakdown(input, weights, bias, spec, 0, i, j).total).toBeCloseTo(result.data[i * 14 + j]!, 12);
    }
  });
});
