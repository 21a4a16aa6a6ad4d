import type { ScaleContinuousNumeric } from 'd3-scale';

type Scale = ScaleContinuousNumeric<number, number>;

interface Props {
  x: Scale;
  y: Scale;
  /** Approximate number of ticks on each axis. */
  xTicks?: number;
  yTicks?: number;
  /** Explicit y tick values and their format (e.g. powers of ten on a log scale). */
  yTickValues?: number[];
  yFormat?: (value: number) => string;
  /** Explicit x tick values (e.g. the training sizes a chart has data at). */
  xTickValues?: number[];
  xFormat?: (value: number) => string;
  xLabel?: string;
  yLabel?: string;
}

const minus = (text: string): string => text.replace('-', '−');

/**
 * Axes, grid lines and the zero lines of a 2-D plot, drawn from d3 scales as SVG (Preact renders
 * the elements; d3 computes ticks and formats). Colours come from the theme's CSS variables.
 */
export function Axes({ x, y, xTicks = 6, yTicks = 5, yTickValues, yFormat, xTickValues, xFormat, xLabel, yLabel }: Props) {
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];
  const formatX = xFormat ?? x.tickFormat(xTicks);
  const formatY = yFormat ?? y.tickFormat(yTicks);
  const [xMin, xMax] = x.domain() as [number, number];
  const [yMin, yMax] = y.domain() as [number, number];
  // A tick label centred on the axis' right end would overhang the plot's narrow right margin
  // ("2,000" lost its last digit at 375 px): it ends there instead.
  const atRightEnd = (at: number): boolean => Math.abs(at - Math.max(x0, x1)) < 0.5;
  return (
    <g class="axes" aria-hidden="true">
      {(yTickValues ?? y.ticks(yTicks)).map((t) => (
        <g key={`y${t}`}>
          <line class="axes__grid" x1={x0} x2={x1} y1={y(t)} y2={y(t)} />
          <text class="axes__tick" x={x0 - 6} y={y(t)} dy="0.32em" text-anchor="end">
            {minus(formatY(t))}
          </text>
        </g>
      ))}
      {(xTickValues ?? x.ticks(xTicks)).map((t) => (
        <g key={`x${t}`}>
          <line class="axes__grid" x1={x(t)} x2={x(t)} y1={y0} y2={y1} />
          <text class="axes__tick" x={x(t)} y={y0 + 16} text-anchor={atRightEnd(x(t)) ? 'end' : 'middle'}>
            {minus(formatX(t))}
          </text>
        </g>
      ))}
      {yMin < 0 && yMax > 0 && <line class="axes__zero" x1={x0} x2={x1} y1={y(0)} y2={y(0)} />}
      {xMin < 0 && xMax > 0 && <line class="axes__zero" x1={x(0)} x2={x(0)} y1={y0} y2={y1} />}
      <rect class="axes__frame" x={x0} y={y1} width={x1 - x0} height={y0 - y1} />
      {xLabel && (
        <text class="axes__label" x={x1} y={y0 + 32} text-anchor="end">
          {xLabel}
        </text>
      )}
      {yLabel && (
        <text class="axes__label" x={x0} y={y1 - 8} text-anchor="start">
          {yLabel}
        </text>
      )}
    </g>
  );
}
