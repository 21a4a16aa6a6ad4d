import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAffine, composeAffine, matMul, randomIntegerAffine } from './affine';
import { Rng } from '../../engine/random';

describe('affine maps', () => {
  it('matMul() multiplies a hand-checked 2x3 by 3x2 example', () => {
    expect(matMul([[1, 2, 3], [4, 5, 6]], [[7, 8], [9, 10], [11, 12]])).toEqual([[58, 64], [139, 154]]);
  });

  it('matMul() names both shapes when they do not fit', () => {
    expect(() => matMul([[1, 2]], [[1, 2]])).toThrow('(1x2 and 1x2)');
  });

  it('composeAffine() equals applying both layers, for any seed and input', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 2, maxLength: 2 }),
        (seed, x) => {
          const rng = new Rng(seed);
          const first = randomIntegerAffine(rng, 3, 2);
          const second = randomIntegerAffine(rng, 2, 3);
          const direct = applyAffine(second, applyAffine(first, x));
          expect(applyAffine(composeAffine(first, second), x)).toEqual(direct);
        },
      ),
    );
  });

  it('randomIntegerAffine() draws integers in range and repeats for a seed', () => {
    const a = randomIntegerAffine(new Rng(5), 3, 2, 3);
    const b = randomIntegerAffine(new Rng(5), 3, 2, 3);
    expect(a).toEqual(b);
    for (const v of [...a.W.flat(), ...a.b]) {
      expect(Number.isInteger(v)).toBe(true);
      expect(Math.abs(v)).toBeLessThanOrEqual(3);
    }
  });
});
