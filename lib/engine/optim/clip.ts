/** Gradient clipping, as torch.nn.utils.clip_grad_norm_ and clip_grad_value_. */
import type { Tensor } from '../tensor';

function gradients(params: Iterable<Tensor>): Tensor[] {
  const out: Tensor[] = [];
  for (const p of params) if (p.grad !== null) out.push(p.grad);
  return out;
}

/** The global L2 norm of all gradients: sqrt of the sum of every squared element. */
export function gradNorm(params: Iterable<Tensor>): number {
  let sum = 0;
  for (const p of params) {
    if (p.grad === null) continue;
    const g = p.grad.data;
    for (let i = 0; i < g.length; i++) sum += g[i]! * g[i]!;
  }
  return Math.sqrt(sum);
}

/**
 * Scales all gradients by min(1, maxNorm / (totalNorm + 1e-6)), totalNorm being their global L2
 * norm (PyTorch's formula). Returns totalNorm before clipping. Mutates `.grad`.
 */
export function clipGradNorm(params: Iterable<Tensor>, maxNorm: number): number {
  const list = [...params];
  const total = gradNorm(list);
  const coefficient = Math.min(1, maxNorm / (total + 1e-6));
  if (coefficient < 1) for (const g of gradients(list)) for (let i = 0; i < g.data.length; i++) g.data[i] = g.data[i]! * coefficient;
  return total;
}

/** Clamps every gradient element to [-clipValue, clipValue]. Returns the global L2 norm before clipping. Mutates `.grad`. */
export function clipGradValue(params: Iterable<Tensor>, clipValue: number): number {
  const list = [...params];
  const total = gradNorm(list);
  for (const g of gradients(list)) for (let i = 0; i < g.data.length; i++) g.data[i] = Math.min(clipValue, Math.max(-clipValue, g.data[i]!));
  return total;
}
