import type { RefObject } from 'preact';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { Axes } from '../charts/Axes';
import type { Curves } from '../../lib/course/activations';
import { SERIES_STYLE } from './model';

interface Props {
  curves: Curves;
  /** Which samples to draw: the function or its derivative. */
  which: 'value' | 'derivative';
  width: number;
  height: number;
  range: number;
  /** The y-range to show. */
  yDomain: [number, number];
  crosshairZ: number;
  epsilon: number;
  title: string;
  /** Each function's value at the crosshair, marked with a dot. */
  points: { name: keyof typeof SERIES_STYLE; y: number }[];
  /** Draw one lane per function under the x-axis marking where it is saturated. */
  lanes: boolean;
  /** The panel's SVG element, for its export. */
  svgRef?: RefObject<SVGSVGElement>;
}

const MARGIN = { top: 26, right: 12, bottom: 38, left: 46 };
const LANE_HEIGHT = 10;

/** Horizontal margins of a panel, for mapping pointer positions onto z. */
export const PANEL_MARGIN_X = { left: MARGIN.left, right: MARGIN.right };

/** One plot of the explorer: curves, saturated regions shaded, and the crosshair. Decorative for screen readers; the readout table carries the numbers. */
export function Panel({ curves, which, width, height, range, yDomain, crosshairZ, epsilon, title, points, lanes, svgRef }: Props) {
  const laneSpace = curves.curves.length * LANE_HEIGHT + 6;
  const plotBottom = height - MARGIN.bottom - laneSpace;
  const x = scaleLinear().domain([-range, range]).range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain(yDomain).range([plotBottom, MARGIN.top]).nice();
  const [yLo, yHi] = y.domain() as [number, number];
  const clampY = (v: number): number => y(Math.min(yHi + (yHi - yLo), Math.max(yLo - (yHi - yLo), v)));
  const path = line<number>()
    .x((_, i) => x(curves.z[i] ?? 0))
    .y((v) => clampY(v))
    .defined((v) => Number.isFinite(v));
  const clipId = `clip-${which}`;
  const top = y.range()[1] ?? 0;
  const bottom = y.range()[0] ?? 0;
  return (
    <svg {...(svgRef ? { ref: svgRef } : {})} class="explorer-panel" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <defs>
        <clipPath id={clipId}>
          <rect x={MARGIN.left} y={top} width={width - MARGIN.left - MARGIN.right} height={bottom - top} />
        </clipPath>
      </defs>
      <text class="explorer-panel__title" x={MARGIN.left} y={16}>
        {title}
      </text>
      <g clip-path={`url(#${clipId})`}>
        {curves.curves.length === 1 && curves.curves.flatMap((c) =>
          c.saturated.map((iv, k) => (
            <rect
              key={`${c.name}-${k}`}
              class="explorer-panel__saturated"
              style={{ fill: SERIES_STYLE[c.name].color }}
              x={x(iv.from)}
              width={Math.max(0.5, x(iv.to) - x(iv.from))}
              y={top}
              height={bottom - top}
            />
          )),
        )}
      </g>
      <Axes x={x} y={y} {...(lanes ? {} : { xLabel: 'z' })} />
      {which === 'derivative' && (
        <g clip-path={`url(#${clipId})`}>
          <rect class="explorer-panel__eps-band" x={MARGIN.left} width={width - MARGIN.left - MARGIN.right} y={y(epsilon)} height={Math.max(1, y(-epsilon) - y(epsilon))} />
        </g>
      )}
      <g clip-path={`url(#${clipId})`}>
        {curves.curves.map((c) => (
          <path
            key={c.name}
            class="explorer-panel__curve"
            d={path(Array.from(which === 'value' ? c.value : c.derivative)) ?? ''}
            style={{ stroke: SERIES_STYLE[c.name].color, strokeDasharray: SERIES_STYLE[c.name].dash }}
          />
        ))}
      </g>
      {lanes && (
        <g class="explorer-panel__lanes">
          <text class="axes__tick" x={MARGIN.left - 6} y={bottom + 30} text-anchor="end">
            |f′|&lt;ε
          </text>
          {curves.curves.map((c, row) => {
            const laneY = bottom + 24 + row * LANE_HEIGHT;
            return (
              <g key={c.name}>
                <rect class="explorer-panel__lane" x={MARGIN.left} y={laneY} width={width - MARGIN.left - MARGIN.right} height={LANE_HEIGHT - 3} />
                {c.saturated.map((iv, k) => (
                  <rect
                    key={k}
                    class="explorer-panel__lane-fill"
                    style={{ fill: SERIES_STYLE[c.name].color }}
                    x={x(iv.from)}
                    width={Math.max(1, x(iv.to) - x(iv.from))}
                    y={laneY}
                    height={LANE_HEIGHT - 3}
                  />
                ))}
              </g>
            );
          })}
        </g>
      )}
      <line class="explorer-panel__crosshair" data-export="skip" x1={x(crosshairZ)} x2={x(crosshairZ)} y1={top} y2={bottom} />
      {points
        .filter((p) => Number.isFinite(p.y) && p.y >= yLo && p.y <= yHi)
        .map((p) => (
          <circle key={p.name} class="explorer-panel__dot" cx={x(crosshairZ)} cy={y(p.y)} r={4} style={{ fill: SERIES_STYLE[p.name].color }} />
        ))}
    </svg>
  );
}
