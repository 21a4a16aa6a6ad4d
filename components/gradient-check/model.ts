/** The gradient-check widget: URL fields, the table at one step h and the error-against-h curves. */
import { enumField, numberField } from '../../lib/common';
import { errorAgainstStep, GRAPH_PRESETS, gradientCheck, type GradientCheckRow } from '../../lib/course/backpropagation';
import type { DType } from '../../lib/engine';

/** The exponents of the steps h = 10^e plotted, smallest first. */
export const EXPONENTS = [-10, -9, -8, -7, -6, -5, -4, -3, -2, -1] as const;

/** URL fields: which preset, which dtype, and the exponent of h. */
export const checkSchema = {
  preset: enumField(['tanh', 'neuron', 'network'] as const, 'network'),
  dtype: enumField(['float64', 'float32'] as const, 'float64'),
  e: numberField({ default: -5, min: -10, max: -1, integer: true }),
};

/** The preset's expression and values. */
export function presetById(id: (typeof GRAPH_PRESETS)[number]['id']) {
  return GRAPH_PRESETS.find((p) => p.id === id)!;
}

/** Each input's gradient by autograd and by central differences with h = 10^e. */
export function rowsAt(id: (typeof GRAPH_PRESETS)[number]['id'], e: number, dtype: DType): GradientCheckRow[] {
  const preset = presetById(id);
  return gradientCheck(preset.expression, preset.values, 10 ** e, dtype);
}

/** The largest relative error over the inputs for each h of EXPONENTS, in float32 and float64. */
export function errorCurves(id: (typeof GRAPH_PRESETS)[number]['id']): Record<DType, number[]> {
  const preset = presetById(id);
  const steps = EXPONENTS.map((e) => 10 ** e);
  return {
    float64: errorAgainstStep(preset.expression, preset.values, steps, 'float64'),
    float32: errorAgainstStep(preset.expression, preset.values, steps, 'float32'),
  };
}

/** A verdict on a relative error, with the lesson's rule of thumb: 1e-7 or below passes, above 1e-5 suggests a bug. */
export function judge(error: number): 'good' | 'doubtful' | 'wrong' {
  if (error <= 1e-7) return 'good';
  if (error <= 1e-5) return 'doubtful';
  return 'wrong';
}
