import { scaleLinear, scaleLog } from 'd3-scale';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Axes } from './Axes';
import { cssColor } from './theme-colors';
import { useTheme } from './theme-colors';
import { formatPowerOfTen, logTicks } from './log-ticks';
import { clearedCanvas } from './canvas';
import { ChartExport } from './ChartExport';
import { seriesTable } from './chart-table';
import { type MarkerLabel, placeMarkerLabel } from './marker-label';

/** One line of a chart. */
export interface Series {
  key: string;
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** A CSS colour, normally a theme variable: 'var(--chart-1)'. */
  color: string;
  dash?: string;
  /** Drawn thin and translucent (e.g. the noisy minibatch loss behind the full-data loss). */
  faint?: boolean;
}

interface Props {
  /** Accessible name of the chart, e.g. "Loss over training steps". */
  title: string;
  series: Series[];
  width: number;
  height: number;
  xDomain: [number, number];
  yScale: 'linear' | 'log';
  /** Fixed y-range; by default the range of the finite (and, on a log scale, positive) data. */
  yDomain?: [number, number];
  xLabel?: string;
  /** A horizontal reference line, e.g. the clipping threshold. */
  reference?: { y: number; label: string };
  /** The x-values the cursor steps through (by default the first series' x). */
  cursorX?: ArrayLike<number>;
  /** The sentence describing the data at one x, shown above the chart and read to screen readers. */
  describe(x: number): string;
  /** Hide the legend (when the page shows one elsewhere). */
  hideLegend?: boolean;
  /** The area between two series (by key, at the first one's x-values) shaded, e.g. the gap between train and validation loss. */
  band?: { between: readonly [string, string]; color: string; label: string };
  /** A vertical mark at one x, e.g. where early stopping would stop. */
  marker?: { x: number; label: string };
}

const MARGIN = { top: 10, right: 14, bottom: 34, left: 52 };
/** Opacity of a shaded band (and its legend key). */
const BAND_ALPHA = 0.2;

/** Fills the area between the band's two series, at the x-values they share, point for point. */
function paintBand(ctx: CanvasRenderingContext2D, band: NonNullable<Props['band']>, series: Series[], px: (v: number) => number, py: (v: number) => number): void {
  const lower = series.find((s) => s.key === band.between[0]);
  const upper = series.find((s) => s.key === band.between[1]);
  if (!lower || !upper) return;
  const n = Math.min(lower.x.length, lower.y.length, upper.y.length);
  const points: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = lower.y[i] ?? NaN;
    const b = upper.y[i] ?? NaN;
    if (Number.isFinite(a) && Number.isFinite(b)) points.push([px(lower.x[i] ?? 0), py(a), py(b)]);
  }
  if (points.length < 2) return;
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  for (let i = points.length - 1; i >= 0; i--) ctx.lineTo(points[i]?.[0] ?? 0, points[i]?.[2] ?? 0);
  ctx.closePath();
  ctx.fillStyle = cssColor(band.color);
  ctx.globalAlpha = BAND_ALPHA;
  ctx.fill();
  ctx.globalAlpha = 1;
}

function dataExtent(series: Series[], log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.y.length; i++) {
      const v = s.y[i] ?? NaN;
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!Number.isFinite(lo)) return log ? [1e-3, 1] : [0, 1];
  if (log) return lo === hi ? [lo / 10, hi * 10] : [lo, hi];
  return lo === hi ? [lo - 1, hi + 1] : [Math.min(0, lo), hi];
}

/**
 * A line chart of values over training steps, on a linear or log y-axis, with a cursor driven by
 * pointer or keyboard (arrows step through the recorded points, Home and End jump; End follows the
 * newest point again). The sentence from `describe` is the chart's text alternative.
 * Axes are SVG; the lines are drawn on a canvas over them, because they change on every frame
 * while training and a canvas repaints them far more cheaply than SVG paths.
 */
