import { describe, expect, it } from 'vitest';
import { embeddedFontFace, facesNeeded, familyNames, unicodeRanges, type PageFontFace } from './font-faces';

const LATIN = 'U+0000-00FF,U+0131,U+2212';
const GREEK = 'U+0370-03FF';
/** A page's faces as fonts.css declares them: two families, subsets by script, one italic. */
const face = (family: string, file: string, unicodeRange: string, style = 'normal'): PageFontFace => ({ family, style, weight: '400 700', unicodeRange, url: `https://site.test/_astro/${file}.woff2` });
const FACES = [
  face('Inter Variable', 'inter-greek', GREEK),
  face('Inter Variable', 'inter-latin', LATIN),
  face('Source Serif 4 Variable', 'serif-latin', LATIN),
  face('Source Serif 4 Variable', 'serif-latin-italic', LATIN, 'italic'),
  face('JetBrains Mono Variable', 'mono-latin', LATIN),
];
const UI = "'Inter Variable', Inter, system-ui, sans-serif";
const files = (faces: readonly PageFontFace[]): string[] => faces.map((f) => f.url.replace(/^.*\/|\.woff2$/g, ''));

describe('familyNames()', () => {
  it('splits a font-family list into unquoted names, commas inside quotes kept', () => {
    expect(familyNames(`"Inter Variable", Inter , system-ui, 'A, B'`)).toEqual(['Inter Variable', 'Inter', 'system-ui', 'A, B']);
    expect(familyNames('')).toEqual([]);
  });
});

describe('unicodeRanges()', () => {
  it('reads single code points, ranges and wildcards; empty means every character', () => {
    expect(unicodeRanges('U+0000-00FF, U+0131,u+04??')).toEqual([[0, 0xff], [0x131, 0x131], [0x400, 0x4ff]]);
    expect(unicodeRanges('')).toEqual([[0, 0x10ffff]]);
    expect(() => unicodeRanges('U+00-FF; x')).toThrow("expected a range like U+0000-00FF, got 'U+00-FF; x'");
  });
});

describe('facesNeeded()', () => {
  it('takes only the subset files holding the text’s characters, of the families the text is set in', () => {
    expect(files(facesNeeded(FACES, [{ families: UI, style: 'normal', text: 'Loss −0.5' }]))).toEqual(['inter-latin']);
    expect(files(facesNeeded(FACES, [{ families: UI, style: 'normal', text: 'σ(z)' }]))).toEqual(['inter-greek', 'inter-latin']);
    expect(files(facesNeeded(FACES, [{ families: UI, style: 'normal', text: 'σ' }]))).toEqual(['inter-greek']);
  });

  it('uses the first family of the list the page has, matching case-insensitively, and skips text in fonts the page does not serve', () => {
    const runs = [
      { families: `Nope, "jetbrains mono variable", 'Inter Variable'`, style: 'normal', text: '0.25' },
      { families: 'Georgia, serif', style: 'normal', text: 'abc' },
      { families: UI, style: 'normal', text: '' },
    ];
    expect(files(facesNeeded(FACES, runs))).toEqual(['mono-latin']);
  });

  it('takes the face in the text’s style, and the upright one where the family has no italic', () => {
    const serif = "'Source Serif 4 Variable', Georgia, serif";
    expect(files(facesNeeded(FACES, [{ families: serif, style: 'italic', text: 'x' }]))).toEqual(['serif-latin-italic']);
    expect(files(facesNeeded(FACES, [{ families: serif, style: 'normal', text: 'x' }, { families: serif, style: 'italic', text: 'y' }]))).toEqual(['serif-latin', 'serif-latin-italic']);
    expect(files(facesNeeded(FACES, [{ families: UI, style: 'italic', text: '−1' }]))).toEqual(['inter-latin']);
  });

  it('needs nothing for no text', () => {
    expect(facesNeeded(FACES, [])).toEqual([]);
  });
});

describe('embeddedFontFace()', () => {
  it('writes the face’s descriptors with its file as a data: URL and the format its media type names', () => {
    const rule = embeddedFontFace(face("O'Brien Sans", 'x', LATIN), 'data:font/woff2;base64,d09GMg==');
    expect(rule).toBe(`@font-face{font-family:'O\\'Brien Sans';font-style:normal;font-weight:400 700;src:url(data:font/woff2;base64,d09GMg==) format('woff2');unicode-range:${LATIN};}`);
    const bare = embeddedFontFace({ family: 'A', style: '', weight: '', unicodeRange: '', url: '' }, 'data:application/octet-stream;base64,AA==');
    expect(bare).toBe("@font-face{font-family:'A';font-style:normal;src:url(data:application/octet-stream;base64,AA==);}");
  });
});
