// Makes the site's web fonts in site/fonts/generated/ (not committed): the Fontsource variable fonts
// the site uses, their weight axis cut from 100–900 to the 400–700 the site's CSS asks for (the
// largest share of a variable font's bytes is the data for its axis), every glyph and OpenType
// feature kept (tabular figures, kerning), and a fonts.css with Fontsource's own unicode-range
// subsets, so a page still downloads only the scripts it uses. Runs after `npm install` and before
// `npm run dev` and `npm run build`; does nothing when the files are newer than this script and the
// packages. Usage: node scripts/make-fonts.mjs [--force]
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The weights the site's CSS uses (400 body, 500–650 labels, 700 bold): the axis range kept. */
export const WEIGHTS = { min: 400, max: 700 };
/** Each family's Fontsource package and the style sheets of it the site loads. */
export const FAMILIES = [
  { name: 'source-serif-4', sheets: ['wght.css', 'wght-italic.css'] },
  { name: 'inter', sheets: ['wght.css'] },
  { name: 'jetbrains-mono', sheets: ['wght.css'] },
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'site/fonts/generated');

/**
 * The @font-face rules of a Fontsource style sheet: family, style, the file its src names and its
 * unicode-range. Throws on a rule it cannot read (a new Fontsource layout should fail loudly).
 * @param {string} css
 * @returns {{ family: string, style: string, file: string, unicodeRange: string }[]}
 */
export function parseFontFaces(css) {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body = '']) => {
    const field = (name) => new RegExp(`${name}:\\s*([^;]+);`).exec(body)?.[1]?.trim();
    const family = field('font-family')?.replace(/^'|'$/g, '');
    const style = field('font-style');
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
    const unicodeRange = field('unicode-range');
    if (!family || !style || !file || !unicodeRange) throw new Error(`make-fonts: expected font-family, font-style, a ./files/*.woff2 src and a unicode-range in @font-face {${body}}`);
    return { family, style, file, unicodeRange };
  });
}

/**
 * Every character a CSS unicode-range names ("U+0000-00FF,U+0131"), as one string: the glyphs
 * kept from a file are exactly those its rule can be used for.
 * @param {string} unicodeRange
 */
export function rangeText(unicodeRange) {
  let text = '';
  for (const part of unicodeRange.split(',')) {
    const m = /^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i.exec(part.trim());
    if (!m) throw new Error(`make-fonts: expected a range like U+0000-00FF, got '${part}'`);
    const from = parseInt(m[1] ?? '', 16);
    const to = m[2] === undefined ? from : parseInt(m[2], 16);
    for (let c = from; c <= to; c++) if (c < 0xd800 || c > 0xdfff) text += String.fromCodePoint(c);
  }
  return text;
}

/**
 * One @font-face rule for a generated file: the weight range kept, font-display swap.
 * @param {{ family: string, style: string, file: string, unicodeRange: string }} face
 */
export function fontFaceRule(face) {
  return [
    '@font-face {',
    `  font-family: '${face.family}';`,
    `  font-style: ${face.style};`,
    '  font-display: swap;',
    `  font-weight: ${WEIGHTS.min} ${WEIGHTS.max};`,
    `  src: url(./${face.file}) format('woff2-variations');`,
    `  unicode-range: ${face.unicodeRange};`,
    '}',
  ].join('\n');
}

/** The style sheets' faces, each with the path of its source file. */
function faces() {
  return FAMILIES.flatMap(({ name, sheets }) => {
    const dir = join(root, 'node_modules/@fontsource-variable', name);
    return sheets.flatMap((sheet) => parseFontFaces(readFileSync(join(dir, sheet), 'utf8')).map((face) => ({ ...face, source: join(dir, 'files', face.file) })));
  });
}

/** True when fonts.css is newer than this script and every source package. */
function upToDate() {
  const css = join(OUT, 'fonts.css');
  if (!existsSync(css)) return false;
  const made = statSync(css).mtimeMs;
  const inputs = [fileURLToPath(import.meta.url), ...FAMILIES.map(({ name }) => join(root, 'node_modules/@fontsource-variable', name, 'package.json'))];
  return inputs.every((f) => statSync(f).mtimeMs < made);
}

async function main() {
  if (!process.argv.includes('--force') && upToDate()) return;
  const { default: subsetFont } = await import('subset-font');
  mkdirSync(OUT, { recursive: true });
  const all = faces();
  let before = 0;
  let after = 0;
  for (const face of all) {
    const source = readFileSync(face.source);
    const cut = await subsetFont(source, rangeText(face.unicodeRange), { targetFormat: 'woff2', variationAxes: { wght: WEIGHTS } });
    writeFileSync(join(OUT, face.file), cut);
    before += source.length;
    after += cut.length;
  }
  const header = '/* Made by scripts/make-fonts.mjs from the Fontsource packages: do not edit. */';
  writeFileSync(join(OUT, 'fonts.css'), `${header}\n${all.map(fontFaceRule).join('\n\n')}\n`);
  const kb = (n) => (n / 1024).toFixed(0);
  console.log(`make-fonts: ${all.length} font files, weights ${WEIGHTS.min}–${WEIGHTS.max}: ${kb(before)} KB → ${kb(after)} KB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
