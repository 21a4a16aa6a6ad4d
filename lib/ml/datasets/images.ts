/** Small synthetic images, generated from a seeded Rng, for training convolutional networks in a few seconds. */
import type { Rng } from '../../engine';
import type { Dataset } from './types';

/** The digits 0 … 9 in a 3 × 5 pixel font, row by row from the top ('#' is ink). */
export const DIGIT_GLYPHS: readonly (readonly string[])[] = [
  ['###', '#.#', '#.#', '#.#', '###'],
  ['.#.', '##.', '.#.', '.#.', '###'],
  ['###', '..#', '###', '#..', '###'],
  ['###', '..#', '###', '..#', '###'],
  ['#.#', '#.#', '###', '..#', '..#'],
  ['###', '#..', '###', '..#', '###'],
  ['###', '#..', '###', '#.#', '###'],
  ['###', '..#', '.#.', '.#.', '.#.'],
  ['###', '#.#', '###', '#.#', '###'],
  ['###', '#.#', '###', '..#', '###'],
];

/** Options of pixelDigits: N images of size × size pixels, Gaussian pixel noise of standard deviation `noise`. */
export interface DigitsOptions {
  n?: number;
  size?: number;
  noise?: number;
}

/**
 * Handwriting it is not: each image is one digit of DIGIT_GLYPHS at a random position in a
 * size × size square (8 × 8 by default, so 6 × 4 positions), its ink at a random brightness in
 * [0.5, 1], plus Gaussian noise on every pixel. Labels cycle 0 … 9 (balanced). Since the digit
 * moves, a classifier must recognise a shape wherever it is: what convolution and pooling are
 * for. x is (N, size · size), one single-channel image per row, row-major.
 */
export function pixelDigits(rng: Rng, { n = 1000, size = 8, noise = 0.2 }: DigitsOptions = {}): Dataset {
  const glyphHeight = DIGIT_GLYPHS[0]?.length ?? 0;
  const glyphWidth = DIGIT_GLYPHS[0]?.[0]?.length ?? 0;
  if (!Number.isInteger(size) || size < Math.max(glyphHeight, glyphWidth)) {
    throw new RangeError(`pixelDigits: expected a whole size of at least ${Math.max(glyphHeight, glyphWidth)} pixels, got ${size}`);
  }
  const pixels = size * size;
  const x = new Float32Array(n * pixels);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % DIGIT_GLYPHS.length;
    const glyph = DIGIT_GLYPHS[label] ?? [];
    const top = rng.int(size - glyphHeight + 1);
    const left = rng.int(size - glyphWidth + 1);
    const ink = rng.uniform(0.5, 1);
    const image = x.subarray(i * pixels, (i + 1) * pixels);
    glyph.forEach((row, r) => {
      for (let c = 0; c < row.length; c++) if (row[c] === '#') image[(top + r) * size + left + c] = ink;
    });
    for (let p = 0; p < pixels; p++) image[p] = (image[p] ?? 0) + rng.normal(0, noise);
    y[i] = label;
  }
  return { x, y, n, features: pixels, classes: DIGIT_GLYPHS.length };
}
