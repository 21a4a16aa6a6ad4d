import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../random';
import { Tensor } from '../../tensor';
import { randn } from '../../create';
import { conv2d, maxPool2d } from '../../ops/convolution';
import { linear, matmul } from '../../ops/linalg';
import { relu } from '../../ops/activations';
import { crossEntropy } from '../../ops/losses';
import { numel, type Shape } from '../../shape';
import { DEFAULT_KERNEL_BACKEND, kernelBackend, setKernelBackend, traffic, wasmKernels, wasmMemoryBytes, type KernelBackend } from './instance';
import { WASM_GEMM_MIN } from '../matmul';

// The WebAssembly kernels against the plain-JavaScript ones (the reference) on random shapes:
// values and every gradient agree to float32 accuracy. Seeded, so every run checks the same cases.

const SEED = 20240617;
const RUNS = 40;

afterEach(() => void setKernelBackend(DEFAULT_KERNEL_BACKEND));

/** float32 inputs drawn from N(0, 1), requiring grad. */
function inputs(shapes: readonly Shape[], seed: number): Tensor[] {
  const rng = new Rng(seed);
  return shapes.map((shape) => {
    const t = randn(shape, rng);
    t.requiresGrad = true;
    return t;
  });
}

/** f's output and the gradients of a fixed weighted sum of it, with the kernels forced to `mode`. */
function run(mode: KernelBackend, f: (...xs: Tensor[]) => Tensor, shapes: readonly Shape[], seed: number): Float32Array[] {
  setKernelBackend(mode);
  const xs = inputs(shapes, seed);
  const y = f(...xs);
  const weights = randn(y.shape, new Rng(seed + 1));
  y.mul(weights).sum().backward();
  return [y, ...xs.map((x) => x.grad!)].map((t) => t.data as Float32Array);
}

/**
 * Largest difference between the two paths relative to the result's size: float32 sums of K terms
 * in different orders differ by a few K ulps of the largest term, so 1e-5 of max(1, max |value|).
 */
function agree(f: (...xs: Tensor[]) => Tensor, shapes: readonly Shape[], seed: number): void {
  const js = run('js', f, shapes, seed);
  const calls = traffic.calls;
  const wasm = run('wasm', f, shapes, seed);
  expect(traffic.calls, 'calls into WebAssembly').toBeGreaterThan(calls);
  js.forEach((want, i) => {
    const got = wasm[i]!;
    expect(got.length).toBe(want.length);
    let scale = 1;
    let worst = 0;
    for (let j = 0; j < want.length; j++) {
      scale = Math.max(scale, Math.abs(want[j]!));
      worst = Math.max(worst, Math.abs(got[j]! - want[j]!));
    }
    expect(worst / scale, `output ${i} (0: value, then each input's gradient)`).toBeLessThan(1e-5);
  });
}

const size = (max: number) => fc.integer({ min: 1, max });

