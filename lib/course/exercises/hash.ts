/**
 * A spec's content hash: SHA-256 (crypto.subtle, in browsers and Node ≥ 20) of its canonical JSON
 * (object keys sorted, undefined properties left out). A hand-in records it for each answer; the
 * grader compares it with the current spec's, so it knows which version of an exercise was answered.
 */

/** JSON with every object's keys sorted, so that equal data gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const record = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
  });
}

/** The SHA-256 of `text` (UTF-8), as 64 lowercase hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The content hash of an exercise spec (or any plain data). */
export function contentHash(spec: unknown): Promise<string> {
  return sha256Hex(canonicalJson(spec));
}
