/** Samples the explorer's curves: f(z) and f'(z) for each selected function over [−R, R]. */
import {
  ACTIVATIONS,
  type ActivationName,
  type ActivationParams,
  saturatedIntervals,
  type ZInterval,
} from '../../lib/activations';

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

/** Samples `points` values of z evenly over [−range, range] and evaluates each function there. */
export function sampleCurves(
  names: readonly ActivationName[],
  params: ActivationParams,
  range: number,
  epsilon: number,
  points = 401,
): Curves {
  const z = new Float64Array(points);
  for (let i = 0; i < points; i++) z[i] = -range + (2 * range * i) / (points - 1);
  const curves = names.map((name) => {
    const act = ACTIVATIONS[name];
    const value = z.map((zi) => act.value(zi, params));
    const derivative = z.map((zi) => act.derivative(zi, params));
    const saturated = saturatedIntervals((zi) => act.derivative(zi, params), epsilon, -range, range);
    return { name, value, derivative, saturated };
  });
  return { z, curves };
}
