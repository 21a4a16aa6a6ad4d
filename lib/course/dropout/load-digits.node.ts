/** Reads the lesson's digits file from public/data in Node (tests and the bench). */
import { readFileSync } from 'node:fs';
import { decodeDigits, DIGITS_PATH, type DigitSet } from './digits';

/** Where the file sits, relative to this one. */
export const DIGITS_FILE = new URL(`../../../public/${DIGITS_PATH}`, import.meta.url);

/** The decoded file. */
export function loadDigits(): DigitSet {
  return decodeDigits(new Uint8Array(readFileSync(DIGITS_FILE)));
}
