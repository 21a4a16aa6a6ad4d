/**
 * Softmax with a temperature, computed stably: subtracting the largest logit first means no
 * exponential ever exceeds 1, so logits of ±1000 give exact probabilities instead of NaN.
 * p_i = exp((z_i − max z) / T) / Σ_j exp((z_j − max z) / T).
 */
export function softmax(logits: readonly number[], temperature = 1): number[] {
  if (logits.length === 0) return [];
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`softmax: expected a positive, finite temperature, got ${temperature}`);
  }
  for (const z of logits) {
    if (!Number.isFinite(z)) throw new RangeError(`softmax: expected finite logits, got ${z}`);
  }
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp((z - max) / temperature));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/**
 * Softmax straight from the definition, exp(z_i / T) / Σ exp(z_j / T), without the shift. Shown in
 * the lesson next to the stable version: for large logits it divides Infinity by Infinity.
 */
export function naiveSoftmax(logits: readonly number[], temperature = 1): number[] {
  const exps = logits.map((z) => Math.exp(z / temperature));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** log Σ exp(z_i), computed stably as max z + log Σ exp(z_i − max z). */
export function logSumExp(logits: readonly number[]): number {
  if (logits.length === 0) return -Infinity;
  const max = Math.max(...logits);
  if (!Number.isFinite(max)) return max;
  return max + Math.log(logits.reduce((a, z) => a + Math.exp(z - max), 0));
}

/** Shannon entropy −Σ p log p of a probability vector, in nats (0 log 0 counts as 0). */
export function entropy(probabilities: readonly number[]): number {
  // 0 − sum rather than −sum: a one-hot vector has entropy +0, not −0 (which would print as "-0").
  return 0 - probabilities.reduce((a, p) => (p > 0 ? a + p * Math.log(p) : a), 0);
}
