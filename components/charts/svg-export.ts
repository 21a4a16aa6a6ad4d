/**
 * A chart on the page as a standalone SVG file: its SVG layers copied with the theme's computed
 * colours and fonts written into each element (no class or CSS variable left to resolve), its
 * canvas layers embedded as PNG images where they sit, on the theme's background, with a heading
 * (the chart's title and legend) and a <title>. Also the same picture as a PNG at twice its size.
 */
import { escapeXml, styleText, wrapWords } from './svg-text';
import { htmlTextSvgBody, tableSvgBody } from './table-svg';
import { cssColor } from './theme-colors';

export { escapeXml, styleText, wrapWords } from './svg-text';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The picture's pixels per CSS pixel in a PNG export. */
export const PNG_SCALE = 2;

/** A legend entry drawn in the export's heading: a line (a series) or a swatch (a shaded band). */
export interface LegendKey {
  readonly label: string;
  /** A CSS colour, normally a theme variable. */
  readonly color: string;
  readonly dash?: string;
  readonly faint?: boolean;
  readonly kind?: 'line' | 'area';
}

/** What the export draws above the chart. */
export interface ExportHeading {
  readonly title: string;
  readonly legend?: readonly LegendKey[];
}

/** Computed properties written into every exported SVG element: what the charts' CSS sets. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'text-anchor',
  'dominant-baseline',
  'image-rendering',
  'shape-rendering',
  'paint-order',
] as const;

/** Copies the computed value of each of STYLE_PROPERTIES from `source` (on the page) into `copy`'s style attribute, element by element; drops what is not displayed or is marked data-export="skip". */
function inlineStyles(source: Element, copy: Element): void {
  const style = getComputedStyle(source);
  // paint-order only where a chart sets it (a halo behind a label's text): 'normal' on every element would only add bytes.
  const value = (p: (typeof STYLE_PROPERTIES)[number]): string => {
    const v = style.getPropertyValue(p);
    return p === 'paint-order' && v === 'normal' ? '' : v;
  };
  copy.setAttribute('style', styleText(STYLE_PROPERTIES.map((p) => [p, value(p)] as const)));
  copy.removeAttribute('class');
  for (const name of copy.getAttributeNames()) if (name.startsWith('data-') || name.startsWith('aria-')) copy.removeAttribute(name);
  // Any presentation attribute written with a theme variable (fill="var(--chart-1)") gets its colour.
  for (const name of copy.getAttributeNames()) {
    const value = copy.getAttribute(name) ?? '';
    if (name !== 'style' && value.includes('var(')) copy.setAttribute(name, cssColor(value));
  }
  const sources = Array.from(source.children);
  const copies = Array.from(copy.children);
  sources.forEach((child, i) => {
    const twin = copies[i];
    if (!twin) return;
    if (child.getAttribute('data-export') === 'skip' || getComputedStyle(child).display === 'none') twin.remove();
    else inlineStyles(child, twin);
  });
}

/** A copy of an SVG on the page with every element's computed style written into it (no class, CSS variable, data- or aria- attribute left). */
export function inlinedCopy(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  return copy;
}

/** The first colour behind `el` that is not transparent (the widget's or the page's background). */
export function backgroundBehind(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return cssColor('var(--bg)');
}

/** A layer of a chart: an SVG, a canvas, an image, a table of numbers (a value grid), or an HTML label marked data-export="text". */
type Layer = SVGSVGElement | HTMLCanvasElement | HTMLImageElement | HTMLTableElement | HTMLElement;

/** What makes a layer. */
const LAYERS = 'svg, canvas, img, table, [data-export="text"]';

/** A canvas or an image as a PNG data URL (an image already one is used as it is). */
function pictureDataUrl(el: HTMLCanvasElement | HTMLImageElement): string {
  if (el instanceof HTMLCanvasElement) return el.toDataURL('image/png');
  if (el.currentSrc.startsWith('data:image/')) return el.currentSrc;
  const canvas = document.createElement('canvas');
  canvas.width = el.naturalWidth;
  canvas.height = el.naturalHeight;
  canvas.getContext('2d')?.drawImage(el, 0, 0);
  return canvas.toDataURL('image/png');
}

