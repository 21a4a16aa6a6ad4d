// KaTeX's fonts cut to the glyphs the site's math uses (run by after-build.mjs on dist/). The math is
// typeset at build time, so the built HTML says which characters each KaTeX font draws: every text
// node takes the font KaTeX's style sheet gives its element (`.katex` is KaTeX_Main, `.mathnormal`
// KaTeX_Math italic, `.delimsizing.size1` KaTeX_Size1...), worked out here by applying that sheet's
// own font rules, cascade and inheritance included. Each @font-face then becomes two: the cut file
// for the characters the site uses, and the full file for any other character, so a page that
// typesets math in the browser (the notebook's Markdown cells) still finds every glyph, and a
// lesson, whose characters are all in the cut files, never downloads a full one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { fromHtml } from 'hast-util-from-html';
import subsetFont from 'subset-font';

/**
 * @typedef {{ family?: string, bold?: boolean, italic?: boolean }} FontSet What a rule sets.
 * @typedef {{ compounds: { tag: string, classes: string[] }[], combinators: string[], specificity: number, order: number, set: FontSet }} FontRule
 * @typedef {{ text: string, family: string, bold: boolean, italic: boolean, woff2: string, ttf: string }} FontFace
 */

/** MathML takes the browser's math font, not KaTeX's (Chromium's style sheet: `math { font-family: math }`). */
const BROWSER_RULES = [{ compounds: [{ tag: 'math', classes: [] }], combinators: [], specificity: 0, order: -1, set: { family: 'math' } }];

/**
 * Characters every cut file keeps when its font has them. The space: the browser takes a font's
 * line metrics from the face that has U+0020 (CSS's "first available font"), and without it would
 * fetch the full file for them. The letters FreeType's auto-hinter measures a font by (its blue
 * zones and standard stems for Latin, the script of any glyph of no other script; freetype/src/
 * autofit/afblue.dat): Chromium on Linux hints web fonts with it, and a cut file without them draws
 * some glyphs a pixel apart.
 */
export const ALWAYS_KEPT = ' THEZOCQSLUfijkdbhuvxzoescnrpqgy0';
/** The auto-hinter's Greek letters, kept in a cut file that has a Greek letter to draw. */
export const GREEK_KEPT = 'ΓΒΕΖΘΟΩΔΞβθδζλξαειοπστωγημρφχψ';

/** 700 and up ('bold', 'bolder' included) is bold, as the browser matches KaTeX's 400 and 700 faces. @param {string} value */
const isBold = (value) => /bold/.test(value) || Number(value) >= 600;

/** The first family of a font-family list, unquoted. @param {string} value */
const firstFamily = (value) => value.split(',')[0]?.trim().replace(/^["']|["']$/g, '') ?? '';

/**
 * A selector of the forms KaTeX's sheet uses: compounds of a tag and classes, joined by descendant
 * or child combinators (`.katex .delimsizing.mult .delim-size1>span`). Throws on anything else.
 * @param {string} selector
 */
export function parseSelector(selector) {
  const parts = selector.trim().replace(/\s*>\s*/g, ' > ').split(/\s+/);
  /** @type {FontRule['compounds']} */
  const compounds = [];
  const combinators = [];
  for (const part of parts) {
    if (part === '>') {
      combinators[compounds.length - 1] = '>';
      continue;
    }
    const m = /^([a-z][a-z0-9]*)?((?:\.[\w-]+)*)$/i.exec(part);
    if (!m || (!m[1] && !m[2])) throw new Error(`katex-subset: expected a selector of tags and classes, got '${selector}'`);
    compounds.push({ tag: m[1]?.toLowerCase() ?? '', classes: m[2] ? m[2].slice(1).split('.') : [] });
    combinators[compounds.length - 1] ??= ' ';
  }
  combinators.length = compounds.length - 1;
  const specificity = compounds.reduce((s, c) => s + 10 * c.classes.length + (c.tag ? 1 : 0), 0);
  return { compounds, combinators, specificity };
}

/**
 * The rules of a KaTeX style sheet that set a font (font-family, font-weight, font-style or the
 * `font` shorthand), for selectors that start at `.katex`, in the sheet's order. Comments,
 * @font-face blocks and pseudo-elements are left out.
 * @param {string} css
 * @returns {FontRule[]}
 */
export function fontRules(css) {
  /** @type {FontRule[]} */
  const rules = [];
  for (const [, selectors = '', block = ''] of css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@font-face\s*{[^}]*}/g, '').matchAll(/([^{}]+){([^{}]*)}/g)) {
    /** @type {FontSet} */
    const set = {};
    for (const declaration of block.split(';')) {
      const colon = declaration.indexOf(':');
      const [property, value] = [declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim()];
      if (property === 'font-family') set.family = firstFamily(value);
      else if (property === 'font-weight') set.bold = isBold(value);
      else if (property === 'font-style') set.italic = value === 'italic';
      else if (property === 'font') {
        // `font: normal 1.21em KaTeX_Main, Times New Roman, serif`: style and weight, size, families.
        const m = /^(.*?)\s*\b\d[\d.]*(?:em|rem|px|pt|%)(?:\/\S+)?\s+(.+)$/.exec(value);
        if (!m) throw new Error(`katex-subset: expected 'font: [style] [weight] size families', got '${value}'`);
        Object.assign(set, { family: firstFamily(m[2] ?? ''), italic: /\bitalic\b/.test(m[1] ?? ''), bold: isBold(m[1] ?? '') });
      }
    }
    if (Object.keys(set).length === 0) continue;
    for (const selector of selectors.split(',')) {
      if (!/^\s*\.katex\b/.test(selector) || selector.includes(':')) continue;
      rules.push({ ...parseSelector(selector), order: rules.length, set });
    }
  }
  return rules;
}

