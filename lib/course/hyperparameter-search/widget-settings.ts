/**
 * The race widget's settings as its URL holds them. In lib/ (not beside the view) because the
 * lesson's experiment exercises re-run the widget's races from a student's settings, in the page
 * and in the teacher's grader.
 */
import { enumField, numberField } from '../../common';

/** Smallest and largest budget, in full trials. */
export const MIN_BUDGET = 4;
/** Largest budget, in full trials. */
export const MAX_BUDGET = 40;

/** URL fields of the race widget (names appear in shared links). */
export const searchRaceSchema = {
  objective: enumField(['real', 'toy'] as const, 'real'),
  budget: numberField({ default: 16, min: MIN_BUDGET, max: MAX_BUDGET, integer: true }),
  seed: numberField({ default: 1, min: 1, max: 9999, integer: true }),
};

/** The race widget's settings. */
export interface SearchRaceSettings {
  objective: 'real' | 'toy';
  budget: number;
  seed: number;
}
