import { useMemo, useRef } from 'preact/hooks';
import type { MethodId } from '../../lib/course/hyperparameter-search';
import { ChartExport, type ChartExportSpec } from '../charts/ChartExport';
import { METHOD_STYLE } from './model';

/** A sample drawn on the map: where (unit square), whose, and how long it trained. */
export interface MapPoint {
  x: readonly number[];
  method: MethodId;
  fidelity: number;
}

interface Props {
  /** Accessible name; the map's text alternative, with what it shows in words. */
  label: string;
  /** side × side values, row j (second coordinate j/(side − 1)) by row. */
  values: readonly number[];
  side: number;
  /** Values at lo and below get the strongest colour, at hi and above the weakest. */
  range: readonly [number, number];
  points?: readonly MapPoint[];
  /** Tick labels at the start, middle and end of each axis, and the axes' names. */
  xTicks: readonly string[];
  yTicks: readonly string[];
  xLabel: string;
  yLabel: string;
  /** An export control (SVG, PNG, CSV) above the map. */
  exportAs?: ChartExportSpec;
}

const LEFT = 52;
const TOP = 8;
const PLOT = 240;
const BOTTOM = 40;

/** The marker of a method at (cx, cy) with size r. */
function Mark({ method, cx, cy, r }: { method: MethodId; cx: number; cy: number; r: number }) {
  const { color, mark } = METHOD_STYLE[method];
  const style = { fill: color, stroke: 'var(--bg-raised)', strokeWidth: 1 };
  switch (mark) {
    case 'square':
      return <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} style={style} />;
    case 'circle':
      return <circle cx={cx} cy={cy} r={r} style={style} />;
    case 'diamond':
      return <polygon points={`${cx},${cy - 1.3 * r} ${cx + 1.3 * r},${cy} ${cx},${cy + 1.3 * r} ${cx - 1.3 * r},${cy}`} style={style} />;
    case 'triangle':
      return <polygon points={`${cx},${cy - 1.3 * r} ${cx + 1.2 * r},${cy + r} ${cx - 1.2 * r},${cy + r}`} style={style} />;
  }
}

/** A heatmap of a function on the unit square (the lower, the stronger the colour), with the samples of the methods on top. */
export function SurfaceMap({ label, values, side, range, points = [], xTicks, yTicks, xLabel, yLabel, exportAs }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const [lo, hi] = range;
  const cell = PLOT / (side - 1);
  const px = (u: number): number => LEFT + u * PLOT;
  const py = (v: number): number => TOP + (1 - v) * PLOT;
  const shade = (v: number): string => {
    const t = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0;
    return `color-mix(in srgb, var(--chart-5) ${Math.round(90 - 85 * t)}%, var(--bg-raised))`;
  };
  const at = [0, 0.5, 1];
  // The cells change only with the values and the range, not with every trial that streams in.
  const cells = useMemo(
    () =>
      values.map((v, k) => {
        const i = k % side;
        const j = Math.floor(k / side);
        return <rect key={k} x={px(i / (side - 1)) - cell / 2} y={py(j / (side - 1)) - cell / 2} width={cell + 0.3} height={cell + 0.3} style={{ fill: shade(v) }} />;
      }),
    [values, side, lo, hi],
  );
  const map = (
    <svg ref={svg} class="surface-map" viewBox={`0 0 ${LEFT + PLOT + cell / 2 + 6} ${TOP + PLOT + BOTTOM}`} role="img" aria-label={label}>
      <g>{cells}</g>
      {points.map((p, k) => (
        <Mark key={k} method={p.method} cx={px(p.x[0] ?? 0)} cy={py(p.x[1] ?? 0)} r={2 + 2.5 * Math.sqrt(p.fidelity)} />
      ))}
      <g class="surface-map__axis" aria-hidden="true">
        {at.map((u, k) => (
          <text key={`x${k}`} x={px(u)} y={TOP + PLOT + cell / 2 + 14} text-anchor="middle">
            {xTicks[k]}
          </text>
        ))}
        {at.map((v, k) => (
          <text key={`y${k}`} x={LEFT - cell / 2 - 4} y={py(v) + 4} text-anchor="end">
            {yTicks[k]}
          </text>
        ))}
        <text x={px(0.5)} y={TOP + PLOT + BOTTOM - 4} text-anchor="middle" class="surface-map__name">
          {xLabel}
        </text>
        <text x={12} y={py(0.5)} text-anchor="middle" class="surface-map__name" transform={`rotate(-90 12 ${py(0.5)})`}>
          {yLabel}
        </text>
      </g>
    </svg>
  );
  if (!exportAs) return map;
  return (
    <>
      <div class="chart-export-row">
        <ChartExport target={svg} {...exportAs} />
      </div>
      {map}
    </>
  );
}