/** @typedef {{ type: string, tagName?: string, value?: string, properties?: Record<string, unknown>, children?: Node[], content?: Node }} Node */

/** A node's children, a <template>'s content included. @param {Node} node */
const childrenOf = (node) => [...(node.children ?? []), ...(node.content ? [node.content] : [])];

/** True when `rule` matches the last element of `path` (the element and its ancestors, root first). */
function matches(/** @type {FontRule} */ rule, /** @type {Node[]} */ path, i = path.length - 1, k = rule.compounds.length - 1) {
  const { tag, classes } = rule.compounds[k] ?? { tag: '', classes: [] };
  const el = path[i];
  const own = /** @type {string[]} */ (el?.properties?.className ?? []);
  if ((tag && el?.tagName !== tag) || !classes.every((c) => own.includes(c))) return false;
  if (k === 0) return true;
  if (rule.combinators[k - 1] === '>') return i > 0 && matches(rule, path, i - 1, k - 1);
  for (let j = i - 1; j >= 0; j--) if (matches(rule, path, j, k - 1)) return true;
  return false;
}

/**
 * Adds the characters of every text node under `root` to `used`, keyed by the font its element
 * gets from `rules` ('KaTeX_Main 700 normal'); text in no KaTeX font is skipped. Mutates `used`.
 * @param {Node} root
 * @param {FontRule[]} rules
 * @param {Map<string, Set<string>>} used
 */
export function collectText(root, rules, used) {
  const all = [...BROWSER_RULES, ...rules];
  /** @param {Node} node @param {Node[]} path @param {Required<FontSet>} font */
  const walk = (node, path, font) => {
    if (node.type === 'text') {
      if (!font.family.startsWith('KaTeX_')) return;
      const key = `${font.family} ${font.bold ? 700 : 400} ${font.italic ? 'italic' : 'normal'}`;
      const set = used.get(key) ?? used.set(key, new Set()).get(key);
      for (const ch of node.value ?? '') set?.add(ch);
      return;
    }
    if (node.type === 'element') {
      path = [...path, node];
      const hits = all.filter((r) => matches(r, path)).sort((a, b) => a.specificity - b.specificity || a.order - b.order);
      font = { ...font };
      for (const { set } of hits) Object.assign(font, set);
      // An equation number's "(1)" is generated content (.eqn-num::before), not text in the HTML.
      if (/** @type {string[]} */ (node.properties?.className ?? []).includes('eqn-num')) walk({ type: 'text', value: '()0123456789' }, path, font);
    }
    for (const child of childrenOf(node)) walk(child, path, font);
  };
  walk(root, [], { family: '', bold: false, italic: false });
}

/** Every string inside a value parsed from JSON (an island's props), depth first. @param {unknown} value @returns {string[]} */
const strings = (value) => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []);

