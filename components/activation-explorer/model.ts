/** Activation explorer: its state, the URL fields, and how each function is drawn. */
import { ACTIVATION_NAMES, POINTS, sampleIndex, samplePoint, type ActivationName } from '../../lib/course/activations';

export { POINTS, samplePoint, sampleIndex, snapToSample } from '../../lib/course/activations';
import { enumSetField, numberField } from '../../lib/common';

/** Half-widths of the plotted range [−R, R] the range slider steps through. */
export const RANGE_STOPS = [1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 200, 500, 1000] as const;

/** Saturation thresholds ε the epsilon slider steps through. */
export const EPSILON_STOPS = [1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2] as const;

const HALF = (POINTS - 1) / 2;

/** Keyboard steps of the crosshair, in samples: R/50, and R/5 with Shift or Page Up/Down. */
const FINE_STEP = HALF / 50;
const COARSE_STEP = HALF / 5;

/**
 * Where a key moves the crosshair from z: whole keyboard steps along the sample grid (so that its
 * position, and the link, never carry rounding residue like 1e-16), or undefined for other keys.
 */
export function crosshairAfterKey(z: number, range: number, key: string, shift: boolean): number | undefined {
  const i = sampleIndex(z, range);
  const step = shift ? COARSE_STEP : FINE_STEP;
  const moves: Record<string, number> = {
    ArrowRight: i + step,
    ArrowUp: i + step,
    ArrowLeft: i - step,
    ArrowDown: i - step,
    PageUp: i + COARSE_STEP,
    PageDown: i - COARSE_STEP,
    Home: 0,
    End: POINTS - 1,
  };
  const next = moves[key];
  return next === undefined ? undefined : samplePoint(Math.max(0, Math.min(POINTS - 1, next)), range);
}

/** URL fields of the explorer (names appear in shared links). */
export const explorerSchema = {
  fns: enumSetField(ACTIVATION_NAMES, ['sigmoid', 'tanh', 'relu']),
  range: numberField({ default: 6, min: 0.5, max: 1000 }),
  alpha: numberField({ default: 0.1, min: 0, max: 1 }),
  beta: numberField({ default: 1, min: 0.1, max: 10 }),
  eps: numberField({ default: 0.01, min: 1e-6, max: 0.5 }),
  z: numberField({ default: 1, min: -1000, max: 1000 }),
};

/** How a function's curve looks: a theme colour and a dash pattern, so colour is not the only cue. */
export const SERIES_STYLE: Record<ActivationName, { color: string; dash: string }> = {
  identity: { color: 'var(--chart-6)', dash: '2 4' },
  sigmoid: { color: 'var(--chart-1)', dash: '' },
  tanh: { color: 'var(--chart-2)', dash: '9 4' },
  relu: { color: 'var(--chart-3)', dash: '' },
  leakyRelu: { color: 'var(--chart-4)', dash: '6 3 1.5 3' },
  swish: { color: 'var(--chart-5)', dash: '3 3' },
};
