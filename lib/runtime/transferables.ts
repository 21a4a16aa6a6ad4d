/**
 * Buffers larger than this are transferred; smaller ones are cheaper to clone (the project's
 * measurement on its 2-core machine put the crossover near 256 KiB).
 */
export const TRANSFER_MIN_BYTES = 256 * 1024;

/**
 * The ArrayBuffers inside `value` (itself, or in nested arrays and plain objects) larger than
 * `minBytes`, each once: the transfer list for postMessage. A typed array counts by its whole
 * buffer, since that is what a clone would copy. SharedArrayBuffers are never listed.
 */
export function largeBuffers(value: unknown, minBytes = TRANSFER_MIN_BYTES): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (item: unknown): void => {
    if (typeof item !== 'object' || item === null || seen.has(item)) return;
    seen.add(item);
    const buffer = ArrayBuffer.isView(item) ? item.buffer : item;
    if (buffer instanceof ArrayBuffer) {
      if (buffer.byteLength > minBytes) found.add(buffer);
    } else if (Array.isArray(item)) {
      item.forEach(visit);
    } else if (isPlainObject(item)) {
      Object.values(item).forEach(visit);
    }
  };
  visit(value);
  return [...found];
}

function isPlainObject(item: object): boolean {
  const proto: unknown = Object.getPrototypeOf(item);
  return proto === Object.prototype || proto === null;
}