/**
 * The characters a built page's math draws, by font, added to `used`: the page's own math and the
 * math in its islands' props (an exercise's hints and solution, typeset at build time and shown on
 * demand). Mutates `used`.
 * @param {string} html
 * @param {FontRule[]} rules
 * @param {Map<string, Set<string>>} used
 */
export function collectPage(html, rules, used) {
  const tree = /** @type {Node} */ (/** @type {unknown} */ (fromHtml(html)));
  collectText(tree, rules, used);
  /** @param {Node} node */
  const islands = (node) => {
    const props = node.tagName === 'astro-island' ? node.properties?.props : undefined;
    if (typeof props === 'string' && props.includes('katex')) {
      for (const s of strings(JSON.parse(props))) if (s.includes('class="katex')) collectText(/** @type {Node} */ (/** @type {unknown} */ (fromHtml(s, { fragment: true }))), rules, used);
    }
    for (const child of childrenOf(node)) islands(child);
  };
  islands(tree);
}

/**
 * The KaTeX @font-face rules of a built style sheet: the rule's text, family, weight, style and the
 * paths (as written) of its woff2 and truetype files.
 * @param {string} css
 * @returns {FontFace[]}
 */
export function katexFaces(css) {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([text, body = '']) => {
    const field = (/** @type {string} */ name) => new RegExp(`${name}:\\s*([^;]+)`).exec(body)?.[1]?.trim() ?? '';
    const family = firstFamily(field('font-family'));
    if (!family.startsWith('KaTeX_')) return [];
    // A file small enough for the build to inline (data:font/woff2;base64,...) is kept whole.
    const woff2 = /url\((data:font\/woff2[^)]+|[^)]+\.woff2)\)/.exec(body)?.[1];
    const ttf = /url\(([^)]+\.ttf)\)/.exec(body)?.[1];
    if (!woff2 || !ttf) throw new Error(`katex-subset: expected a woff2 and a truetype file in ${text}`);
    return [{ text, family, bold: isBold(field('font-weight')), italic: field('font-style') === 'italic', woff2, ttf }];
  });
}

/**
 * The face the browser picks for a family, weight and style among `faces` (CSS font matching with
 * KaTeX's two weights: the style first, then the weight), or undefined when the family has none.
 * @param {FontFace[]} faces
 * @param {string} key 'KaTeX_Main 700 normal'
 */
export function pickFace(faces, key) {
  const [family, weight, style] = key.split(' ');
  const ofFamily = faces.filter((f) => f.family === family);
  const ofStyle = ofFamily.filter((f) => f.italic === (style === 'italic'));
  const pool = ofStyle.length ? ofStyle : ofFamily;
  return pool.find((f) => f.bold === (weight === '700')) ?? pool[0];
}

/** Code points as a CSS unicode-range, runs joined: [65, 66, 67, 97] -> 'U+41-43,U+61'. @param {Iterable<number>} codePoints */
export function unicodeRange(codePoints) {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const hex = (/** @type {number | undefined} */ n) => (n ?? 0).toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(sorted[i])}` : `U+${hex(sorted[i])}-${hex(sorted[j])}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The code points a truetype font maps. @param {Uint8Array} ttf */
export const fontCodePoints = (ttf) => [...new hb.Face(new hb.Blob(ttf)).collectUnicodes()];

/**
 * The code points not in `codePoints`, as a CSS unicode-range: 'U+0-40,U+5B-10FFFF' for A-Z.
 * @param {Iterable<number>} codePoints
 */
export function rangeOutside(codePoints) {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const hex = (/** @type {number} */ n) => n.toString(16).toUpperCase();
  const parts = [];
  let from = 0;
  for (const c of [...sorted, 0x110000]) {
    if (c > from) parts.push(c - 1 === from ? `U+${hex(from)}` : `U+${hex(from)}-${hex(c - 1)}`);
    from = c + 1;
  }
  return parts.join(',');
}

/**
 * The two rules that replace a face's @font-face: the cut file (`subsetUrl`) for the characters
 * `kept`, then the original rule for every character but those and the ones the pages draw that the
 * font does not have (`missing`: the browser draws them with the next family, as before, without
 * fetching the full file to look for them).
 * @param {FontFace} face
 * @param {string} subsetUrl
 * @param {number[]} kept
 * @param {number[]} missing
 */
