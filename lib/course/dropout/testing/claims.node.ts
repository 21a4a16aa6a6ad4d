// What the dropout lesson's claim and experiment tests share: each suite is split in two files, so
// that two Vitest workers train their runs at the same time.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Figure } from '../../../common/lesson-figures';
import { type ExperimentSpec, type SiteFiles } from '../../exercises';
import { exercises } from '../exercises';
import { DIGITS_FILE, loadDigits } from '../load-digits.node';

/** The overfitting-and-dropout lesson's MDX source. */
export const lesson = readFileSync(new URL('../../../../lessons/overfitting-and-dropout.mdx', import.meta.url), 'utf8');

/** The lesson's digits, as the runs use them. */
export const digits = loadDigits();

/** Expects `value` written as the lesson writes `figure` (to its number of decimals); percentages are given as shares. */
export const same = (figure: Figure | undefined, value: number): void => {
  if (figure === undefined) throw new Error(`expected a figure for ${value}, got none`);
  const [mantissa = ''] = figure.canonical.split('e');
  const decimals = mantissa.split('.')[1]?.length ?? 0;
  expect(value.toFixed(decimals), `${figure.canonical} against ${value}`).toBe(Number(figure.canonical).toFixed(decimals));
};

/** The site's files as the page's worker reads them: only the digits. */
export const files: SiteFiles = { read: async (path) => (path === 'data/mnist-digits-14.bin' ? new Uint8Array(readFileSync(DIGITS_FILE)) : Promise.reject(new Error(`no file ${path}`))) };

/** The lesson's experiment exercise `id`. */
export function experiment(id: string): ExperimentSpec {
  const found = exercises.find((e) => e.id === id);
  if (found?.kind !== 'experiment') throw new Error(`expected the experiment ${id}, got ${found?.kind ?? 'none'}`);
  return found;
}
