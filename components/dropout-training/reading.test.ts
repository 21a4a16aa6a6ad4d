import { describe, expect, it } from 'vitest';
import { describeReading } from './reading';

describe('describeReading()', () => {
  it('names the predicted class and the next two by probability, ties in class order', () => {
    const probabilities = [0.01, 0.04, 0.01, 0, 0, 0, 0, 0.93, 0, 0.01];
    expect(describeReading({ logits: new Float32Array(10), probabilities, predicted: 7 })).toBe('it reads 7 (probability 0.93); next come 1 (0.04) and 0 (0.01)');
  });
});