export function splitFaceRule(face, subsetUrl, kept, missing) {
  const subset = `@font-face{font-display:block;font-family:${face.family};font-style:${face.italic ? 'italic' : 'normal'};font-weight:${face.bold ? 700 : 400};src:url(${subsetUrl}) format("woff2");unicode-range:${unicodeRange(kept)}}`;
  return `${subset}${face.text.replace(/}$/, `;unicode-range:${rangeOutside([...kept, ...missing])}}`)}`;
}

/** A file name's content hash, as Vite's are: 8 URL-safe characters. @param {Uint8Array | string} data */
const contentHash = (data) => createHash('sha256').update(data).digest('base64url').slice(0, 8);

/** Every file under `dir`. @param {string} dir @returns {string[]} */
const filesUnder = (dir) => readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? filesUnder(join(dir, e)) : [join(dir, e)]));

/**
 * Cuts KaTeX's fonts in the built site `dist` to the characters its pages' math uses: writes the
 * cut woff2 files and a new KaTeX style sheet naming them next to the old one in dist/_astro,
 * points every page at the new sheet and deletes the old one. Returns the woff2 bytes before and
 * after for the faces cut.
 * @param {string} dist
 */
export async function subsetKatexFonts(dist) {
  const files = filesUnder(dist);
  const pages = files.filter((f) => f.endsWith('.html'));
  const sheets = files.filter((f) => f.endsWith('.css') && readFileSync(f, 'utf8').includes('font-family:KaTeX_'));
  const fromUrl = (/** @type {string} */ url, /** @type {string} */ sheet) => (url.startsWith('/') ? join(dist, url) : join(dirname(sheet), url));
  let before = 0;
  let after = 0;
  for (const sheet of sheets) {
    const css = readFileSync(sheet, 'utf8');
    const faces = katexFaces(css);
    const rules = fontRules(css);
    /** @type {Map<string, Set<string>>} */
    const used = new Map();
    for (const page of pages) collectPage(readFileSync(page, 'utf8'), rules, used);
    /** @type {Map<FontFace, Set<number>>} */
    const byFace = new Map();
    for (const [key, chars] of used) {
      const face = pickFace(faces, key);
      if (!face) throw new Error(`katex-subset: the math uses ${key}, which ${sheet} has no @font-face for`);
      const set = byFace.get(face) ?? byFace.set(face, new Set()).get(face);
      for (const ch of chars) set?.add(/** @type {number} */ (ch.codePointAt(0)));
    }
    let out = css;
    for (const [face, codePoints] of byFace) {
      if (face.woff2.startsWith('data:')) continue;
      const all = fontCodePoints(readFileSync(fromUrl(face.ttf, sheet)));
      if (![...codePoints].some((c) => all.includes(c))) continue;
      const greek = [...codePoints].some((c) => c >= 0x370 && c <= 0x3ff);
      for (const ch of ALWAYS_KEPT + (greek ? GREEK_KEPT : '')) codePoints.add(/** @type {number} */ (ch.codePointAt(0)));
      const kept = all.filter((c) => codePoints.has(c));
      const source = readFileSync(fromUrl(face.woff2, sheet));
      const cut = await subsetFont(source, String.fromCodePoint(...kept), { targetFormat: 'woff2' });
      const name = `${basename(face.woff2).split('.')[0]}-subset.${contentHash(cut)}.woff2`;
      writeFileSync(join(dirname(fromUrl(face.woff2, sheet)), name), cut);
      const missing = [...codePoints].filter((c) => !all.includes(c));
      out = out.replace(face.text, splitFaceRule(face, face.woff2.replace(/[^/]+$/, name), kept, missing));
      before += source.length;
      after += cut.length;
    }
    const renamed = join(dirname(sheet), `${basename(sheet).split('.')[0]}.${contentHash(out)}.css`);
    writeFileSync(renamed, out);
    // Pages link the sheet; a script that loads it (a lazy chunk's CSS) names it without the folder.
    const [from, to] = [basename(sheet), basename(renamed)];
    for (const page of files.filter((f) => /\.(html|js|css)$/.test(f) && f !== sheet)) {
      const text = readFileSync(page, 'utf8');
      if (text.includes(from)) writeFileSync(page, text.replaceAll(from, to));
    }
    rmSync(sheet);
  }
  return { sheets: sheets.length, before, after };
}
