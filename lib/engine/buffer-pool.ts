/**
 * Free memory for tensor storage, by size. Allocating a fresh ArrayBuffer costs far more in a
 * browser than in Node: the browser's allocator hands the pages of freed buffers back to the
 * system, so every new buffer is zero-filled by page faults when it is first written (on the
 * course's 2-core machine, a 200 KB Float32Array allocated and written took 2.7-4.7 ms in
 * Chromium 156 against 0.07-0.5 ms in Node 24). The pool keeps buffers the garbage collector
 * found unreachable and gives them out again. Pure bookkeeping; storage.ts wires it to a
 * FinalizationRegistry.
 */

/** How many buffers were given out again, how many had to be new, and what the pool holds now. */
export interface BufferPoolStats {
  readonly reused: number;
  readonly fresh: number;
  readonly heldBytes: number;
}

/** Free ArrayBuffers by byte length, holding at most `maxBytes` in all. */
export class BufferPool {
  private readonly free = new Map<number, ArrayBuffer[]>();
  private held = 0;
  private reused = 0;
  private fresh = 0;

  /** A pool that keeps at most `maxBytes` of free buffers (more are left to the garbage collector). */
  constructor(readonly maxBytes: number) {
    if (!(maxBytes >= 0)) throw new RangeError(`BufferPool: expected a size in bytes ≥ 0, got ${maxBytes}`);
  }

  /** A free buffer of exactly `bytes` bytes (its old contents still in it), or undefined. */
  take(bytes: number): ArrayBuffer | undefined {
    const buffer = this.free.get(bytes)?.pop();
    if (buffer === undefined) {
      this.fresh++;
      return undefined;
    }
    this.held -= bytes;
    this.reused++;
    return buffer;
  }

  /** Keeps `buffer` for a later take, unless it was detached (transferred) or the pool is full. */
  give(buffer: ArrayBuffer): void {
    const bytes = buffer.byteLength;
    if (bytes === 0 || this.held + bytes > this.maxBytes) return;
    let list = this.free.get(bytes);
    if (list === undefined) this.free.set(bytes, (list = []));
    list.push(buffer);
    this.held += bytes;
  }

  /** Counts since the pool was made. */
  get stats(): BufferPoolStats {
    return { reused: this.reused, fresh: this.fresh, heldBytes: this.held };
  }
}