export function LineChart({ title, series, width, height, xDomain, yScale, yDomain, xLabel, reference, cursorX, describe, hideLegend, band, marker }: Props) {
  const [cursor, setCursor] = useState<number | undefined>(undefined);
  const canvas = useRef<HTMLCanvasElement>(null);
  const plot = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const log = yScale === 'log';
  const [lo, hi] = yDomain ?? dataExtent(series, log);
  const x = scaleLinear().domain(xDomain).range([MARGIN.left, width - MARGIN.right]);
  const y = (log ? scaleLog().domain([lo, hi]).nice() : scaleLinear().domain([lo, hi]).nice()).range([height - MARGIN.bottom, MARGIN.top]);
  const [yLo, yHi] = y.domain() as [number, number];
  // The canvas is drawn in an effect, after the browser has painted this render. The SVG on top
  // (axes, reference line, cursor) uses the domains the canvas was last drawn with, and catches up
  // in the same task as the canvas, so lines and axes never disagree for a frame. (Drawing in a
  // layout effect instead would keep them in step by making every update one long task.)
  const [drawn, setDrawn] = useState<{ x: readonly [number, number]; y: readonly [number, number] }>();
  const sx = drawn ? scaleLinear().domain(drawn.x).range([MARGIN.left, width - MARGIN.right]) : x;
  const sy = drawn ? (log ? scaleLog() : scaleLinear()).domain(drawn.y).range([height - MARGIN.bottom, MARGIN.top]) : y;
  const [svgLo, svgHi] = sy.domain() as [number, number];
  const ticks = log ? logTicks(svgLo, svgHi) : undefined;
  const steps = cursorX ?? series[0]?.x ?? [];
  const index = cursor === undefined ? steps.length - 1 : Math.min(cursor, steps.length - 1);
  const at = steps[index];
  const text = at === undefined ? 'No data yet.' : describe(at);
  const clip = (v: number): number => Math.min(yHi, Math.max(yLo, v));

  useEffect(() => {
    const ctx = clearedCanvas(canvas.current, width, height);
    if (!ctx) return;
    ctx.save();
    ctx.beginPath();
    ctx.rect(MARGIN.left, MARGIN.top, width - MARGIN.left - MARGIN.right, height - MARGIN.top - MARGIN.bottom);
    ctx.clip();
    ctx.lineJoin = 'bevel';
    if (band) paintBand(ctx, band, series, (v) => x(v), (v) => y(clip(v)));
    for (const s of series) {
      ctx.strokeStyle = cssColor(s.color);
      ctx.lineWidth = s.faint ? 1 : 2;
      ctx.globalAlpha = s.faint ? 0.45 : 1;
      ctx.setLineDash(s.dash ? s.dash.split(/\s+/).map(Number) : []);
      ctx.beginPath();
      // One pixel column at a time: where many points share a column, draw only their first,
      // lowest, highest and last (the picture is the same, the work is bounded by the width).
      let column = NaN;
      let first = 0;
      let low = 0;
      let high = 0;
      let last = 0;
      let open = false;
      const flush = (): void => {
        if (Number.isNaN(column)) return;
        if (open) ctx.lineTo(column, first);
        else ctx.moveTo(column, first);
        if (low !== first) ctx.lineTo(column, low);
        if (high !== low) ctx.lineTo(column, high);
        if (last !== high) ctx.lineTo(column, last);
        open = true;
      };
      const n = Math.min(s.x.length, s.y.length);
      for (let i = 0; i < n; i++) {
        const v = s.y[i] ?? NaN;
        if (!Number.isFinite(v) || (log && v <= 0)) {
          flush();
          column = NaN;
          open = false;
          continue;
        }
        const px = Math.round(x(s.x[i] ?? 0));
        const py = y(clip(v));
        if (px !== column) {
          flush();
          column = px;
          first = low = high = last = py;
        } else {
          low = Math.min(low, py);
          high = Math.max(high, py);
          last = py;
        }
      }
      flush();
      ctx.stroke();
    }
    ctx.restore();
    const [x0, x1] = xDomain;
    setDrawn((d) => (d && d.x[0] === x0 && d.x[1] === x1 && d.y[0] === yLo && d.y[1] === yHi ? d : { x: [x0, x1], y: [yLo, yHi] }));
  });

  const onKeyDown = (e: KeyboardEvent): void => {
    const last = steps.length - 1;
    const jump = Math.max(1, Math.round(steps.length / 10));
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -jump, PageUp: jump };
    if (e.key === 'Home') setCursor(0);
    else if (e.key === 'End') setCursor(undefined);
    else if (e.key in moves) {
      const next = Math.max(0, Math.min(last, index + (moves[e.key] ?? 0)));
      setCursor(next === last ? undefined : next);
    } else return;
    e.preventDefault();
  };
  const onPointer = (e: PointerEvent): void => {
    if (steps.length === 0 || (e.pointerType !== 'mouse' && e.buttons === 0)) return;
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const value = sx.invert(((e.clientX - box.left) / box.width) * width);
    let best = 0;
    for (let i = 1; i < steps.length; i++) if (Math.abs((steps[i] ?? 0) - value) < Math.abs((steps[best] ?? 0) - value)) best = i;
    setCursor(best === steps.length - 1 ? undefined : best);
  };

  return (
    <figure class="line-chart">
      <figcaption class="line-chart__head">
        <span class="line-chart__title">{title}</span>
        {!hideLegend && (
          <span class="line-chart__legend" aria-hidden="true">
            {band && (
              <span class="line-chart__key">
                <svg width="18" height="8">
                  <rect x="1" y="0" width="16" height="8" style={{ fill: band.color, opacity: BAND_ALPHA }} />
                </svg>
                {band.label}
              </span>
            )}
            {series.map((s) => (
              <span key={s.key} class="line-chart__key">
                <svg width="18" height="8">
                  <line x1="1" x2="17" y1="4" y2="4" style={{ stroke: s.color, strokeDasharray: s.dash ?? '', strokeWidth: 2.5, opacity: s.faint ? 0.45 : 1 }} />
                </svg>
                {s.label}
              </span>
            ))}
          </span>
        )}
        <ChartExport
          target={plot}
          name={title}
          legend={[...(band ? [{ label: band.label, color: band.color, kind: 'area' as const }] : []), ...series.map(({ label, color, dash, faint }) => ({ label, color, ...(dash ? { dash } : {}), ...(faint ? { faint } : {}) }))]}
          exportData={() => seriesTable(xLabel ?? 'step', series)}
        />
      </figcaption>
      <p class="line-chart__readout">{text}</p>
      <div
        ref={plot}
        class="line-chart__plot"
        role="slider"
        tabIndex={0}
        aria-label={`${title}: step through the recorded points with the arrow keys`}
        aria-valuemin={steps[0] ?? 0}
        aria-valuemax={steps[steps.length - 1] ?? 0}
        aria-valuenow={at ?? 0}
        aria-valuetext={text}
        onKeyDown={onKeyDown}
        onPointerMove={onPointer}
        onPointerDown={onPointer}
        onPointerLeave={(e) => e.pointerType === 'mouse' && setCursor(undefined)}
      >
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
          <Axes
            x={sx}
            y={sy}
            xTicks={Math.max(2, Math.floor(width / 90))}
            yTicks={4}
            {...(ticks ? { yTickValues: ticks, yFormat: formatPowerOfTen } : {})}
            {...(xLabel ? { xLabel } : {})}
          />
          {reference && reference.y >= svgLo && reference.y <= svgHi && (
            <g class="line-chart__reference">
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={sy(reference.y)} y2={sy(reference.y)} />
              <text x={width - MARGIN.right - 4} y={sy(reference.y) - 4} text-anchor="end">
                {reference.label}
              </text>
            </g>
          )}
          {marker && marker.x >= (sx.domain()[0] ?? 0) && marker.x <= (sx.domain()[1] ?? 0) && (
            <g class="line-chart__marker">
              <line x1={sx(marker.x)} x2={sx(marker.x)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
              <MarkerText label={placeMarkerLabel({ at: sx(marker.x), label: marker.label, left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom, points: pixelPoints(series, sx, (v) => sy(Math.min(svgHi, Math.max(svgLo, v)))) })} />
            </g>
          )}
          {at !== undefined && <line class="line-chart__cursor" data-export="skip" x1={sx(at)} x2={sx(at)} y1={MARGIN.top} y2={height - MARGIN.bottom} />}
        </svg>
        <canvas ref={canvas} class="line-chart__lines" data-theme-drawn={theme} style={{ width: `min(100%, ${width}px)`, height: "auto" }} aria-hidden="true" />
      </div>
    </figure>
  );
}

/** A marker's label, a line of text a line. */
function MarkerText({ label }: { label: MarkerLabel }) {
  return (
    <text x={label.x} y={label.y} text-anchor={label.anchor}>
      {label.lines.map((line, i) => (
        <tspan key={i} x={label.x} dy={i === 0 ? 0 : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Every finite point of `series` in pixels. */
function* pixelPoints(series: readonly Series[], px: (x: number) => number, py: (y: number) => number): Generator<[number, number]> {
  for (const s of series) {
    for (let i = 0; i < s.x.length; i++) {
      const yv = s.y[i] ?? NaN;
      if (Number.isFinite(yv)) yield [px(s.x[i] ?? NaN), py(yv)];
    }
  }
}
