/**
 * A social preview card (1200 × 630, the size Open Graph and Twitter show large): the course's
 * name and the lesson's number, its title in the site's heading font, the page's address, and a
 * figure of the lesson on a raised panel, in the site's light colours. Rasterised with resvg.
 */
import { Resvg } from '@resvg/resvg-js';
import { cardFontFiles } from './fonts';
import { type Box, esc, px, THEME } from './svg';

/** The card's size in pixels. */
export const CARD = { width: 1200, height: 630 } as const;

/** Where the figure goes: the right-hand panel, inside its padding. */
export const FIGURE_BOX: Box = { x: 680, y: 95, w: 440, h: 440 };

const TEXT_X = 72;
const TEXT_WIDTH = 560;

/** What a card shows. */
export interface CardContent {
  /** Above the title: "Lesson 5", or a tagline. */
  readonly kicker: string;
  readonly title: string;
  /** The site's host name, at the bottom. */
  readonly address: string;
  /** SVG drawn inside FIGURE_BOX. */
  readonly figure: string;
}

/** Renders an SVG document with the card's fonts (and no system font). */
function resvg(svg: string, fontFiles: string[]): Resvg {
  return new Resvg(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Inter' }, fitTo: { mode: 'original' } });
}

/** The drawn width of a line of title text at `size` px, measured by laying it out. */
function titleWidth(text: string, size: number, fontFiles: string[]): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="0" y="150" font-family="Source Serif 4" font-weight="650" font-size="${size}">${esc(text)}</text></svg>`;
  return resvg(svg, fontFiles).getBBox()?.width ?? 0;
}

/**
 * The title broken into lines no wider than `width` at the largest size from 72 px down that
 * needs at most three lines; throws if even 44 px needs more (expected vs got).
 */
export function fitTitle(title: string, width: number, fontFiles: string[]): { size: number; lines: string[] } {
  const words = title.split(/\s+/).filter(Boolean);
  for (let size = 72; size >= 44; size -= 4) {
    const lines: string[] = [];
    for (const word of words) {
      const last = lines.at(-1);
      if (last !== undefined && titleWidth(`${last} ${word}`, size, fontFiles) <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    if (lines.length <= 3 && lines.every((line) => titleWidth(line, size, fontFiles) <= width)) return { size, lines };
  }
  throw new Error(`fitTitle: expected a title that fits three lines of ${width} px at 44 px, got "${title}"`);
}

/** The card as an SVG document. */
export async function cardSvg({ kicker, title, address, figure }: CardContent): Promise<string> {
  const fontFiles = await cardFontFiles();
  const { size, lines } = fitTitle(title, TEXT_WIDTH, fontFiles);
  const lineHeight = Math.round(size * 1.14);
  const panel: Box = { x: FIGURE_BOX.x - 28, y: FIGURE_BOX.y - 28, w: FIGURE_BOX.w + 56, h: FIGURE_BOX.h + 56 };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">
<rect width="${CARD.width}" height="${CARD.height}" fill="${THEME.bg}"/>
<rect width="${CARD.width}" height="10" fill="${THEME.accent}"/>
<text x="${TEXT_X}" y="118" font-family="Inter" font-weight="650" font-size="28" fill="${THEME.accent}">Neural Notebook</text>
<text x="${TEXT_X}" y="158" font-family="Inter" font-weight="500" font-size="26" fill="${THEME.muted}">${esc(kicker)}</text>
${lines.map((line, i) => `<text x="${TEXT_X}" y="${px(200 + size * 0.82 + i * lineHeight)}" font-family="Source Serif 4" font-weight="650" font-size="${size}" fill="${THEME.text}">${esc(line)}</text>`).join('\n')}
<line x1="${TEXT_X}" y1="498" x2="${TEXT_X + 64}" y2="498" stroke="${THEME.accent}" stroke-width="4"/>
<text x="${TEXT_X}" y="548" font-family="Inter" font-weight="500" font-size="24" fill="${THEME.muted}">${esc(address)}</text>
<rect x="${panel.x}" y="${panel.y}" width="${panel.w}" height="${panel.h}" rx="18" fill="${THEME.raised}" stroke="${THEME.border}" stroke-width="2"/>
${figure}
</svg>`;
}

/** The card as a PNG. */
export async function cardPng(content: CardContent): Promise<Buffer> {
  const svg = await cardSvg(content);
  return resvg(svg, await cardFontFiles()).render().asPng();
}
