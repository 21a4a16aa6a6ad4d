/** Cross-entropy versus squared error for one sigmoid unit: URL fields, the curves and the sentences the widget shows. */
import { enumField, formatSignificant, numberField } from '../../lib/common';
import { lossCurves, lossesAt, type LossPoint } from '../../lib/course/backpropagation';

/** The logits plotted: from −Z_LIMIT to Z_LIMIT. */
export const Z_LIMIT = 8;
/** Points on each curve (steps of 0.1). */
export const CURVE_POINTS = 161;

/** URL fields: the target y and the logit z under the cursor. */
export const lossSchema = {
  y: enumField(['1', '0'] as const, '1'),
  z: numberField({ default: -5, min: -Z_LIMIT, max: Z_LIMIT }),
};

/** Both losses and their gradients over the plotted logits, by the engine's autograd. */
export function curvesFor(y: 0 | 1): LossPoint[] {
  return lossCurves(y, -Z_LIMIT, Z_LIMIT, CURVE_POINTS);
}

/** Whether the unit at logit z is right, unsure or confidently wrong for target y, in words. */
export function verdict(point: LossPoint, y: 0 | 1): string {
  const wrongBy = Math.abs(point.p - y);
  if (wrongBy < 0.1) return 'right';
  if (wrongBy <= 0.9) return 'unsure';
  return 'confidently wrong';
}

/** The sentence comparing the two gradients at one logit. */
export function compareGradients(z: number, y: 0 | 1): string {
  const at = lossesAt(z, y);
  const ratio = Math.abs(at.crossEntropyGrad / at.squaredErrorGrad);
  const head = `At z = ${formatSignificant(z)} the unit predicts p = ${formatSignificant(at.p)} for target ${y}: ${verdict(at, y)}.`;
  if (!Number.isFinite(ratio)) return `${head} Both gradients are 0.`;
  return `${head} dL/dz is ${formatSignificant(at.crossEntropyGrad)} under cross-entropy and ${formatSignificant(at.squaredErrorGrad)} under squared error: cross-entropy's is ${formatSignificant(ratio)} times as large.`;
}
