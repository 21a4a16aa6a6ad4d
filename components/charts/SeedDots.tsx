import { scaleLinear, scaleLog } from 'd3-scale';
import { useRef } from 'preact/hooks';
import { Axes } from './Axes';
import { ChartExport } from './ChartExport';

/** One seed's value at one x. */
export interface SeedDot {
  readonly x: number;
  readonly seed: number;
  readonly y: number;
}

interface Props {
  /** Accessible name and heading, e.g. "Dropout's difference in final validation loss". */
  title: string;
  /** Every seed's value, a dot each. */
  dots: readonly SeedDot[];
  /** The median over seeds at each x, joined by a line. */
  medians: readonly { readonly x: number; readonly y: number }[];
  /** The x-values the axis labels (e.g. the training sizes run); the x-axis is logarithmic. */
  xValues: readonly number[];
  xLabel: string;
  /** The y-axis' name in the export ("difference in loss"). */
  yLabel: string;
  /** What the zero line means ("no difference"). */
  zeroLabel: string;
  /** The text alternative: a sentence saying what the chart shows. */
  description: string;
  width: number;
  height: number;
}

const MARGIN = { top: 14, right: 16, bottom: 38, left: 56 };
/** Pixels between the dots of neighbouring seeds at one x, so that equal values stay apart. */
const SPREAD_PX = 5;

/**
 * A strip chart of values over seeds: each seed a dot at its x (spread a little sideways so equal
 * values do not hide each other), the median at each x joined by a line, and zero marked. SVG (a
 * few dozen marks); the svg is an image whose name is `description`.
 */
export function SeedDots({ title, dots, medians, xValues, xLabel, yLabel, zeroLabel, description, width, height }: Props) {
  const plot = useRef<HTMLDivElement>(null);
  const xs = xValues.length > 0 ? xValues : [100, 1000];
  const xLo = Math.min(...xs);
  const xHi = Math.max(...xs);
  const x = scaleLog().domain([xLo / 1.35, xHi * 1.35]).range([MARGIN.left, width - MARGIN.right]);
  const ys = [0, ...dots.map((d) => d.y), ...medians.map((m) => m.y)].filter(Number.isFinite);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo || 1) * 0.08;
  const y = scaleLinear().domain([lo - pad, hi + pad]).nice().range([height - MARGIN.bottom, MARGIN.top]);
  const seeds = [...new Set(dots.map((d) => d.seed))].sort((a, b) => a - b);
  const offset = (seed: number): number => (seeds.indexOf(seed) - (seeds.length - 1) / 2) * SPREAD_PX;
  const path = [...medians].sort((a, b) => a.x - b.x).map((m, i) => `${i === 0 ? 'M' : 'L'}${x(m.x).toFixed(1)},${y(m.y).toFixed(1)}`).join('');
  return (
    <figure class="seed-dots">
      <figcaption class="line-chart__head">
        <span class="line-chart__title">{title}</span>
        <span class="line-chart__legend" aria-hidden="true">
          <span class="line-chart__key">
            <svg width="12" height="10">
              <circle cx="6" cy="5" r="3.5" class="seed-dots__dot" />
            </svg>
            a seed
          </span>
          <span class="line-chart__key">
            <svg width="18" height="8">
              <line x1="1" x2="17" y1="4" y2="4" class="seed-dots__median" />
            </svg>
            median
          </span>
        </span>
        <ChartExport
          target={plot}
          name={title}
          exportData={() => ({ columns: [xLabel, 'seed', yLabel], rows: dots.map((d) => [d.x, d.seed, d.y]) })}
        />
      </figcaption>
      <div ref={plot} class="seed-dots__plot">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
          <Axes x={x} y={y} yTicks={5} xTickValues={[...xs]} xFormat={(v) => v.toLocaleString('en')} xLabel={xLabel} />
          <text class="seed-dots__zero-label" x={width - MARGIN.right - 4} y={y(0) - 4} text-anchor="end">
            {zeroLabel}
          </text>
          {path && <path class="seed-dots__median" d={path} />}
          {dots.map((d) => (
            <circle key={`${d.x} ${d.seed}`} class="seed-dots__dot" cx={x(d.x) + offset(d.seed)} cy={y(d.y)} r="3.5" />
          ))}
        </svg>
      </div>
    </figure>
  );
}
