import { describe, expect, it } from 'vitest';
import { clipGradNorm, clipGradValue, float32Norm, gradNorm } from './clip';
import { param } from '../testing/param';
import { tensor } from '../create';
import type { Tensor } from '../tensor';

/** float32 parameters (the engine's default dtype) with the given gradients. */
const params32 = (...grads: number[][]): Tensor[] =>
  grads.map((g) => {
    const p = tensor(g.map(() => 0), { requiresGrad: true });
    p.grad = tensor(g);
    return p;
  });
const gradsOf = (ps: Tensor[]): number[][] => ps.map((p) => Array.from(p.grad?.data ?? []));

describe('gradient clipping', () => {
  it("clipGradNorm() scales by max_norm / (total_norm + 1e-6) and returns the norm before clipping (PyTorch's formula)", () => {
    const a = param([0, 0], [3, 0]);
    const b = param([0], [4]);
    expect(clipGradNorm([a, b], 1)).toBe(5);
    const k = 1 / (5 + 1e-6);
    expect(a.grad!.data[0]).toBeCloseTo(3 * k, 7);
    expect(b.grad!.data[0]).toBeCloseTo(4 * k, 7);
    expect(gradNorm([a, b])).toBeCloseTo(1, 5);
  });

  // Every expected value below is what PyTorch 1.13 printed for the same float32 gradients:
  // torch.nn.utils.clip_grad_norm_(ps, max_norm), then [p.grad.tolist() for p in ps].
  it('clipGradNorm() gives PyTorch 1.13’s float32 results on finite gradients', () => {
    const a = params32([3, 0], [4]);
    expect(clipGradNorm(a, 1)).toBe(5);
    expect(gradsOf(a)).toEqual([[0.5999999046325684, 0], [0.7999998331069946]]);
    const b = params32([0.1, -0.2, 0.3], [1.5, 2.5]);
    expect(clipGradNorm(b, 0.5)).toBe(2.939387559890747);
    expect(gradsOf(b)).toEqual([[0.017010340467095375, -0.03402068093419075, 0.051031023263931274], [0.255155086517334, 0.4252585172653198]]);
  });

  it('clipGradNorm() with an infinite norm multiplies by 0, so infinite entries become NaN (0 · ∞), as PyTorch 1.13 does', () => {
    const ps = params32([Infinity, 1], [2]);
    expect(clipGradNorm(ps, 1)).toBe(Infinity);
    expect(gradsOf(ps)).toEqual([[NaN, 0], [0]]);
  });

  it('clipGradNorm() with a NaN norm turns every gradient into NaN, as PyTorch 1.13 does', () => {
    const ps = params32([NaN, 1], [2]);
    expect(clipGradNorm(ps, 1)).toBeNaN();
    expect(gradsOf(ps)).toEqual([[NaN, NaN], [NaN]]);
  });

  it('clipGradNorm() computes the norm in float32 like PyTorch 1.13: past a sum of squares of 3.4 × 10³⁸ it is Infinity and zeroes finite gradients', () => {
    const fits = params32([1e19, 1e19], [1]);
    expect(clipGradNorm(fits, 1)).toBe(1.4142135160245584e19);
    expect(gradsOf(fits)).toEqual([[0.7071068286895752, 0.7071068286895752], [7.071068163408888e-20]]);
    const overflows = params32([1.5e19, 1.5e19, 1.5e19], [1]);
    expect(clipGradNorm(overflows, 1)).toBe(Infinity);
    expect(gradsOf(overflows)).toEqual([[0, 0, 0], [0]]);
    // Squares below float32's smallest number flush to 0: the norm of (1e-23, 1e-23) is 0 there.
    expect(float32Norm(Float32Array.of(1e-23, 1e-23))).toBe(0);
    expect(float32Norm(Float32Array.of(1.9e19))).toBe(Infinity);
    expect(float32Norm(Float32Array.of(1.8e19))).toBe(1.8000000404716257e19);
  });

  it('clipGradNorm() with errorIfNonfinite throws on Infinity or NaN and leaves the gradients alone', () => {
    const ps = params32([Infinity, 1], [2]);
    expect(() => clipGradNorm(ps, 1, { errorIfNonfinite: true })).toThrow(
      'clipGradNorm: the total norm of order 2 for gradients from `parameters` is non-finite (Infinity), so it cannot be clipped.',
    );
    expect(gradsOf(ps)).toEqual([[Infinity, 1], [2]]);
    expect(() => clipGradNorm(params32([NaN]), 1, { errorIfNonfinite: true })).toThrow('non-finite (NaN)');
    expect(clipGradNorm(params32([3, 4]), 1, { errorIfNonfinite: true })).toBe(5);
  });

  it('clipGradNorm() keeps float64 gradients in float64, as PyTorch 1.13 printed for the same gradients', () => {
    const a = tensor([0, 0, 0], { dtype: 'float64', requiresGrad: true });
    a.grad = tensor([0.1, 0.2, 0.3], { dtype: 'float64' });
    const b = tensor([0], { dtype: 'float64', requiresGrad: true });
    b.grad = tensor([1 / 3], { dtype: 'float64' });
    expect(clipGradNorm([a, b], 0.25)).toBe(0.501109879279097);
    expect(gradsOf([a, b])).toEqual([[0.04988915833550699, 0.09977831667101399, 0.14966747500652097], [0.16629719445168994]]);
  });

  it('clipGradNorm() without gradients returns 0', () => {
    expect(clipGradNorm([tensor([1, 2])], 1)).toBe(0);
  });

  it('clipGradNorm() leaves gradients under the limit alone', () => {
    const a = param([0], [0.5]);
    expect(clipGradNorm([a], 1)).toBe(0.5);
    expect(a.grad!.item()).toBe(0.5);
  });

  it('clipGradValue() clamps every element and returns the norm before clipping', () => {
    const a = param([0, 0, 0], [3, -4, 0.5]);
    expect(clipGradValue([a, tensor([1])], 1)).toBeCloseTo(Math.sqrt(25.25), 12);
    expect(a.grad!.toArray()).toEqual([1, -1, 0.5]);
  });
});
