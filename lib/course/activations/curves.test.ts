import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../ml/activations';
import { saturatedIntervals } from './saturation';
import { runJob } from '../../runtime';
import { curvesJob } from './curves.job';

describe('curvesJob', () => {
  it('curvesJob gives the closed-form curves and saturation intervals, computed by the engine', async () => {
    const params = { alpha: 0.1, beta: 2 };
    const request = { names: ['sigmoid', 'swish', 'relu'] as const, params, range: 8, epsilon: 0.01, points: 101 };
    const result = await runJob(curvesJob, request).result;
    expect(result.z).toHaveLength(101);
    expect(result.z[50]).toBe(0);
    for (const curve of result.curves) {
      const act = ACTIVATIONS[curve.name];
      result.z.forEach((z, i) => {
        expect(curve.value[i]).toBeCloseTo(act.value(z, params), 12);
        expect(curve.derivative[i]).toBeCloseTo(act.derivative(z, params), 12);
      });
      const reference = saturatedIntervals((z) => act.derivative(z, params), 0.01, -8, 8, { samples: 100 });
      expect(curve.saturated.length).toBe(reference.length);
      curve.saturated.forEach((iv, k) => {
        expect(iv.from).toBeCloseTo(reference[k]?.from ?? NaN, 7);
        expect(iv.to).toBeCloseTo(reference[k]?.to ?? NaN, 7);
      });
    }
  });
});
