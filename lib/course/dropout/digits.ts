/**
 * The lesson's handwritten digits (public/data/mnist-digits-14.bin, written by
 * scripts/make-digits.mjs from MNIST): decoding the file and splitting it, balanced by class and
 * seeded, into training, validation and test sets.
 */
import { Rng } from '../../engine';
import type { Dataset } from '../../ml/datasets';

/** Where the site serves the digits file, relative to its base path (the file is public/data/mnist-digits-14.bin). */
export const DIGITS_PATH = 'data/mnist-digits-14.bin';

/** The file's magic number, 'NND1'. */
const MAGIC = [0x4e, 0x4e, 0x44, 0x31];
const HEADER_BYTES = 8;
/** Digits of each class held out for validation and for testing. */
export const HELD_OUT_PER_CLASS = 50;
/** The classes, 0 … 9. */
export const DIGIT_CLASSES = 10;

/** Every digit of the file: labels and pixels on 0 … 1, row by row. */
export interface DigitSet {
  readonly n: number;
  /** Side of the square image in pixels. */
  readonly side: number;
  readonly labels: Uint8Array;
  /** n × side × side grey levels on 0 … 1 (0 is the background). */
  readonly pixels: Float32Array;
}

/** Decodes the file's bytes; throws, saying what it expected, on anything else. */
export function decodeDigits(bytes: Uint8Array): DigitSet {
  if (bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new RangeError(`decodeDigits: expected a file starting with 'NND1', got ${bytes.length} bytes starting ${Array.from(bytes.subarray(0, 4), (b) => b.toString(16)).join(' ')}`);
  }
  const n = (bytes[4] ?? 0) | ((bytes[5] ?? 0) << 8);
  const side = bytes[6] ?? 0;
  const bits = bytes[7];
  const size = HEADER_BYTES + n + (n * side * side) / 2;
  if (bits !== 4 || bytes.length !== size) {
    throw new RangeError(`decodeDigits: expected ${size} bytes of 4-bit pixels for ${n} digits of ${side}×${side}, got ${bytes.length} bytes of ${String(bits)}-bit pixels`);
  }
  const labels = bytes.slice(HEADER_BYTES, HEADER_BYTES + n);
  const pixels = new Float32Array(n * side * side);
  for (let p = 0; p < pixels.length; p++) {
    const byte = bytes[HEADER_BYTES + n + (p >> 1)] ?? 0;
    pixels[p] = (p % 2 === 0 ? byte >> 4 : byte & 15) / 15;
  }
  return { n, side, labels, pixels };
}

/** Training, validation and test sets; each a Dataset of n × side² features and class labels. */
export interface DigitSplits {
  readonly train: Dataset;
  readonly validation: Dataset;
  readonly test: Dataset;
}

function subset(set: DigitSet, rows: readonly number[]): Dataset {
  const features = set.side * set.side;
  const x = new Float32Array(rows.length * features);
  const y = new Float32Array(rows.length);
  rows.forEach((r, i) => {
    x.set(set.pixels.subarray(r * features, (r + 1) * features), i * features);
    y[i] = set.labels[r] ?? NaN;
  });
  return { x, y, n: rows.length, features, classes: DIGIT_CLASSES };
}

/** The most training digits splitDigits can give: what is left of the file after the held-out sets. */
export function maxTrainSize(set: DigitSet): number {
  return set.n - 2 * HELD_OUT_PER_CLASS * DIGIT_CLASSES;
}

/** The rows of the file (indices into it) that splitDigits puts in each set. */
export interface DigitSplitRows {
  readonly train: readonly number[];
  readonly validation: readonly number[];
  readonly test: readonly number[];
}

/**
 * Which digits of the file go where (see splitDigits): a seeded shuffle of each class, 50 of each
 * for validation, 50 for testing, and `trainSize` training digits taken from the rest in turn by class.
 */
export function splitDigitRows(set: DigitSet, trainSize: number, seed: number): DigitSplitRows {
  const max = maxTrainSize(set);
  if (!Number.isInteger(trainSize) || trainSize < 1 || trainSize > max) {
    throw new RangeError(`splitDigits: expected a training-set size from 1 to ${max}, got ${trainSize}`);
  }
  const rng = new Rng(seed ^ 0xd161_75);
  const byClass: number[][] = Array.from({ length: DIGIT_CLASSES }, () => []);
  for (let i = 0; i < set.n; i++) byClass[set.labels[i] ?? 0]?.push(i);
  const shuffled = byClass.map((rows) => rng.shuffle(rows));
  const validation = shuffled.flatMap((rows) => rows.slice(0, HELD_OUT_PER_CLASS));
  const test = shuffled.flatMap((rows) => rows.slice(HELD_OUT_PER_CLASS, 2 * HELD_OUT_PER_CLASS));
  const pools = shuffled.map((rows) => rows.slice(2 * HELD_OUT_PER_CLASS));
  const train: number[] = [];
  for (let k = 0; train.length < trainSize; k++) {
    for (const pool of pools) {
      const row = pool[k];
      if (row !== undefined && train.length < trainSize) train.push(row);
    }
  }
  return { train, validation, test };
}

/**
 * Splits the digits with a seeded shuffle of each class: 50 of each class for validation, 50 for
 * testing, and `trainSize` training digits taken from the rest in turn by class (balanced to within
 * one). A smaller training set is the start of a larger one of the same seed; the held-out sets do
 * not depend on trainSize.
 */
export function splitDigits(set: DigitSet, trainSize: number, seed: number): DigitSplits {
  const rows = splitDigitRows(set, trainSize, seed);
  return { train: subset(set, rows.train), validation: subset(set, rows.validation), test: subset(set, rows.test) };
}
