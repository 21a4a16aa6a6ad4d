import { describe, expect, it } from 'vitest';
import { TRANSFER_MIN_BYTES, largeBuffers } from './transferables';

const bigFloats = (): Float32Array => new Float32Array(TRANSFER_MIN_BYTES / 4 + 1);

describe('largeBuffers()', () => {
  it('largeBuffers() finds big typed arrays nested in objects and arrays', () => {
    const a = bigFloats();
    const b = new Float64Array(TRANSFER_MIN_BYTES / 8 + 1);
    const found = largeBuffers({ step: 3, layers: [{ weights: a }, { weights: b }] });
    expect(found).toHaveLength(2);
    expect(found).toContain(a.buffer);
    expect(found).toContain(b.buffer);
  });

  it('largeBuffers() skips buffers of 256 KiB and less', () => {
    const exactly = new Uint8Array(TRANSFER_MIN_BYTES);
    const small = new Float32Array(16);
    expect(largeBuffers({ exactly, small, bare: new ArrayBuffer(10) })).toEqual([]);
  });

  it('largeBuffers() counts a small view by its whole buffer, and lists a buffer once', () => {
    const big = bigFloats();
    const found = largeBuffers([big.subarray(0, 4), big, big.buffer]);
    expect(found).toEqual([big.buffer]);
  });

  it('largeBuffers() ignores SharedArrayBuffers, class instances and cycles', () => {
    const shared = new Float32Array(new SharedArrayBuffer(TRANSFER_MIN_BYTES * 2));
    class Holder {
      constructor(readonly data: Float32Array) {}
    }
    const cyclic: { self?: unknown; data: Float32Array } = { data: bigFloats() };
    cyclic.self = cyclic;
    const found = largeBuffers({ shared, holder: new Holder(bigFloats()), cyclic });
    expect(found).toEqual([cyclic.data.buffer]);
  });
});
