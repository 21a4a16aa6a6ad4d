/** Expected improvement, the acquisition function Bayesian optimisation maximises (for minimisation). */
import { normalCdf, normalPdf } from './normal';

/**
 * E[max(best − f, 0)] for f ~ N(mean, sd²): (best − μ) Φ(z) + σ φ(z), z = (best − μ)/σ; with σ = 0
 * it is max(best − μ, 0).
 */
export function expectedImprovement(mean: number, sd: number, best: number): number {
  const gain = best - mean;
  if (!(sd > 0)) return Math.max(gain, 0);
  const z = gain / sd;
  return gain * normalCdf(z) + sd * normalPdf(z);
}
