import { describe, expect, it } from 'vitest';
import { SOURCE_HASH } from '../lib/engine/kernels/wasm/generated/kernels';
import { FLAGS, sourceHash } from './build-wasm.mjs';

describe('the committed WebAssembly kernels (lib/engine/kernels/wasm/generated/kernels.ts)', () => {
  it('were built from the AssemblyScript sources as they are now, with this compiler and these flags (else: npm run build:wasm)', () => {
    expect(SOURCE_HASH).toBe(sourceHash());
  });

  it('are built with SIMD', () => {
    expect(FLAGS).toEqual(expect.arrayContaining(['--enable', 'simd']));
  });
});