/** The layers that make up a chart, in paint order (nothing inside an export control or inside another layer). */
function layersOf(root: Element): Layer[] {
  if (root.matches(LAYERS)) return [root as Layer];
  return Array.from(root.querySelectorAll<Layer>(LAYERS)).filter(
    (el) => !el.closest('.chart-export') && !el.parentElement?.closest(LAYERS) && el.getBoundingClientRect().width > 0,
  );
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The heading's SVG (title, then the legend wrapped to `width`) and its height. */
function headingSvg(heading: ExportHeading, width: number, font: string, colour: string, muted: string): { svg: string; height: number } {
  const measure = document.createElement('canvas').getContext('2d');
  const textWidth = (text: string, size: number, weight = 400): number => {
    if (!measure) return text.length * size * 0.6;
    measure.font = `${weight} ${size}px ${font}`;
    return measure.measureText(text).width;
  };
  const family = escapeXml(font);
  const titleStyle = styleText([['font-family', family], ['font-size', '13px'], ['font-weight', '600'], ['fill', colour]]);
  const lines = wrapWords(heading.title, width - 8, (text) => textWidth(text, 13, 600));
  const parts = lines.map((line, i) => `<text x="4" y="${15 + 17 * i}" style="${titleStyle}">${escapeXml(line)}</text>`);
  let x = 4;
  let y = 34 + 17 * (lines.length - 1);
  for (const key of heading.legend ?? []) {
    const w = 22 + textWidth(key.label, 11) + 14;
    if (x > 4 && x + w > width) {
      x = 4;
      y += 16;
    }
    const c = cssColor(key.color);
    parts.push(
      key.kind === 'area'
        ? `<rect x="${x}" y="${y - 8}" width="16" height="8" style="${styleText([['fill', c], ['opacity', '0.2']])}"/>`
        : `<line x1="${x}" x2="${x + 16}" y1="${y - 4}" y2="${y - 4}" style="${styleText([['stroke', c], ['stroke-width', '2.5'], ['stroke-dasharray', key.dash ?? 'none'], ['opacity', key.faint ? '0.45' : '1']])}"/>`,
      `<text x="${x + 22}" y="${y}" style="${styleText([['font-family', family], ['font-size', '11px'], ['fill', muted]])}">${escapeXml(key.label)}</text>`,
    );
    x += w;
  }
  return { svg: parts.join(''), height: heading.legend?.length ? y + 10 : 24 + 17 * (lines.length - 1) };
}

/** An exported chart: the SVG file's text and the picture's size in CSS pixels. */
export interface ChartSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly background: string;
}

/**
 * The chart under `root` (an SVG, a canvas, or an element holding them) as a standalone SVG
 * document: xmlns, width, height and viewBox set, a <title>, the theme's background, the heading,
 * then each layer where it is on the page (SVG layers with their styles inlined, canvases and
 * images as embedded PNG images, tables of numbers drawn cell by cell, labels marked data-export="text" as text). Throws if a CSS variable survived, which no file outside the page could read.
 */
export function chartSvg(root: Element, heading: ExportHeading): ChartSvg {
  const found = layersOf(root);
  if (found.length === 0) throw new Error('chartSvg: expected an SVG, canvas, image or table inside the chart, got none (is it drawn yet?)');
  // The picture starts where its first layer does: no blank margin (a drawing centred in a wider
  // frame) and nothing cut off (a drawing scrolled sideways in its frame).
  const boxes = found.map((el) => el.getBoundingClientRect());
  const left = Math.floor(Math.min(...boxes.map((r) => r.left)));
  const top = Math.floor(Math.min(...boxes.map((r) => r.top)));
  const layers = found.map((el, i) => {
    const r = boxes[i] ?? el.getBoundingClientRect();
    return { el, box: { x: r.left - left, y: r.top - top, width: r.width, height: r.height } satisfies Box };
  });
  const width = Math.ceil(Math.max(...layers.map((l) => l.box.x + l.box.width)));
  const plotHeight = Math.ceil(Math.max(...layers.map((l) => l.box.y + l.box.height)));
  const page = getComputedStyle(root);
  const background = backgroundBehind(root);
  const head = headingSvg(heading, width, page.fontFamily, cssColor('var(--text)'), cssColor('var(--text-muted)'));
  const serializer = new XMLSerializer();
  const body = layers.map(({ el, box }) => {
    const place = `x="${box.x}" y="${box.y + head.height}" width="${box.width}" height="${box.height}"`;
    if (el instanceof HTMLTableElement) return `<svg ${place} viewBox="0 0 ${box.width} ${box.height}" overflow="visible">${tableSvgBody(el)}</svg>`;
    if (!(el instanceof SVGSVGElement) && !(el instanceof HTMLCanvasElement) && !(el instanceof HTMLImageElement)) return `<svg ${place} viewBox="0 0 ${box.width} ${box.height}" overflow="visible">${htmlTextSvgBody(el)}</svg>`;
    if (el instanceof HTMLCanvasElement || el instanceof HTMLImageElement) {
      const rendering = getComputedStyle(el).imageRendering === 'pixelated' ? ' style="image-rendering:pixelated" image-rendering="optimizeSpeed"' : '';
      return `<image ${place} preserveAspectRatio="none"${rendering} href="${pictureDataUrl(el)}"/>`;
    }
    const copy = inlinedCopy(el);
    if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${el.width.baseVal.value || box.width} ${el.height.baseVal.value || box.height}`);
    for (const [k, v] of Object.entries({ x: box.x, y: box.y + head.height, width: box.width, height: box.height })) copy.setAttribute(k, String(v));
    return serializer.serializeToString(copy).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '');
  });
  const height = head.height + plotHeight;
  const svg = [
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${escapeXml(heading.title)}</title>`,
    `<rect width="100%" height="100%" style="fill:${background}"/>`,
    head.svg,
    ...body,
    '</svg>\n',
  ].join('');
  if (svg.includes('var(')) throw new Error('chartSvg: expected every colour resolved, got a CSS variable (var(…)) left in the file');
  return { svg, width, height, background };
}

/** The exported SVG drawn at PNG_SCALE pixels per CSS pixel on its background, as PNG bytes. */
export async function chartPng({ svg, width, height, background }: ChartSvg): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * PNG_SCALE);
  canvas.height = Math.round(height * PNG_SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('chartPng: expected a 2-D canvas context, got none');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('chartPng: the browser made no PNG of the chart'))), 'image/png'));
}
