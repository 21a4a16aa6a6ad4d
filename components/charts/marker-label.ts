import { wrapWords } from './svg-text';

/** A chart marker's label as drawn: where its lines start, how they are anchored, and the lines. */
export interface MarkerLabel {
  readonly x: number;
  /** The first line's baseline. */
  readonly y: number;
  readonly anchor: 'start' | 'end';
  readonly lines: readonly string[];
}

/** Pixel size of the label's text and its line spacing (charts.css: .line-chart__marker text). */
const FONT_PX = 11;
const LINE_PX = 13;
/** Gap between the marker's line and its label, and between the label and the plot's edge. */
const GAP = 4;
/** Average width of a character of the UI font at FONT_PX, as a share of the size (Inter: about 0.55). */
const CHAR_EM = 0.58;

/** What the label needs to know of the chart, in pixels. */
export interface MarkerPlace {
  /** The marker's x. */
  readonly at: number;
  readonly label: string;
  /** The plot area. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** Every data point drawn, as pixel positions. */
  readonly points: Iterable<readonly [number, number]>;
}

/**
 * Places a marker's label beside its line on the side with more room, wrapped to that room, at
 * the top of the plot unless the lines pass there (then at the bottom, if they leave it free):
 * a label over the curves, or over the axis' tick labels, is hard to read on a narrow screen.
 */
export function placeMarkerLabel({ at, label, left, right, top, bottom, points }: MarkerPlace): MarkerLabel {
  const onLeft = at - left > right - at;
  const room = Math.max(FONT_PX * 6, (onLeft ? at - left : right - at) - 2 * GAP);
  const width = (text: string): number => text.length * FONT_PX * CHAR_EM;
  const lines = wrapWords(label, room, width);
  const span = Math.min(room, Math.max(...lines.map(width)));
  const x = onLeft ? at - GAP : at + GAP;
  const [x0, x1] = onLeft ? [x - span, x] : [x, x + span];
  const height = lines.length * LINE_PX;
  const crosses = (y0: number, y1: number): boolean => {
    for (const [px, py] of points) if (px >= x0 && px <= x1 && py >= y0 && py <= y1) return true;
    return false;
  };
  const atTop = !crosses(top, top + height + GAP) || crosses(bottom - height - GAP, bottom);
  const firstBaseline = atTop ? top + FONT_PX : bottom - GAP - (lines.length - 1) * LINE_PX;
  return { x, y: firstBaseline, anchor: onLeft ? 'end' : 'start', lines };
}
