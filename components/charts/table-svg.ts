/**
 * An HTML table of numbers on the page (a value grid) drawn as SVG for a chart export: each cell's
 * box with its computed background, border and outline, its visible text where the page sets it,
 * and the caption; also a plain HTML label. What a screen reader alone hears (.visually-hidden) is
 * left out.
 */
import { escapeXml, styleText, wrapWords } from './svg-text';

/** A box relative to the table's top-left corner, in CSS pixels. */
interface Place {
  x: number;
  y: number;
  width: number;
  height: number;
}

// One pixel to read colours through (made on first use).
let pixel: CanvasRenderingContext2D | null | undefined;

/**
 * A computed colour an SVG file can hold in any viewer: rgb(), or rgba() when translucent
 * (a color-mix() with transparent keeps its alpha); undefined when fully transparent.
 */
export function plainColour(computed: string): string | undefined {
  if (computed === '' || computed === 'transparent' || /^rgba\(.*,\s*0\)$/.test(computed)) return undefined;
  if (/^rgba?\(/.test(computed)) return computed;
  // color(srgb …), oklch(…) and the like: let a canvas turn it into bytes, alpha included.
  pixel ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!pixel) return computed;
  pixel.clearRect(0, 0, 1, 1);
  pixel.fillStyle = computed;
  pixel.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = pixel.getImageData(0, 0, 1, 1).data;
  if (a === 0) return undefined;
  return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round((a / 255) * 1000) / 1000})`;
}

/** The text of `el` a reader sees: its text without the parts only a screen reader gets. */
export function visibleText(el: Element): string {
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
    else if (node instanceof Element && !node.classList.contains('visually-hidden')) text += visibleText(node);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Where `el` is inside `origin`. */
function placeIn(el: Element, origin: DOMRect): Place {
  const r = el.getBoundingClientRect();
  return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
}

const px = (value: string): number => Number.parseFloat(value) || 0;

/** A cell's (or the caption's) box: its background, its border (drawn from the top edge's style), its outline. */
function boxSvg(style: CSSStyleDeclaration, at: Place): string {
  const parts: string[] = [];
  const fill = plainColour(style.backgroundColor);
  const border = style.borderTopStyle === 'none' ? 0 : px(style.borderTopWidth);
  const stroke = border > 0 ? plainColour(style.borderTopColor) : undefined;
  const radius = px(style.borderTopLeftRadius);
  if (fill || stroke) {
    const inset = stroke ? border / 2 : 0;
    const box = `x="${at.x + inset}" y="${at.y + inset}" width="${at.width - 2 * inset}" height="${at.height - 2 * inset}"${radius ? ` rx="${radius}"` : ''}`;
    const dash = style.borderTopStyle === 'dashed' ? String(3 * border) : style.borderTopStyle === 'dotted' ? String(border) : '';
    parts.push(`<rect ${box} style="${styleText([['fill', fill ?? 'none'], ['stroke', stroke ?? 'none'], ['stroke-width', stroke ? String(border) : ''], ['stroke-dasharray', dash]])}"/>`);
  }
  const outline = style.outlineStyle === 'none' ? 0 : px(style.outlineWidth);
  const outlineColour = outline > 0 ? plainColour(style.outlineColor) : undefined;
  if (outlineColour) {
    // The outline's middle line lies offset + width / 2 outside the border edge (inside when the offset is negative).
    const out = px(style.outlineOffset) + outline / 2;
    parts.push(
      `<rect x="${at.x - out}" y="${at.y - out}" width="${at.width + 2 * out}" height="${at.height + 2 * out}" style="${styleText([['fill', 'none'], ['stroke', outlineColour], ['stroke-width', String(outline)]])}"/>`,
    );
  }
  return parts.join('');
}

/** The width of `text` in the font `style` sets, as a canvas measures it (an estimate where there is no canvas). */
function measurer(style: CSSStyleDeclaration): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (ctx) ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return (text) => (ctx ? ctx.measureText(text).width : text.length * px(style.fontSize) * 0.6);
}

/**
 * The text of an element placed as the page sets it: at the start, middle or end of its padding
 * box as it is aligned, centred vertically, broken into lines where the page breaks it (an
 * element taller than one line).
 */
export function textSvg(style: CSSStyleDeclaration, at: Place, text: string): string {
  if (text === '') return '';
  const align = style.textAlign;
  const left = at.x + px(style.borderLeftWidth) + px(style.paddingLeft);
  const right = at.x + at.width - px(style.borderRightWidth) - px(style.paddingRight);
  const [x, anchor] = align === 'center' ? [(left + right) / 2, 'middle'] : align === 'right' || align === 'end' ? [right, 'end'] : [left, 'start'];
  const top = at.y + px(style.borderTopWidth) + px(style.paddingTop);
  const bottom = at.y + at.height - px(style.borderBottomWidth) - px(style.paddingBottom);
  const lineHeight = px(style.lineHeight) || 1.2 * px(style.fontSize);
  const lines = lineHeight > 0 && bottom - top > 1.5 * lineHeight ? wrapWords(text, right - left + 1, measurer(style)) : [text];
  const look = styleText([
    ['font-family', style.fontFamily],
    ['font-size', style.fontSize],
    ['font-weight', style.fontWeight],
    ['font-style', style.fontStyle === 'normal' ? '' : style.fontStyle],
    ['font-variant-numeric', style.fontVariantNumeric === 'normal' ? '' : style.fontVariantNumeric],
    ['fill', plainColour(style.color) ?? 'none'],
    ['text-anchor', anchor],
    ['dominant-baseline', 'central'],
  ]);
  const first = (top + bottom) / 2 - ((lines.length - 1) * lineHeight) / 2;
  return lines.map((line, i) => `<text x="${x}" y="${first + i * lineHeight}" style="${escapeXml(look)}">${escapeXml(line)}</text>`).join('');
}

/** An HTML element's visible text (a label beside a picture, marked data-export="text") as an SVG fragment in its own coordinates. */
export function htmlTextSvgBody(el: Element): string {
  const origin = el.getBoundingClientRect();
  return textSvg(getComputedStyle(el), { x: 0, y: 0, width: origin.width, height: origin.height }, visibleText(el));
}

/** The table as an SVG fragment in its own coordinates (0, 0 at its top-left corner): caption, then every cell in order. */
export function tableSvgBody(table: HTMLTableElement): string {
  const origin = table.getBoundingClientRect();
  const parts: string[] = [];
  const caption = table.caption;
  if (caption && !caption.classList.contains('visually-hidden') && getComputedStyle(caption).display !== 'none') {
    const style = getComputedStyle(caption);
    parts.push(textSvg(style, placeIn(caption, origin), visibleText(caption)));
  }
  for (const cell of Array.from(table.querySelectorAll('th, td'))) {
    const style = getComputedStyle(cell);
    if (style.display === 'none') continue;
    const at = placeIn(cell, origin);
    parts.push(boxSvg(style, at), textSvg(style, at, visibleText(cell)));
  }
  return parts.join('');
}
