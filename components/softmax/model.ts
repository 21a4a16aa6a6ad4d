/** Softmax widget: its state and the URL fields. */
import { numberField, numberListField } from '../../lib/common';

/** Fewest and most logits the widget shows. */
export const MIN_LOGITS = 3;
export const MAX_LOGITS = 8;

/** Largest |logit| accepted: far beyond where the naive formula overflows (about 88.7 in float32). */
export const LOGIT_LIMIT = 1e6;

/** Temperatures the temperature slider steps through. */
export const TEMPERATURE_STOPS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20] as const;

/** Logit sets a reader can start from. */
export const PRESETS: readonly { label: string; logits: readonly number[] }[] = [
  { label: 'Typical', logits: [2, 1, 0.1] },
  { label: 'Huge logits (±1000)', logits: [1000, 999, -1000] },
  { label: 'Just past float32 (89, 88, 0)', logits: [89, 88, 0] },
  { label: 'A tie', logits: [1, 1, 1, 1] },
  { label: 'Eight classes', logits: [3, 2.5, 1, 0, 0, -1, -2, -4] },
];

/** URL fields of the softmax widget. */
export const softmaxSchema = {
  logits: numberListField({ default: [2, 1, 0.1], min: -LOGIT_LIMIT, max: LOGIT_LIMIT, minLength: MIN_LOGITS, maxLength: MAX_LOGITS }),
  T: numberField({ default: 1, min: 0.01, max: 100 }),
  shift: numberField({ default: 0, min: -1000, max: 1000 }),
};
