import { describe, expect, it } from 'vitest';
import { confusionMatrix, misclassifiedDigits } from './confusion';

describe('confusionMatrix()', () => {
  it('counts each (true, predicted) pair in its row and column', () => {
    // true 0 0 1 2 2 2, predicted 0 1 1 2 0 2: (0,0) (0,1) (1,1) (2,2)×2 (2,0)
    expect(confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3)).toEqual([1, 1, 0, 0, 1, 0, 1, 0, 2]);
  });

  it('refuses mismatched lengths and classes out of range, saying what it got', () => {
    expect(() => confusionMatrix([0, 1], [0], 3)).toThrow('confusionMatrix: expected as many predictions as labels (2), got 1');
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow('confusionMatrix: expected classes 0 … 2, got label 3 and prediction 0 at 1');
  });
});

describe('misclassifiedDigits()', () => {
  const data = { x: Float32Array.from([0, 0.1, 1, 0.2, 2, 0.3, 3, 0.4]), y: Float32Array.from([0, 1, 2, 3]), n: 4, features: 2, classes: 4 };

  it('returns the first `max` wrong ones in order with their pixels, and the total', () => {
    const { digits, total } = misclassifiedDigits(data, [0, 2, 1, 0], 2);
    expect(total).toBe(3);
    expect(digits.map((d) => [d.index, d.label, d.predicted])).toEqual([[1, 1, 2], [2, 2, 1]]);
    expect(Array.from(digits[1]?.pixels ?? [])).toEqual([2, Math.fround(0.3)]);
  });

  it('finds none when every prediction is right', () => {
    expect(misclassifiedDigits(data, [0, 1, 2, 3], 10)).toEqual({ digits: [], total: 0 });
  });
});
