/**
 * The WebAssembly SIMD kernels' instance in this realm (a worker, the page or a Node process), the
 * switch between them and the plain-JavaScript kernels, and the Wasm memory they work in.
 *
 * The module (a few kilobytes, built from ./assembly by scripts/build-wasm.mjs) is inlined in the
 * bundle as base64 and compiled synchronously the first time a call is big enough to want it: the
 * engine stays synchronous, and which kernel runs depends only on the call, never on timing, so a
 * seeded run gives the same numbers every time. It imports nothing and holds no data: its memory
 * is a scratch area that each call fills from the tensors' typed arrays and copies back out of.
 */
import { KERNELS_BASE64 } from './generated/kernels';

/** The module's exports. Pointers are byte offsets into `memory`; strides count elements. */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  /** C[M x N] += op(A) op(B), op(A)[i][k] = A[i aRow + k aCol], op(B)[k][j] = B[k bRow + j bCol]; C row-major. */
  gemm(M: number, N: number, K: number, a: number, aRow: number, aCol: number, b: number, bRow: number, bCol: number, c: number, work: number): void;
  /** Bytes of scratch gemm needs for these sizes. */
  gemmWorkBytes(M: number, N: number, K: number): number;
  /** One image of conv2d (geo points at the sizes, 16 int32s). */
  conv2dImage(geo: number, x: number, w: number, b: number, hasBias: number, y: number, cols: number, work: number): void;
  /** Adds one image's input gradient into dx. */
  conv2dInputGradImage(geo: number, dy: number, w: number, dx: number, cols: number, work: number): void;
  /** Adds one image's share of the weight gradient into dw. */
  conv2dWeightGradImage(geo: number, dy: number, x: number, dw: number, cols: number, work: number): void;
  /** Max pooling with the flat input index of each maximum. */
  maxPool2d(geo: number, x: number, y: number, argmax: number): void;
  /** dx += dy scattered by argmax. */
  maxPoolGrad(dy: number, argmax: number, outputs: number, dx: number): void;
  /** y = max(x, 0) over n floats. */
  relu(x: number, y: number, n: number): void;
  /** out = y > 0 ? g : 0 over n floats. */
  reluGrad(g: number, y: number, out: number, n: number): void;
}

/** Which kernels run: 'auto' picks per call by size, 'js' and 'wasm' force one (float64 always runs in JavaScript). */
export type KernelBackend = 'auto' | 'js' | 'wasm';

/** What `kernelBackend()` reports. */
export interface KernelBackendInfo {
  readonly mode: KernelBackend;
  /** Whether this host runs the WebAssembly SIMD kernels. */
  readonly wasm: boolean;
  /** Why not, when it does not. */
  readonly reason?: string;
}

/** Wasm memory kept between calls; a call that needed more gives its instance up afterwards. */
const RETAINED_BYTES = 64 * 2 ** 20;
const PAGE = 65536;

/**
 * The mode a realm starts in: 'auto'. The WebAssembly kernels agree with the JavaScript ones to
 * float32 accuracy, not bit for bit (they add in another order); the figures the lessons print from
 * float32 runs, and the grader's re-runs of experiments, are measured in this mode.
 * setKernelBackend('js') gives the plain-JavaScript kernels (npm run bench shows both).
 */
export const DEFAULT_KERNEL_BACKEND: KernelBackend = 'auto';

let mode: KernelBackend = DEFAULT_KERNEL_BACKEND;
let compiled: WebAssembly.Module | null = null;
let unavailable: string | null = null;
let current: KernelExports | null = null;

