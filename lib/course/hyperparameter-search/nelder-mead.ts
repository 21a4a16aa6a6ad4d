/**
 * Nelder–Mead, the derivative-free simplex minimiser (reflection 1, expansion 2, contraction ½,
 * shrink ½), used to fit the Gaussian process's hyperparameters and to polish a proposal.
 */

/** The best point found and its value. */
export interface Minimum {
  x: number[];
  value: number;
}

/** Minimises f from `start`, with a first simplex of steps `step` along each axis, for `iterations` iterations. */
export function nelderMead(f: (x: number[]) => number, start: readonly number[], step: number, iterations: number): Minimum {
  const d = start.length;
  const score = (x: number[]): number => {
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  let simplex: Minimum[] = [{ x: [...start], value: score([...start]) }];
  for (let i = 0; i < d; i++) {
    const x = [...start];
    x[i]! += step;
    simplex.push({ x, value: score(x) });
  }
  const along = (from: number[], to: number[], t: number): number[] => from.map((a, i) => a + t * (to[i]! - a));
  for (let it = 0; it < iterations; it++) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[d]!;
    const centroid = Array.from({ length: d }, (_, i) => simplex.slice(0, d).reduce((s, p) => s + p.x[i]!, 0) / d);
    const reflected = along(centroid, worst.x, -1);
    const r = score(reflected);
    if (r < best.value) {
      const expanded = along(centroid, worst.x, -2);
      const e = score(expanded);
      simplex[d] = e < r ? { x: expanded, value: e } : { x: reflected, value: r };
    } else if (r < simplex[d - 1]!.value) {
      simplex[d] = { x: reflected, value: r };
    } else {
      const contracted = along(centroid, worst.x, 0.5);
      const c = score(contracted);
      if (c < worst.value) simplex[d] = { x: contracted, value: c };
      else simplex = simplex.map((p, i) => (i === 0 ? p : { x: along(best.x, p.x, 0.5), value: score(along(best.x, p.x, 0.5)) }));
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return simplex[0]!;
}
