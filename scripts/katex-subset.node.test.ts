import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { collectPage, fontCodePoints, fontRules, katexFaces, parseSelector, pickFace, rangeOutside, splitFaceRule, unicodeRange } from './katex-subset.mjs';

const KATEX_CSS = readFileSync('node_modules/katex/dist/katex.css', 'utf8');
const rules = fontRules(KATEX_CSS);

/** The characters of `tex`, typeset by KaTeX into a page, by the font each is drawn in. */
function used(tex: string, options: { displayMode?: boolean } = {}): Record<string, string> {
  const map = new Map<string, Set<string>>();
  collectPage(`<!doctype html><p>Text $ not math</p>${katex.renderToString(tex, options)}`, rules, map);
  return Object.fromEntries([...map].map(([key, chars]) => [key, [...chars].sort().join('')]));
}

describe('katex-subset', () => {
  it('parseSelector() reads compounds, combinators and specificity', () => {
    expect(parseSelector('.katex .delimsizing.mult .delim-size1>span')).toEqual({
      compounds: [
        { tag: '', classes: ['katex'] },
        { tag: '', classes: ['delimsizing', 'mult'] },
        { tag: '', classes: ['delim-size1'] },
        { tag: 'span', classes: [] },
      ],
      combinators: [' ', ' ', '>'],
      specificity: 41,
    });
    expect(() => parseSelector('.katex [dir=rtl]')).toThrow(/expected a selector of tags and classes, got '\.katex \[dir=rtl\]'/);
  });

  it("fontRules() reads KaTeX's sheet: the font shorthand on .katex, families, weights and styles", () => {
    const bySelector = (s: string) => rules.find((r) => r.compounds.map((c) => c.classes.join('.')).join(' ') === s)?.set;
    expect(bySelector('katex')).toEqual({ family: 'KaTeX_Main', bold: false, italic: false });
    expect(bySelector('katex mathnormal')).toEqual({ family: 'KaTeX_Math', italic: true });
    expect(bySelector('katex boldsymbol')).toEqual({ family: 'KaTeX_Math', bold: true, italic: true });
    expect(bySelector('katex textbf')).toEqual({ bold: true });
    expect(bySelector('katex delimsizing.size4')).toEqual({ family: 'KaTeX_Size4' });
  });

  it('collectPage() puts each character in the font the browser draws it with', () => {
    const fonts = used(String.raw`\mathbf{x} + \sum_i \alpha_i \left( \frac{a}{b} \right) \text{ ok}`, { displayMode: true });
    expect(fonts['KaTeX_Math 400 italic']).toBe('abiα');
    expect(fonts['KaTeX_Main 700 normal']).toBe('x');
    // In display math \sum is a large operator and \left( \right) fit the fraction: both Size2.
    expect(fonts['KaTeX_Size2 400 normal']).toBe('()∑');
    // \text{ ok}: its space as a no-break space; KaTeX's struts hold a zero-width space.
    expect(fonts['KaTeX_Main 400 normal']).toBe('+ko\u00a0\u200b');
    // The MathML copy is drawn in the browser's math font, and text outside math in the page's.
    expect(Object.keys(fonts).every((k) => k.startsWith('KaTeX_'))).toBe(true);
    expect(Object.values(fonts).join('')).not.toContain('$');
  });

  it('collectPage() reads the math an island carries in its props (an exercise hint)', () => {
    const hint = katex.renderToString(String.raw`\mathcal{L}`);
    const props = JSON.stringify({ texts: [0, { hint: [0, hint] }] }).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
    const map = new Map<string, Set<string>>();
    collectPage(`<astro-island props="${props}"></astro-island>`, rules, map);
    expect([...(map.get('KaTeX_Caligraphic 400 normal') ?? [])]).toEqual(['L']);
  });

  it("katexFaces() reads a built sheet's @font-face rules; pickFace() matches style, then weight", () => {
    const css = KATEX_CSS.replaceAll('url(fonts/', 'url(/_astro/');
    const faces = katexFaces(css);
    expect(faces).toHaveLength(20);
    expect(pickFace(faces, 'KaTeX_Main 700 italic')?.woff2).toBe('/_astro/KaTeX_Main-BoldItalic.woff2');
    // KaTeX_Math has no upright face: the browser takes the italic one.
    expect(pickFace(faces, 'KaTeX_Math 400 normal')?.woff2).toBe('/_astro/KaTeX_Math-Italic.woff2');
    expect(pickFace(faces, 'KaTeX_Size1 700 normal')?.ttf).toBe('/_astro/KaTeX_Size1-Regular.ttf');
    expect(pickFace(faces, 'Times 400 normal')).toBeUndefined();
  });

  it('unicodeRange() joins runs; rangeOutside() is everything else', () => {
    expect(unicodeRange([0x43, 0x41, 0x42, 0x61, 0x3c3])).toBe('U+41-43,U+61,U+3C3');
    expect(rangeOutside([0x41, 0x42, 0x43, 0x61])).toBe('U+0-40,U+44-60,U+62-10FFFF');
    expect(rangeOutside([0, 0x10ffff])).toBe('U+1-10FFFE');
  });

  it('splitFaceRule() points the kept characters at the cut file and the rest at the full one', () => {
    const [face] = katexFaces(KATEX_CSS.replaceAll('url(fonts/', 'url(/_astro/')).filter((f) => f.family === 'KaTeX_Size1');
    const css = splitFaceRule(face!, '/_astro/KaTeX_Size1-Regular-subset.x.woff2', [0x20, 0x2211], [0x200b]);
    expect(css).toMatch(/^@font-face{font-display:block;font-family:KaTeX_Size1;font-style:normal;font-weight:400;src:url\(\/_astro\/KaTeX_Size1-Regular-subset\.x\.woff2\) format\("woff2"\);unicode-range:U\+20,U\+2211}@font-face {/);
    expect(css).toContain('src: url(/_astro/KaTeX_Size1-Regular.woff2) format("woff2")');
    expect(css).toMatch(/;unicode-range:U\+0-1F,U\+21-200A,U\+200C-2210,U\+2212-10FFFF}$/);
  });

  it('fontCodePoints() reads the characters a font maps', () => {
    const codePoints = fontCodePoints(readFileSync('node_modules/katex/dist/fonts/KaTeX_Size1-Regular.ttf'));
    expect(codePoints).toContain(0x2211);
    expect(codePoints).not.toContain(0x41);
  });
});