/** Bytes copied into and out of Wasm memory, and calls made, since the counters were last read. */
export const traffic = { bytesIn: 0, bytesOut: 0, calls: 0 };

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The instance, compiling the module on first use; null where WebAssembly SIMD is missing. */
function instance(): KernelExports | null {
  if (current !== null) return current;
  if (unavailable !== null) return null;
  try {
    compiled ??= new WebAssembly.Module(decode(KERNELS_BASE64));
    current = new WebAssembly.Instance(compiled, {}).exports as unknown as KernelExports;
  } catch (error) {
    // No WebAssembly, no SIMD (a CompileError) or a Content-Security-Policy without wasm-unsafe-eval.
    unavailable = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return current;
}

/**
 * Chooses the kernels: 'wasm' forces WebAssembly for every float32 call, 'js' the plain-JavaScript kernels, 'auto' (the default,
 * see DEFAULT_KERNEL_BACKEND) WebAssembly for calls big enough to repay copying their operands.
 * Returns the previous mode. Throws if 'wasm' is asked for where WebAssembly SIMD is missing.
 */
export function setKernelBackend(next: KernelBackend): KernelBackend {
  if (next !== 'auto' && next !== 'js' && next !== 'wasm') {
    throw new RangeError(`setKernelBackend: expected 'auto', 'js' or 'wasm', got ${String(next)}`);
  }
  if (next === 'wasm' && instance() === null) throw new Error(`setKernelBackend: WebAssembly SIMD is not available here (${unavailable})`);
  const previous = mode;
  mode = next;
  return previous;
}

/** The kernel mode, and whether this host can run the WebAssembly kernels (compiles them to find out). */
export function kernelBackend(): KernelBackendInfo {
  const wasm = instance() !== null;
  return wasm ? { mode, wasm } : { mode, wasm, reason: unavailable ?? 'unknown' };
}

/**
 * The Wasm kernels for a call in `dtype` doing `work` multiply-adds, when this call should run
 * there: float32 only, and in 'auto' mode only from `threshold` up (measured per op: below it the
 * copies and the crossing cost more than SIMD saves). Null: use the JavaScript kernel.
 */
export function wasmKernels(dtype: 'float32' | 'float64', work: number, threshold: number): KernelExports | null {
  if (dtype !== 'float32' || work === 0 || mode === 'js' || (mode === 'auto' && work < threshold)) return null;
  return instance();
}

/** Bytes of Wasm memory the kernels hold in this realm now (0 before the first call and after a release). */
export function wasmMemoryBytes(): number {
  return current === null ? 0 : current.memory.buffer.byteLength;
}

/**
 * A bump allocator over the instance's memory for one call: reserve every buffer first (reserving
 * may grow the memory, which detaches earlier views), then take `f32()` and copy.
 */
export class Workspace {
  private top = 0;
  private view: Float32Array<ArrayBuffer> | null = null;

  constructor(private readonly kernels: KernelExports) {}

  /** Reserves `bytes` (16-byte aligned) and returns their offset. */
  bytes(bytes: number): number {
    const at = this.top;
    this.top = at + Math.ceil(bytes / 16) * 16;
    const memory = this.kernels.memory;
    if (this.top > memory.buffer.byteLength) {
      memory.grow(Math.ceil((this.top - memory.buffer.byteLength) / PAGE));
      this.view = null;
    }
    return at;
  }

  /** Reserves room for `n` float32 values. */
  floats(n: number): number {
    return this.bytes(4 * n);
  }

  /** The memory as float32 values (index = byte offset / 4). */
  f32(): Float32Array<ArrayBuffer> {
    this.view ??= new Float32Array(this.kernels.memory.buffer);
    return this.view;
  }

  /** Copies `src` into the memory at byte offset `at`, counted in `traffic`. */
  put(src: Float32Array | Int32Array, at: number): void {
    if (src instanceof Int32Array) new Int32Array(this.f32().buffer).set(src, at >> 2);
    else this.f32().set(src, at >> 2);
    traffic.bytesIn += 4 * src.length;
  }

  /** Copies `n` values at byte offset `at` out into `dst` from `dstOffset`, counted in `traffic`. */
  take(at: number, n: number, dst: Float32Array | Int32Array, dstOffset: number): void {
    if (dst instanceof Int32Array) dst.set(new Int32Array(this.f32().buffer, at, n), dstOffset);
    else dst.set(this.f32().subarray(at >> 2, (at >> 2) + n), dstOffset);
    traffic.bytesOut += 4 * n;
  }

  /** Zeroes `n` floats at byte offset `at`. */
  zero(at: number, n: number): void {
    this.f32().fill(0, at >> 2, (at >> 2) + n);
  }

  /** Ends the call: an instance whose memory grew past RETAINED_BYTES is dropped, so that memory can be freed. */
  release(): void {
    traffic.calls++;
    if (this.kernels.memory.buffer.byteLength > RETAINED_BYTES && current === this.kernels) current = null;
  }
}
