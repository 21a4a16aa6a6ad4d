/** Seeded draws for generated cases: shapes that broadcast, values from a domain, small integers. */
import type { Rng } from '../../lib/engine/random';

/**
 * Where an input's values come from: `any` N(0, 1.5²); `positive` U(0.2, 3); `nonzero` ±U(0.3, 3);
 * `ties` whole numbers from −2 to 2 (equal values and zeros, where gradients are split or cut);
 * `wide` U(−15, 15) with some ±30 and ±50 (saturation; PyTorch's softplus switches to x above 20,
 * which differs from log(1 + e^x) by up to 2e−9 between 20 and 27, so that range is left out);
 * `unit` U(0, 1); `binary` 0 or 1.
 */
export type Domain = 'any' | 'positive' | 'nonzero' | 'ties' | 'wide' | 'unit' | 'binary';

/** An input drawn for a case: its shape, values and whether it requires grad. */
export interface Drawn {
  readonly shape: readonly number[];
  readonly data: readonly number[];
  readonly grad: boolean;
}

/** An integer in [lo, hi]. */
export const int = (rng: Rng, lo: number, hi: number): number => lo + rng.int(hi - lo + 1);

/** One of `items`. */
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)]!;

/** true with probability p. */
export const chance = (rng: Rng, p: number): boolean => rng.random() < p;

/** Product of a shape's sizes. */
export const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

function value(rng: Rng, domain: Domain): number {
  switch (domain) {
    case 'any':
      return rng.normal(0, 1.5);
    case 'positive':
      return rng.uniform(0.2, 3);
    case 'nonzero':
      return (chance(rng, 0.5) ? -1 : 1) * rng.uniform(0.3, 3);
    case 'ties':
      return int(rng, -2, 2);
    case 'wide':
      return chance(rng, 0.15) ? pick(rng, [-50, -30, 30, 50]) : rng.uniform(-15, 15);
    case 'unit':
      return rng.random();
    case 'binary':
      return int(rng, 0, 1);
  }
}

/** An input of `shape` with values from `domain`. */
export function input(rng: Rng, shape: readonly number[], domain: Domain = 'any', grad = true): Drawn {
  return { shape: [...shape], data: Array.from({ length: numel(shape) }, () => value(rng, domain)), grad };
}

/** A shape of rank minRank..maxRank with sizes 1..maxSize. */
export function shapeOf(rng: Rng, minRank = 0, maxRank = 4, maxSize = 4): number[] {
  return Array.from({ length: int(rng, minRank, maxRank) }, () => int(rng, 1, maxSize));
}

/**
 * `count` shapes that broadcast together: one full shape, each operand keeping a size or 1 in
 * every dimension and some dropping leading dimensions (rank 0 included).
 */
export function broadcastable(rng: Rng, count: number, maxRank = 4): number[][] {
  const full = shapeOf(rng, 0, maxRank);
  return Array.from({ length: count }, () => {
    const kept = full.map((n) => (chance(rng, 0.3) ? 1 : n));
    return kept.slice(chance(rng, 0.3) ? int(rng, 0, kept.length) : 0);
  });
}

/** A dimension index for rank r, negative half of the time. */
export function dimFor(rng: Rng, rank: number): number {
  const d = rng.int(Math.max(rank, 1));
  return chance(rng, 0.5) ? d - Math.max(rank, 1) : d;
}

/** A random permutation of 0..n-1. */
export function permutation(rng: Rng, n: number): number[] {
  return rng.shuffle(Array.from({ length: n }, (_, i) => i));
}
