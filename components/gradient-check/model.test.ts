import { describe, expect, it } from 'vitest';
import { parseState } from '../../lib/common';
import { evaluate, parseExpression } from '../../lib/course/backpropagation';
import { tensor } from '../../lib/engine';
import { checkSchema, errorCurves, EXPONENTS, judge, presetById, rowsAt } from './model';

describe('gradient-check model', () => {
  it('rowsAt(): the central differences are recomputed here from the expression, independently of the widget code', () => {
    const preset = presetById('neuron');
    const h = 1e-4;
    for (const row of rowsAt('neuron', -4, 'float64')) {
      const at = (d: number): number =>
        evaluate(parseExpression(preset.expression), Object.fromEntries(Object.entries(preset.values).map(([k, v]) => [k, tensor(k === row.name ? v + d : v, { dtype: 'float64' })]))).item();
      expect(row.numeric).toBeCloseTo((at(h) - at(-h)) / (2 * h), 12);
      expect(row.relativeError).toBeLessThan(1e-7);
    }
  });

  it('errorCurves(): for every preset float32 never gets below 1e-5 (the widget says so), float64 reaches 1e-9', () => {
    for (const id of ['tanh', 'neuron', 'network'] as const) {
      const curves = errorCurves(id);
      expect(curves.float64).toHaveLength(EXPONENTS.length);
      expect(Math.min(...curves.float32), id).toBeGreaterThan(1e-5);
      expect(Math.min(...curves.float64), id).toBeLessThan(1e-9);
    }
  });

  it('judge() follows the lesson\'s thresholds, and the URL fields fall back with a notice', () => {
    expect([1e-9, 1e-6, 1e-3].map(judge)).toEqual(['good', 'doubtful', 'wrong']);
    const parsed = parseState(checkSchema, new URLSearchParams('preset=tanh&dtype=float16&e=-3'));
    expect(parsed.values).toEqual({ preset: 'tanh', dtype: 'float64', e: -3 });
    expect(parsed.notices.map((n) => n.name)).toEqual(['dtype']);
  });
});
