/**
 * Typed arrays as base64 text, for code we hand out that carries numbers ("Copy as PyTorch"
 * scripts): their bytes as the machine stores them, little-endian on every machine a browser or
 * Node runs on, read back by Python's base64.b64decode and torch.frombuffer.
 */

/** The bytes of `array` (Float32Array, Float64Array, Int32Array …) in base64 (RFC 4648, with padding). */
export function base64OfArray(array: ArrayBufferView): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const CHUNK = 0x8000; // String.fromCharCode takes its bytes as arguments: keep their number small
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
