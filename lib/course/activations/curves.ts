/** Samples the explorer's curves with the autograd engine: f(z) and f'(z) over [−R, R]. */
import { type ActivationName, type ActivationParams } from '../../ml/activations';
import { saturatedIntervals, type ZInterval } from './saturation';
import { valueAndDerivative } from './autograd';
import { samplePoint } from './sampling';

/** One function's samples and where it is saturated. */
export interface Curve {
  name: ActivationName;
  value: Float64Array;
  derivative: Float64Array;
  saturated: ZInterval[];
}

/** The sample points z and one curve per selected function. */
export interface Curves {
  z: Float64Array;
  curves: Curve[];
}

/** What the explorer asks for: which functions, their parameters, the range and ε. */
export interface CurvesRequest {
  names: readonly ActivationName[];
  params: ActivationParams;
  range: number;
  epsilon: number;
  /** Number of sample points (odd, so that z = 0 is one of them). */
  points?: number;
}

/**
 * Evaluates each function at `points` values of z evenly spaced over [−range, range] (the
 * crosshair's grid, samplePoint), with f'(z) from the engine's backward pass, and finds where
 * |f'(z)| < ε (boundaries refined by bisection, each probe another backward pass).
 */
export function sampleCurves({ names, params, range, epsilon, points = 401 }: CurvesRequest): Curves {
  const z = new Float64Array(points);
  for (let i = 0; i < points; i++) z[i] = samplePoint(i, range, points);
  const curves = names.map((name) => {
    const { value, derivative } = valueAndDerivative(name, params, z);
    const at = (zi: number): number => valueAndDerivative(name, params, Float64Array.of(zi)).derivative[0] ?? NaN;
    const saturated = saturatedIntervals(at, epsilon, -range, range, { samples: points - 1, sampled: derivative });
    return { name, value, derivative, saturated };
  });
  return { z, curves };
}
