import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES, fontFaceRule, parseFontFaces, rangeText, WEIGHTS } from './make-fonts.mjs';

const fontsource = (name: string): string => join('node_modules/@fontsource-variable', name);

/** Every .css, .astro and .tsx file under `dir`. */
function styledFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'generated' ? [] : styledFiles(path);
    return /\.(css|astro|tsx)$/.test(entry) ? [path] : [];
  });
}

describe('make-fonts', () => {
  it('reads every @font-face of the Fontsource sheets the site loads, each naming a file the package has', () => {
    for (const { name, sheets } of FAMILIES) {
      for (const sheet of sheets) {
        const faces = parseFontFaces(readFileSync(join(fontsource(name), sheet), 'utf8'));
        expect(faces.length, `${name}/${sheet}`).toBeGreaterThanOrEqual(5);
        for (const face of faces) expect(statSync(join(fontsource(name), 'files', face.file)).size).toBeGreaterThan(1000);
        expect(faces.some((f) => f.file.includes('-latin-wght-'))).toBe(true);
      }
    }
  });

  it('refuses a rule it cannot read', () => {
    expect(() => parseFontFaces("@font-face { font-family: 'X'; font-style: normal; }")).toThrow(/expected font-family, font-style, a \.\/files\/\*\.woff2 src and a unicode-range/);
  });

  it('spells out a unicode-range, single code points and spans, and refuses a malformed one', () => {
    expect(rangeText('U+0041-0043,U+00E9, U+2212')).toBe('ABCé−');
    expect([...rangeText('U+0000-00FF')]).toHaveLength(256);
    expect(() => rangeText('U+00G1')).toThrow("expected a range like U+0000-00FF, got 'U+00G1'");
  });

  it('writes the weight range it keeps into the rule, with the unicode-range unchanged', () => {
    const rule = fontFaceRule({ family: 'Inter Variable', style: 'normal', file: 'inter-latin-wght-normal.woff2', unicodeRange: 'U+0000-00FF' });
    expect(rule).toContain(`font-weight: ${WEIGHTS.min} ${WEIGHTS.max};`);
    expect(rule).toContain('unicode-range: U+0000-00FF;');
    expect(rule).toContain("src: url(./inter-latin-wght-normal.woff2) format('woff2-variations');");
  });

  it('keeps every weight the site asks for: no numeric font-weight in its CSS lies outside the range the fonts keep', () => {
    const weights = ['site', 'components'].flatMap(styledFiles).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/font-weight:\s*(\d+)/g)].map((m) => ({ file, weight: Number(m[1]) })),
    );
    expect(weights.length).toBeGreaterThan(20);
    expect(weights.filter(({ weight }) => weight < WEIGHTS.min || weight > WEIGHTS.max)).toEqual([]);
  });
});
