/**
 * Choosing the web-font files an exported SVG needs and writing them into it as @font-face rules
 * with data: URLs: only the families its text is set in, and of each only the unicode-range subset
 * files that hold a character of that text. Pure: no DOM, so the tests run in Node.
 */

/** An @font-face rule of the page: its descriptors and the URL of its font file. */
export interface PageFontFace {
  readonly family: string;
  /** font-style: "normal" or "italic". */
  readonly style: string;
  /** font-weight as the rule gives it ("400 700"), or "" for the default. */
  readonly weight: string;
  /** unicode-range as the rule gives it ("U+0000-00FF,U+0131"), or "" for every character. */
  readonly unicodeRange: string;
  /** The font file's URL, absolute or data:. */
  readonly url: string;
}

/** A piece of text in the SVG: its font-family list (as CSS writes it), its font-style and its characters. */
export interface TextRun {
  readonly families: string;
  readonly style: string;
  readonly text: string;
}

/** The names in a CSS font-family list, unquoted, in order ('"Inter Variable", Inter, sans-serif' → three names). */
export function familyNames(list: string): string[] {
  return (list.match(/\s*(?:"[^"]*"|'[^']*'|[^,]+)/g) ?? []).map((name) => name.trim().replace(/^(["'])(.*)\1$/, '$2').trim()).filter((name) => name !== '');
}

/** The code point ranges of a CSS unicode-range ("U+0000-00FF,U+0131,U+04??"); every character when it is empty. Throws on a part it cannot read. */
export function unicodeRanges(range: string): [number, number][] {
  if (range.trim() === '') return [[0, 0x10ffff]];
  return range.split(',').map((part): [number, number] => {
    const m = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(part.trim());
    if (!m) throw new Error(`unicodeRanges: expected a range like U+0000-00FF, got '${part.trim()}'`);
    const from = m[1] ?? '';
    if (from.includes('?')) return [parseInt(from.replace(/\?/g, '0'), 16), parseInt(from.replace(/\?/g, 'F'), 16)];
    return [parseInt(from, 16), parseInt(m[2] ?? from, 16)];
  });
}

/** Whether a face's unicode-range holds any of `codePoints`. */
function covers(face: PageFontFace, codePoints: ReadonlySet<number>): boolean {
  const ranges = unicodeRanges(face.unicodeRange);
  for (const c of codePoints) if (ranges.some(([from, to]) => c >= from && c <= to)) return true;
  return false;
}

/**
 * The faces the text needs: for each run, the first family of its list that the page has a face
 * for (the one a browser uses); of that family, the faces in the run's style (any style if the
 * family has none in it: the browser then slants the upright one), and of those only the ones
 * whose unicode-range holds one of the run's characters. Each face once, in the page's order.
 */
export function facesNeeded(faces: readonly PageFontFace[], runs: readonly TextRun[]): PageFontFace[] {
  const byFamily = new Map<string, PageFontFace[]>();
  for (const face of faces) byFamily.set(face.family.toLowerCase(), [...(byFamily.get(face.family.toLowerCase()) ?? []), face]);
  // The characters wanted from each family in each style.
  const wanted = new Map<string, { candidates: PageFontFace[]; chars: Set<number> }>();
  for (const run of runs) {
    const family = familyNames(run.families).find((name) => byFamily.has(name.toLowerCase()))?.toLowerCase();
    const ofFamily = family === undefined ? undefined : byFamily.get(family);
    if (!ofFamily || run.text === '') continue;
    const inStyle = ofFamily.filter((f) => f.style === run.style);
    const key = `${family}|${inStyle.length > 0 ? run.style : '*'}`;
    const entry = wanted.get(key) ?? { candidates: inStyle.length > 0 ? inStyle : ofFamily, chars: new Set<number>() };
    for (const ch of run.text) entry.chars.add(ch.codePointAt(0) ?? 0);
    wanted.set(key, entry);
  }
  const needed = new Set<PageFontFace>();
  for (const { candidates, chars } of wanted.values()) for (const face of candidates) if (covers(face, chars)) needed.add(face);
  return faces.filter((face) => needed.has(face));
}

/** Quotes a family name for CSS. */
const quoted = (name: string): string => `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** One @font-face rule for `face` with its file given as `dataUrl` (data:font/woff2;base64,…), its format named from the URL's media type. */
export function embeddedFontFace(face: PageFontFace, dataUrl: string): string {
  const format = /^data:font\/(woff2|woff|ttf|otf)[;,]/.exec(dataUrl)?.[1]?.replace('ttf', 'truetype').replace('otf', 'opentype');
  return [
    '@font-face{',
    `font-family:${quoted(face.family)};`,
    `font-style:${face.style || 'normal'};`,
    face.weight ? `font-weight:${face.weight};` : '',
    `src:url(${dataUrl})${format ? ` format('${format}')` : ''};`,
    face.unicodeRange ? `unicode-range:${face.unicodeRange};` : '',
    '}',
  ].join('');
}
