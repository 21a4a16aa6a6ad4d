/** The engine's float32 matmul on its WebAssembly kernels, for bench/simd-limits.mjs. */
import { randn, Rng, setKernelBackend } from '../lib/engine/index';

/** One n x n x n product per call of the returned function, through the engine's 'auto' kernels. */
export function engineMatmul(n: number): () => void {
  setKernelBackend('auto');
  const rng = new Rng(1);
  const a = randn([n, n], rng);
  const b = randn([n, n], rng);
  return () => void a.matmul(b);
}
