import { BufferPool, type BufferPoolStats } from './buffer-pool';

/** Element types a tensor can hold. float32 is the default; float64 is there for gradient checks. */
export type DType = 'float32' | 'float64';

/** Flat row-major storage of a tensor. */
export type Data = Float32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** Storage smaller than this is always new: small arrays are cheap to allocate (the smallest live in the JS heap). */
const POOLED_MIN_BYTES = 4096;
/** The most free memory a storage pool keeps. */
const POOL_MAX_BYTES = 32 * 1024 * 1024;
/**
 * The most storage watched for the pool at once. The registry holds each watched array's memory
 * until its callback runs, and callbacks run only between tasks: code that allocates in one long
 * synchronous loop would otherwise keep every buffer it ever made. Past this, storage is new and
 * unwatched, as with reuse off.
 */
const WATCHED_MAX_BYTES = 64 * 1024 * 1024;

/** What storage reuse reports: the pool's counts, and the bytes watched (registered, not yet collected). */
export interface StorageReuseStats extends BufferPoolStats {
  readonly watchedBytes: number;
}

/** Storage memory the registry holds for the pool, and its size (a transferred buffer reads 0 bytes). */
interface Watched {
  readonly buffer: ArrayBuffer;
  readonly bytes: number;
}

/** A realm's storage reuse: the pool, the registry that fills it, and the bytes it watches. */
interface Reuse {
  readonly pool: BufferPool;
  readonly registry: FinalizationRegistry<Watched>;
  watched: number;
}

/** This realm's storage reuse while it is on. */
let reuse: Reuse | null = null;

function fresh(dtype: DType, n: number): Data {
  return dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
}

/** A new zero-filled array of `n` elements of `dtype` (reusing unreachable storage's memory while storage reuse is on). */
export function allocate(dtype: DType, n: number): Data {
  const bytes = n * (dtype === 'float64' ? 8 : 4);
  if (reuse === null || bytes < POOLED_MIN_BYTES) return fresh(dtype, n);
  const buffer = reuse.pool.take(bytes);
  const data = buffer === undefined ? fresh(dtype, n) : (dtype === 'float64' ? new Float64Array(buffer) : new Float32Array(buffer)).fill(0);
  if (reuse.watched + bytes <= WATCHED_MAX_BYTES) {
    reuse.watched += bytes;
    reuse.registry.register(data, { buffer: data.buffer, bytes });
  }
  return data;
}

/**
 * Turns storage reuse on or off in this realm (a worker, the page, Node); off by default. While on,
 * the memory of a tensor's storage array that the garbage collector found unreachable is given to a
 * later tensor of the same size (zero-filled, as new storage is), which spares the browser's page
 * faults on fresh memory (see buffer-pool.ts). Only for code that keeps no view of a tensor's memory
 * beyond the tensor's own `data` array (`t.data.subarray(...)` or `new Float32Array(t.data.buffer)`
 * kept after the array is dropped would see it reused): the lessons' training workers turn it on;
 * a reader's code in cells runs without it. Returns whether it was on.
 */
export function setStorageReuse(on: boolean): boolean {
  const was = reuse !== null;
  if (on && reuse === null) {
    const pool = new BufferPool(POOL_MAX_BYTES);
    // Each registry feeds only its own pool: storage registered before a switch off is not reused after it.
    const state: Reuse = {
      pool,
      registry: new FinalizationRegistry<Watched>(({ buffer, bytes }) => {
        state.watched -= bytes;
        pool.give(buffer);
      }),
      watched: 0,
    };
    reuse = state;
  } else if (!on) reuse = null;
  return was;
}

/** How much storage reuse has reused so far in this realm, or null while it is off. */
export function storageReuseStats(): StorageReuseStats | null {
  return reuse === null ? null : { ...reuse.pool.stats, watchedBytes: reuse.watched };
}

/** The dtype of a storage array. */
export function dtypeOf(data: Data): DType {
  return data instanceof Float64Array ? 'float64' : 'float32';
}

/** The dtype two operands compute in: float64 if either is float64 (PyTorch's type promotion). */
export function promote(a: DType, b: DType): DType {
  return a === 'float64' || b === 'float64' ? 'float64' : 'float32';
}
