/** Small SVG pieces the social preview cards draw their figures with: a box, scales, lines, cells. */

/** A rectangle in the card's pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The site's light theme (site/styles/global.css): the card uses the page's own colours. */
export const THEME = {
  bg: '#fcfbf8',
  raised: '#ffffff',
  surface: '#f3f1ea',
  text: '#1c1d21',
  muted: '#555864',
  border: '#dedbd1',
  accent: '#1f4fbf',
  axis: '#6b6e78',
  grid: '#e8e5dc',
  chart: ['#2a5fd0', '#c7336f', '#18845c', '#b0560b', '#7141c9', '#5d6470', '#0f7f8f', '#8a6d00'],
} as const;

/** Text escaped for SVG. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number rounded to 0.01 px, as SVG text. */
export const px = (v: number): string => String(Math.round(v * 100) / 100);

/** A linear map from [d0, d1] onto [r0, r1]. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** A polyline through points, clipped to nothing (callers keep their values in range). */
export function polyline(points: readonly (readonly [number, number])[], stroke: string, width = 4, extra = ''): string {
  return `<polyline fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round" ${extra} points="${points.map(([x, y]) => `${px(x)},${px(y)}`).join(' ')}"/>`;
}

/** A label in the interface font. */
export function label(x: number, y: number, text: string, { size = 22, fill = THEME.muted, anchor = 'start', weight = 500 }: { size?: number; fill?: string; anchor?: 'start' | 'middle' | 'end'; weight?: number } = {}): string {
  return `<text x="${px(x)}" y="${px(y)}" font-family="Inter" font-weight="${weight}" font-size="${size}" fill="${fill}" text-anchor="${anchor}">${esc(text)}</text>`;
}

/** A grid of cells, row by row, each filled with `fill(value)`; `stroke` outlines each cell. */
export function cells(box: Box, rows: number, cols: number, values: ArrayLike<number>, fill: (v: number, i: number) => string, stroke = ''): string {
  const w = box.w / cols;
  const h = box.h / rows;
  let out = '';
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      out += `<rect x="${px(box.x + c * w)}" y="${px(box.y + r * h)}" width="${px(w)}" height="${px(h)}" fill="${fill(values[i] ?? 0, i)}" shape-rendering="crispEdges"${stroke ? ` stroke="${stroke}" stroke-width="1"` : ''}/>`;
    }
  }
  return out;
}

/** A colour between two hex colours, t in [0, 1]. */
export function mix(a: string, b: string, t: number): string {
  const ch = (hex: string, i: number): number => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const k = Math.min(1, Math.max(0, t));
  return `rgb(${[0, 1, 2].map((i) => Math.round(ch(a, i) + (ch(b, i) - ch(a, i)) * k)).join(' ')})`;
}

/** Axes through a plot box: a horizontal line at y = `zeroY` and a vertical one at x = `zeroX`. */
export function axes(box: Box, zeroX: number, zeroY: number): string {
  return `<line x1="${px(box.x)}" y1="${px(zeroY)}" x2="${px(box.x + box.w)}" y2="${px(zeroY)}" stroke="${THEME.axis}" stroke-width="2"/><line x1="${px(zeroX)}" y1="${px(box.y)}" x2="${px(zeroX)}" y2="${px(box.y + box.h)}" stroke="${THEME.axis}" stroke-width="2"/>`;
}
