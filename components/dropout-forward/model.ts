/** The dropout-forward widget: its URL fields, control stops and the sentences it shows. */
import { booleanField, enumField, formatDecimals, formatSignificant, numberField } from '../../lib/common';
import { MAX_MASK_SEED, PASS_COUNTS, type ForwardRequest, type ForwardResult } from '../../lib/course/dropout-forward';

/** The p slider's stops: 0 to 1 in steps of 0.05 (PyTorch 1.13 accepts both ends). */
export const P_STOPS: readonly number[] = Array.from({ length: 21 }, (_, i) => i / 20);

/** The pass counts as the select offers them. */
export const PASS_OPTIONS = PASS_COUNTS.map((n) => ({ value: String(n) as `${typeof n}`, label: n === 1 ? '1 pass' : `${n.toLocaleString('en')} passes` }));

/** URL fields (prefixed d… so they do not collide with the training widget's on the same page). */
export const forwardSchema = {
  dmode: enumField(['train', 'eval'] as const, 'train'),
  dp: numberField({ default: 0.5, min: 0, max: 1 }),
  dseed: numberField({ default: 1, min: 1, max: MAX_MASK_SEED, integer: true }),
  dpasses: enumField(
    PASS_OPTIONS.map((o) => o.value),
    '1',
  ),
  dscaled: booleanField(true),
};

/** The widget's values, as the URL holds them. */
export interface ForwardSettings {
  dmode: 'train' | 'eval';
  dp: number;
  dseed: number;
  dpasses: string;
  dscaled: boolean;
}

/** The engine request for the settings. */
export function requestOf(s: ForwardSettings): ForwardRequest {
  return { p: s.dp, training: s.dmode === 'train', seed: s.dseed, passes: Number(s.dpasses), scaled: s.dscaled };
}

/** The seed after `seed` (wrapping round to 1 after the largest). */
export function nextSeed(seed: number): number {
  return seed >= MAX_MASK_SEED ? 1 : seed + 1;
}

/** A probability with two decimals: "0.50". */
export const formatP = (p: number): string => p.toFixed(2);

/** An activation for the table and the drawing: up to 4 decimals, "0.28", "1.3333". */
export const formatActivation = (v: number): string => formatDecimals(v, 4);

/** The factor 1/(1 − p) in words, "1/(1 − 0.50) = 2". */
export function scaleText(p: number): string {
  return `1/(1 − ${formatP(p)}) = ${formatActivation(Math.fround(1 / (1 - p)))}`;
}

/** The sentence about the first pass: what was dropped and what the rest became. */
export function passSentence(r: ForwardResult, req: ForwardRequest): string {
  const units = r.h.length;
  if (!req.training) {
    const same = r.output.filter((v, i) => v === r.h[i]).length;
    return `model.eval(): nn.Dropout passes h through untouched. The output equals h exactly (${same} of ${units} units identical), on every pass and for any p.`;
  }
  const dropped = r.kept.filter((k) => !k).length;
  if (req.p === 0) return `p = 0: nothing is dropped, and 1/(1 − 0) = 1, so even in training mode the output is h.`;
  if (req.p === 1) {
    return `p = 1 drops every unit: the output is all zeros. PyTorch 1.13 does the same (it does not divide by 1 − p = 0), and no scaling can keep the expected activation: it is 0.`;
  }
  const expected = formatSignificant(req.p * units, 3);
  const rest = req.scaled ? `multiplied the other ${units - dropped} by ${scaleText(req.p)}` : `left the other ${units - dropped} as they were (no scaling)`;
  return `This pass dropped ${dropped} of ${units} units (p = ${formatP(req.p)} expects ${expected} on average) and ${rest}.`;
}

/** The sentence about the mean over the passes: how close it is to h, or to (1 − p)·h without the scaling. */
export function meanSentence(r: ForwardResult, req: ForwardRequest): string {
  const over = r.passes === 1 ? 'One pass' : `The mean of ${r.passes.toLocaleString('en')} passes`;
  const gapH = `largest gap |mean − h| = ${formatSignificant(r.gapToH, 3)}`;
  if (!req.training) return `${over}: ${gapH}. Evaluation is deterministic.`;
  if (req.p === 1) return `${over}: every output is 0, and so is the mean: ${gapH}.`;
  if (req.scaled || req.p === 0) {
    const more = r.passes < 1000 && req.p > 0 && req.p < 1 ? ' Average more passes and it shrinks, roughly as 1/√N.' : '';
    return `${over}: ${gapH}.${more}`;
  }
  return `${over}: ${gapH}, but largest gap |mean − (1 − p)·h| = ${formatSignificant(r.gapToLimit, 3)}. Without the scaling the mean tends to ${formatP(1 - req.p)}·h, not h: a next layer trained on inputs of that size would get h in evaluation, ${formatActivation(1 / (1 - req.p))} times as large.`;
}
