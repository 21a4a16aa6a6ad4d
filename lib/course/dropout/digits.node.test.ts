import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDigits, DIGIT_CLASSES, maxTrainSize, splitDigits } from './digits';
import { DIGITS_FILE, loadDigits } from './load-digits.node';

const digits = loadDigits();
const counts = (y: Float32Array): number[] => Array.from({ length: DIGIT_CLASSES }, (_, c) => y.filter((v) => v === c).length);
const rowKey = (x: Float32Array, i: number, f: number): string => Array.from(x.subarray(i * f, (i + 1) * f)).join(',');

describe('the digits file', () => {
  it('holds 3,000 digits of 14×14, 300 of each class, in under 300 KB', () => {
    expect(digits.n).toBe(3000);
    expect(digits.side).toBe(14);
    expect(counts(Float32Array.from(digits.labels))).toEqual(Array(10).fill(300));
    expect(statSync(DIGITS_FILE).size).toBe(297_008);
  });

  it('has pixels on 0 … 1 in 16 levels, mostly background, every digit with ink', () => {
    const levels = new Set(digits.pixels);
    expect(Math.min(...levels)).toBe(0);
    expect(Math.max(...levels)).toBe(1);
    expect(levels.size).toBeLessThanOrEqual(16);
    const ink = digits.pixels.filter((v) => v > 0).length / digits.pixels.length;
    expect(ink).toBeGreaterThan(0.1);
    expect(ink).toBeLessThan(0.5);
    for (let i = 0; i < digits.n; i++) expect(digits.pixels.subarray(i * 196, (i + 1) * 196).some((v) => v > 0.5)).toBe(true);
  });

  it('has its source and licence beside it (MNIST, CC BY-SA 3.0; the mnist package, MIT)', () => {
    const licence = new URL('mnist-digits-14.LICENSE.md', DIGITS_FILE);
    expect(existsSync(licence)).toBe(true);
    const text = readFileSync(licence, 'utf8');
    expect(text).toContain('Creative Commons Attribution-Share Alike 3.0');
    expect(text).toContain('MIT licence');
    expect(text).toContain('scripts/make-digits.mjs');
  });

  it('refuses bytes that are not the file, saying what it expected', () => {
    expect(() => decodeDigits(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow("decodeDigits: expected a file starting with 'NND1', got 8 bytes starting 1 2 3 4");
    const file = new Uint8Array(readFileSync(DIGITS_FILE));
    expect(() => decodeDigits(file.subarray(0, 1000))).toThrow('decodeDigits: expected 297008 bytes of 4-bit pixels for 3000 digits of 14×14, got 1000 bytes of 4-bit pixels');
  });
});

describe('splitDigits', () => {
  it('gives 500 validation and 500 test digits, 50 of each class, and the training size asked for, balanced', () => {
    const { train, validation, test } = splitDigits(digits, 2000, 1);
    expect([train.n, validation.n, test.n]).toEqual([2000, 500, 500]);
    expect(counts(validation.y)).toEqual(Array(10).fill(50));
    expect(counts(test.y)).toEqual(Array(10).fill(50));
    expect(counts(train.y)).toEqual(Array(10).fill(200));
    const small = counts(splitDigits(digits, 105, 1).train.y);
    expect(Math.max(...small) - Math.min(...small)).toBeLessThanOrEqual(1);
    expect(maxTrainSize(digits)).toBe(2000);
  });

  it('keeps the three sets disjoint (no image in two of them)', () => {
    const { train, validation, test } = splitDigits(digits, 2000, 7);
    const keys = (d: { x: Float32Array; n: number; features: number }): string[] => Array.from({ length: d.n }, (_, i) => rowKey(d.x, i, d.features));
    const all = [...keys(train), ...keys(validation), ...keys(test)];
    // MNIST has a few identical images at 14×14 and 16 levels: compare indices through the rows' identity.
    const duplicatesInFile = digits.n - new Set(keys({ x: digits.pixels, n: digits.n, features: 196 })).size;
    expect(all.length - new Set(all).size).toBe(duplicatesInFile);
  });

  it('is seeded: the same seed gives the same split, another seed another; a smaller training set is the start of a larger one', () => {
    const a = splitDigits(digits, 300, 3);
    expect(splitDigits(digits, 300, 3).train.x).toEqual(a.train.x);
    expect(splitDigits(digits, 300, 4).train.x).not.toEqual(a.train.x);
    const big = splitDigits(digits, 1000, 3);
    expect(big.train.x.subarray(0, a.train.x.length)).toEqual(a.train.x);
    expect(big.validation.x).toEqual(a.validation.x);
  });

  it('refuses a training size it cannot give', () => {
    expect(() => splitDigits(digits, 2001, 1)).toThrow('splitDigits: expected a training-set size from 1 to 2000, got 2001');
    expect(() => splitDigits(digits, 0, 1)).toThrow('splitDigits: expected a training-set size from 1 to 2000, got 0');
  });
});
