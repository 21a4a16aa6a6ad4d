import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { cellLinkFragment, LINK_LIMITS, parseCellLink } from './share-link';

const fragmentOf = (id: string, code: string): string => {
  const made = cellLinkFragment(id, code);
  if (!made.ok) throw new Error(made.message);
  return made.fragment;
};

describe('cellLinkFragment() and parseCellLink()', () => {
  it('round-trips any code, in the format #cell=<id>:<compressed>', () => {
    const code = 'const z = linspace(-5, 5, 41);\nconsole.log(`ünïcode ✓ ${z.shape}`);';
    const fragment = fragmentOf('define-activation', code);
    expect(fragment).toMatch(/^#cell=define-activation:[A-Za-z0-9+$-]+$/);
    // A cell of some length compresses: the link is shorter than the code.
    const cell = Array.from({ length: 12 }, (_, i) => `const layer${i} = new nn.Linear(${i + 2}, ${i + 3});\nconsole.log(layer${i}.weight.shape);`).join('\n');
    expect(fragmentOf('define-activation', cell).length).toBeLessThan(cell.length * 0.6);
    expect(parseCellLink(fragment)).toEqual({ kind: 'code', cellId: 'define-activation', code });
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 400 }), (s) => {
        expect(parseCellLink(fragmentOf('c1', s))).toEqual({ kind: 'code', cellId: 'c1', code: s });
      }));
  });

  it('reads a link whose $ and + a mail program percent-encoded', () => {
    const fragment = fragmentOf('c', 'a'.repeat(50) + '$$$+++');
    const encoded = fragment.replace(/\$/g, '%24').replace(/\+/g, '%2B');
    expect(parseCellLink(encoded)).toEqual(parseCellLink(fragment));
  });

  it('ignores fragments that are not cell links', () => {
    expect(parseCellLink('')).toEqual({ kind: 'none' });
    expect(parseCellLink('#references')).toEqual({ kind: 'none' });
    expect(parseCellLink('#cells')).toEqual({ kind: 'none' });
  });

  it('refuses a link cut short or altered, saying so', () => {
    const fragment = fragmentOf('check-derivative', 'const gap = z.grad!.sub(byHand).abs().max().item();\nconsole.log(gap);');
    for (const broken of [fragment.slice(0, -1), fragment.slice(0, -5), `${fragment}A`, fragment.slice(0, fragment.indexOf(':') + 4)]) {
      const link = parseCellLink(broken);
      expect(link, broken).toEqual({ kind: 'invalid', cellId: 'check-derivative', message: expect.stringMatching(/^This link's code for cell “check-derivative” could not be unpacked\. It may have been cut short/) });
    }
  });

  it('refuses a malformed fragment with a message naming what is wrong', () => {
    expect(parseCellLink('#cell=garbage')).toEqual({ kind: 'invalid', message: expect.stringContaining("expected #cell=<cell id>:<code>, found no ':'") });
    expect(parseCellLink('#cell=Bad_Id:abc')).toEqual({ kind: 'invalid', message: expect.stringContaining('got "Bad_Id"') });
    expect(parseCellLink('#cell=ok:')).toEqual({ kind: 'invalid', cellId: 'ok', message: expect.stringContaining('carries no code') });
    expect(parseCellLink('#cell=ok:a<b>')).toEqual({ kind: 'invalid', cellId: 'ok', message: expect.stringContaining('characters a cell link never has') });
    expect(parseCellLink('#cell=ok:%E0%A4%A')).toEqual({ kind: 'invalid', message: expect.stringContaining('broken %-escape') });
  });

  it('bounds a link both ways: compressed length, and the code it unpacks to', () => {
    // Random text barely compresses: 20,000 characters are far over the link's limit.
    let seed = 7;
    const noise = Array.from({ length: 20_000 }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
    const tooLong = cellLinkFragment('c', noise);
    expect(tooLong).toEqual({ ok: false, message: expect.stringMatching(/compresses to [\d,]+ characters, at most 8,000/) });
    expect(cellLinkFragment('c', 'x'.repeat(LINK_LIMITS.codeChars + 1))).toEqual({ ok: false, message: expect.stringContaining('100,001 characters, at most 100,000') });
    expect(parseCellLink(`#cell=c:${'A'.repeat(LINK_LIMITS.fragmentChars + 1)}`)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('8,001 characters, at most 8,000') });
    // A short link that unpacks to a lot (repetition compresses well): refused past 100,000 characters.
    const bomb = LZString.compressToEncodedURIComponent('y'.repeat(LINK_LIMITS.codeChars + 1));
    expect(bomb.length).toBeLessThan(LINK_LIMITS.fragmentChars);
    expect(parseCellLink(`#cell=c:${bomb}`)).toMatchObject({ kind: 'invalid', message: expect.stringContaining('100,001 characters once unpacked') });
  });

  it('refuses to make a link for a bad cell id', () => {
    expect(cellLinkFragment('Has Spaces', 'x')).toEqual({ ok: false, message: expect.stringContaining('got "Has Spaces"') });
  });
});
