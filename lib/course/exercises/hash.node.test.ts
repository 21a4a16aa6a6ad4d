import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './hash';

describe('contentHash()', () => {
  it('is the SHA-256 of the canonical JSON (checked against node:crypto)', async () => {
    const spec = { kind: 'numeric', id: 'a/b', answer: 3, nested: { z: 1, a: [2, { y: 1, b: 2 }] } };
    const canonical = canonicalJson(spec);
    expect(canonical).toBe('{"answer":3,"id":"a/b","kind":"numeric","nested":{"a":[2,{"b":2,"y":1}],"z":1}}');
    expect(await contentHash(spec)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });
  it('ignores key order and undefined properties, and changes with any value', async () => {
    const a = await contentHash({ x: 1, y: 'é', u: undefined });
    expect(await contentHash({ y: 'é', x: 1 })).toBe(a);
    expect(await contentHash({ y: 'é', x: 2 })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
