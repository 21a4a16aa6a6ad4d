import { scaleBand, scaleLinear } from 'd3-scale';
import { useRef } from 'preact/hooks';
import { formatValue } from '../../lib/common';
import { ChartExport } from './ChartExport';
import './charts.css';

interface Props {
  probabilities: readonly number[];
  width: number;
  height: number;
  /** Each bar's label under it; "class 1", "class 2", … unless given. */
  labels?: readonly string[];
  /** Print each bar's value above it (default); leave them out where the bars are too narrow for them. */
  values?: boolean;
}

const MARGIN = { top: 22, right: 8, bottom: 26, left: 36 };

/** The probabilities as bars, each labelled with its value, with an export control above. Decorative for screen readers: the table beside it has the numbers. */
export function ProbabilityBars({ probabilities, width, height, labels, values = true }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  // Bars at most 72 px wide, centred, so three classes do not look like three walls.
  const plotWidth = Math.min(width - MARGIN.left - MARGIN.right, probabilities.length * 96);
  const left = MARGIN.left + (width - MARGIN.left - MARGIN.right - plotWidth) / 2;
  const x = scaleBand<number>()
    .domain(probabilities.map((_, i) => i))
    .range([left, left + plotWidth])
    .padding(0.25);
  const y = scaleLinear().domain([0, 1]).range([height - MARGIN.bottom, MARGIN.top]);
  return (
    <div class="probability-bars">
      <div class="chart-export-row">
        <ChartExport
          target={svg}
          name="Probabilities"
          title="Softmax probabilities by class"
          exportData={() => ({ columns: ['class', 'probability'], rows: probabilities.map((p, i) => [labels?.[i] ?? i + 1, p]) })}
        />
      </div>
    <svg ref={svg} class="softmax-bars" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line class="axes__grid" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
          <text class="axes__tick" x={MARGIN.left - 6} y={y(t)} dy="0.32em" text-anchor="end">
            {t}
          </text>
        </g>
      ))}
      {probabilities.map((p, i) => {
        const bx = x(i) ?? 0;
        return (
          <g key={i}>
            <rect class="softmax-bars__bar" x={bx} width={x.bandwidth()} y={y(p)} height={Math.max(0, y(0) - y(p))} />
            {values && (
              <text class="softmax-bars__value" x={bx + x.bandwidth() / 2} y={y(p) - 5} text-anchor="middle">
                {formatValue(p, 2)}
              </text>
            )}
            <text class="axes__tick" x={bx + x.bandwidth() / 2} y={height - 8} text-anchor="middle">
              {labels?.[i] ?? `class ${i + 1}`}
            </text>
          </g>
        );
      })}
    </svg>
    </div>
  );
}
