/** The claim widget's URL fields (prefixed, since the two-run widget shares the page's URL) and the grid they describe. */
import { enumField, enumSetField, numberField, type ValuesOf } from '../../lib/common';
import { CLAIM_REMEDIES, MAX_SHIFT, PLACEMENT_OPTIONS, RATE_STOPS, SIZE_STOPS, type ClaimGrid } from '../../lib/course/dropout';

/** The training sizes offered, as the URL writes them. */
export const SIZE_OPTIONS = SIZE_STOPS.map(String) as `${(typeof SIZE_STOPS)[number]}`[];

/** The epochs slider's stops (short runs: the grid trains many). */
export const CLAIM_EPOCH_STOPS = [5, 10, 15, 20, 30] as const;

/** Where run B's dropout may go: every placement but "No dropout" (the claim compares without and with it). */
export const CLAIM_PLACEMENTS = PLACEMENT_OPTIONS.filter((o): o is Extract<(typeof PLACEMENT_OPTIONS)[number], { value: ClaimGrid['placement'] }> => o.value !== 'none');

/** The largest shifts run B may have, as the URL writes them (1 pixel up to MAX_SHIFT). */
export const CLAIM_SHIFT_OPTIONS = Array.from({ length: MAX_SHIFT }, (_, i) => ({ value: String(i + 1), label: `Up to ${i + 1} pixel${i === 0 ? '' : 's'}` }));

/** Most seeds a grid may run. */
export const MAX_SEEDS = 10;

/** URL fields of the claim widget. */
export const claimSchema = {
  'claim-sizes': enumSetField(SIZE_OPTIONS, ['100', '300']),
  'claim-seeds': numberField({ default: 3, min: 1, max: MAX_SEEDS, integer: true }),
  'claim-epochs': numberField({ default: 30, min: 1, max: 30, integer: true }),
  'claim-p': numberField({ default: 0.5, min: Math.min(...RATE_STOPS), max: Math.max(...RATE_STOPS) }),
  'claim-at': enumField(
    CLAIM_PLACEMENTS.map((o) => o.value),
    'fc',
  ),
  /** Run B's remedy; links from before shifts could be tested have none and keep testing dropout. */
  'claim-remedy': enumField(
    CLAIM_REMEDIES.map((r) => r.value),
    'dropout',
  ),
  /** Run B's largest shift in pixels, when its remedy has shifts. */
  'claim-shift': numberField({ default: 1, min: 1, max: MAX_SHIFT, integer: true }),
};

/** The widget's settings as the URL holds them. */
export type ClaimValues = ValuesOf<typeof claimSchema>;

/** The grid the settings describe: seeds 1 to n at every chosen size. */
export function gridOf(values: ClaimValues): ClaimGrid {
  return {
    sizes: values['claim-sizes'].map(Number),
    seeds: Array.from({ length: values['claim-seeds'] }, (_, i) => i + 1),
    remedy: values['claim-remedy'],
    p: values['claim-p'],
    placement: values['claim-at'],
    shift: values['claim-shift'],
    epochs: values['claim-epochs'],
  };
}
