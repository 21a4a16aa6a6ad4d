/**
 * The site's web fonts carried inside an exported SVG, so that it renders in them anywhere: the
 * page's own @font-face files (the unicode-range subsets fonts.css names) that the SVG's text
 * needs, fetched when the reader exports (the browser's cache usually has them) and written into
 * the SVG as data: URLs. An <img> of the SVG (how the PNG is drawn) may load data: URLs only.
 */
import { embeddedFontFace, facesNeeded, type PageFontFace, type TextRun } from './font-faces';
import type { ChartSvg } from './svg-export';

/** The first url(…) of an @font-face src, resolved against `base`; undefined if it has none. */
function sourceUrl(src: string, base: string): string | undefined {
  const m = /url\(\s*(["']?)(.*?)\1\s*\)/.exec(src);
  if (!m?.[2]) return undefined;
  return m[2].startsWith('data:') ? m[2] : new URL(m[2], base).href;
}

/** The page's @font-face rules with their files' URLs, through @import, @media and @supports (sheets the page may not read are skipped). */
export function pageFontFaces(doc: Document = document): PageFontFace[] {
  const faces: PageFontFace[] = [];
  const visit = (rules: readonly CSSRule[], base: string): void => {
    for (const rule of rules) {
      if (rule instanceof CSSFontFaceRule) {
        const url = sourceUrl(rule.style.getPropertyValue('src'), base);
        const family = rule.style.getPropertyValue('font-family').trim().replace(/^(["'])(.*)\1$/, '$2');
        if (url && family) {
          faces.push({
            family,
            style: rule.style.getPropertyValue('font-style').trim() || 'normal',
            weight: rule.style.getPropertyValue('font-weight').trim(),
            unicodeRange: rule.style.getPropertyValue('unicode-range').trim(),
            url,
          });
        }
      } else if (rule instanceof CSSImportRule && rule.styleSheet) visit(readRules(rule.styleSheet), rule.styleSheet.href ?? base);
      else if (rule instanceof CSSGroupingRule) visit(Array.from(rule.cssRules), base);
    }
  };
  for (const sheet of Array.from(doc.styleSheets)) visit(readRules(sheet), sheet.href ?? doc.baseURI);
  return faces;
}

/** A sheet's rules, or none where the browser refuses to show them (another origin's sheet). */
function readRules(sheet: CSSStyleSheet): CSSRule[] {
  try {
    return Array.from(sheet.cssRules);
  } catch {
    return [];
  }
}

/** Every piece of text an SVG file draws, with the font-family and font-style it is drawn in (from its own style or the nearest ancestor's). */
export function textRuns(svg: string): TextRun[] {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const inherited = (el: Element, property: string): string => {
    for (let at: Element | null = el; at; at = at.parentElement) {
      const value = at instanceof SVGElement ? at.style.getPropertyValue(property) : '';
      if (value) return value;
    }
    return '';
  };
  return Array.from(doc.querySelectorAll('text, tspan'), (el) => ({
    families: inherited(el, 'font-family'),
    style: inherited(el, 'font-style') || 'normal',
    text: Array.from(el.childNodes, (n) => (n.nodeType === Node.TEXT_NODE ? (n.textContent ?? '') : '')).join(''),
  }));
}

/** The media type of a font file from its name. */
function fontType(url: string): string {
  const ext = /\.(woff2|woff|ttf|otf)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return ext ? `font/${ext}` : 'application/octet-stream';
}

/** A font file as a data: URL (as it is if it is one already). Throws if it cannot be fetched. */
async function fontDataUrl(url: string): Promise<string> {
  if (url.startsWith('data:')) return url;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fontDataUrl: expected the font ${url}, got HTTP ${response.status}`);
  const file = new Blob([await response.arrayBuffer()], { type: fontType(url) });
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('fontDataUrl: could not read the font'));
    reader.readAsDataURL(file);
  });
}

/**
 * The exported SVG with the fonts its text uses embedded: a <style> of @font-face rules with
 * data: URLs right after its <title>. A font that cannot be fetched is left out (the SVG then names
 * it, as before, and a viewer without it falls back); so is everything, if reading the page fails.
 */
export async function withEmbeddedFonts(picture: ChartSvg): Promise<ChartSvg> {
  try {
    const faces = facesNeeded(pageFontFaces(), textRuns(picture.svg));
    const rules = await Promise.all(faces.map((face) => fontDataUrl(face.url).then((url) => embeddedFontFace(face, url), () => '')));
    const css = rules.filter((r) => r !== '').join('\n');
    if (css === '') return picture;
    const at = picture.svg.indexOf('</title>');
    if (at < 0) return picture;
    const end = at + '</title>'.length;
    return { ...picture, svg: `${picture.svg.slice(0, end)}<defs><style><![CDATA[\n${css}\n]]></style></defs>${picture.svg.slice(end)}` };
  } catch {
    return picture;
  }
}