describe('the WebAssembly kernels agree with the JavaScript kernels', () => {
  it('matmul(): values and gradients, batched and broadcast', () => {
    const arb = fc.record({ M: size(40), K: size(40), N: size(40), batchA: fc.array(size(3), { maxLength: 2 }), bBatched: fc.boolean(), seed: fc.nat() });
    fc.assert(
      fc.property(arb, ({ M, K, N, batchA, bBatched, seed }) => {
        // b is either a plain matrix or batched like a with a broadcast leading dimension.
        const batchB = bBatched ? batchA.map((d, i) => (i === 0 ? 1 : d)) : [];
        agree((a, b) => matmul(a!, b!), [[...batchA, M, K], [...batchB, K, N]], seed);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('linear(): values and gradients, with and without bias', () => {
    const arb = fc.record({ rows: fc.array(size(12), { minLength: 1, maxLength: 2 }), inF: size(50), outF: size(50), bias: fc.boolean(), seed: fc.nat() });
    fc.assert(
      fc.property(arb, ({ rows, inF, outF, bias, seed }) => {
        const shapes: Shape[] = [[...rows, inF], [outF, inF], ...(bias ? [[outF]] : [])];
        agree((x, w, b) => linear(x!, w!, b ?? null), shapes, seed);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('conv2d(): values and gradients with stride, padding, dilation and groups', () => {
    const arb = fc.record({
      N: size(3), groups: size(3), cPerGroup: size(3), fPerGroup: size(4), H: size(12), W: size(12),
      KH: size(4), KW: size(4), stride: size(3), padding: fc.nat(2), dilation: size(2), bias: fc.boolean(), seed: fc.nat(),
    });
    fc.assert(
      fc.property(arb, ({ N, groups, cPerGroup, fPerGroup, H, W, KH, KW, stride, padding, dilation, bias, seed }) => {
        // Only geometries with at least one window (others are refused by conv2d itself).
        fc.pre(H + 2 * padding >= dilation * (KH - 1) + 1 && W + 2 * padding >= dilation * (KW - 1) + 1);
        const F = groups * fPerGroup;
        const shapes: Shape[] = [[N, groups * cPerGroup, H, W], [F, cPerGroup, KH, KW], ...(bias ? [[F]] : [])];
        agree((x, w, b) => conv2d(x!, w!, b ?? null, { stride, padding, dilation, groups }), shapes, seed);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('conv2d(): values and gradients of the direct kernels (stride 1, one group, at most 27 taps) and of gemm just past them', () => {
    // Widths to 21 reach the 8- and 4-wide loops and the scalar tail of each output row.
    const arb = fc.record({
      N: size(2), C: size(3), F: size(5), H: size(21), W: size(21), KH: size(5), KW: size(5), padding: fc.nat(2), bias: fc.boolean(), seed: fc.nat(),
    });
    fc.assert(
      fc.property(arb, ({ N, C, F, H, W, KH, KW, padding, bias, seed }) => {
        fc.pre(H + 2 * padding >= KH && W + 2 * padding >= KW && C * KH * KW <= 30);
        const shapes: Shape[] = [[N, C, H, W], [F, C, KH, KW], ...(bias ? [[F]] : [])];
        agree((x, w, b) => conv2d(x!, w!, b ?? null, { padding }), shapes, seed);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("conv2d(): padding 'same' with an even kernel", () => {
    agree((x, w) => conv2d(x!, w!, null, { padding: 'same' }), [[2, 3, 9, 7], [5, 3, 4, 2]], 3);
  });
});

describe('the WebAssembly kernels keep what the engine promises', () => {
  it('matmul() gives bitwise equal rows for equal rows of a, and equal columns for equal columns of b', () => {
    setKernelBackend('wasm');
    const [M, K, N] = [13, 21, 19]; // edge tiles in both directions
    const a = randn([M, K], new Rng(1));
    const b = randn([K, N], new Rng(2));
    a.data.copyWithin((M - 1) * K, 0, K); // last row = first row
    for (let k = 0; k < K; k++) b.data[k * N + N - 1] = b.data[k * N]!; // last column = first column
    const c = matmul(a, b).data;
    for (let j = 0; j < N; j++) expect(c[(M - 1) * N + j]).toBe(c[j]);
    for (let i = 0; i < M; i++) expect(c[i * N + N - 1]).toBe(c[i * N]);
  });

  it('float64 stays on the JavaScript kernels, even forced', () => {
    setKernelBackend('wasm');
    const before = traffic.calls;
    const a = randn([64, 64], new Rng(1)).to('float64');
    expect(matmul(a, a).dtype).toBe('float64');
    expect(traffic.calls).toBe(before);
  });

  it("'auto' sends a float32 product to WebAssembly from WASM_GEMM_MIN multiply-adds up, smaller ones to JavaScript", () => {
    setKernelBackend('auto');
    expect(wasmKernels('float32', WASM_GEMM_MIN, WASM_GEMM_MIN)).not.toBeNull();
    expect(wasmKernels('float32', WASM_GEMM_MIN - 1, WASM_GEMM_MIN)).toBeNull();
    expect(wasmKernels('float64', 10 * WASM_GEMM_MIN, WASM_GEMM_MIN)).toBeNull();
    const before = traffic.calls;
    matmul(randn([4, 4], new Rng(1)), randn([4, 4], new Rng(2)));
    expect(traffic.calls).toBe(before);
    matmul(randn([64, 64], new Rng(1)), randn([64, 64], new Rng(2)));
    expect(traffic.calls).toBe(before + 1);
  });

  it("setKernelBackend() returns the previous mode, kernelBackend() reports it, bad modes are refused", () => {
    expect(kernelBackend()).toEqual({ mode: DEFAULT_KERNEL_BACKEND, wasm: true });
    expect(setKernelBackend('auto')).toBe(DEFAULT_KERNEL_BACKEND);
    expect(setKernelBackend('js')).toBe('auto');
    expect(kernelBackend()).toEqual({ mode: 'js', wasm: true });
    expect(() => setKernelBackend('gpu' as KernelBackend)).toThrow("setKernelBackend: expected 'auto', 'js' or 'wasm', got gpu");
  });

  it('10,000 training steps of a small CNN leave Wasm memory where the first step left it', () => {
    setKernelBackend('wasm');
    const rng = new Rng(5);
    const x = randn([4, 1, 10, 10], rng);
    const target = new Tensor(Float32Array.from([0, 1, 2, 1]), [4]);
    const [w1, w2] = inputs([[6, 1, 3, 3], [3, 6 * 4 * 4]], 9);
    const step = () => {
      w1!.grad = null;
      w2!.grad = null;
      const h = maxPool2d(relu(conv2d(x, w1!)), 2).reshape([4, numel([6, 4, 4])]);
      const loss = crossEntropy(linear(h, w2!), target);
      loss.backward();
      for (const w of [w1!, w2!]) w.data.forEach((v, i) => (w.data[i] = v - 0.01 * w.grad!.data[i]!));
      return loss.item();
    };
    step();
    const after1 = wasmMemoryBytes();
    expect(after1).toBeGreaterThan(0);
    let loss = 0;
    for (let i = 0; i < 10_000; i++) loss = step();
    expect(wasmMemoryBytes()).toBe(after1);
    expect(Number.isFinite(loss)).toBe(true);
  });

  it('a call that needs more than 64 MiB of Wasm memory gives its instance up afterwards', () => {
    setKernelBackend('wasm');
    const a = randn([1, 4096], new Rng(1));
    const b = randn([4096, 4200], new Rng(2)); // 69 MB copied in, past the 64 MiB kept
    matmul(a, b);
    expect(wasmMemoryBytes()).toBe(0);
    matmul(randn([8, 8], new Rng(1)), randn([8, 8], new Rng(2)));
    expect(wasmMemoryBytes()).toBeGreaterThan(0);
    expect(wasmMemoryBytes()).toBeLessThan(2 ** 20);
  });
});
