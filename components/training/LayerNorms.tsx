import { scaleLog } from 'd3-scale';
import { formatValue } from '../widget-kit/format';

interface Props {
  layers: string[];
  norms: Float64Array;
  step: number;
  width: number;
}

const ROW = 15;
const LABEL = 62;
const VALUE = 66;

/** A colour for layer i of n: from orange (first layer) to blue (output), through the theme's palette. */
export function layerColor(i: number, n: number): string {
  const t = n <= 1 ? 1 : i / (n - 1);
  return `color-mix(in oklab, var(--chart-1) ${Math.round(100 * t)}%, var(--chart-4))`;
}

/**
 * The current step's gradient norm of every layer as bars on a log scale, first layer at the top,
 * with the values written out; a table carries the same numbers for screen readers.
 */
export function LayerNorms({ layers, norms, step, width }: Props) {
  const finite = Array.from(norms).filter((v) => Number.isFinite(v) && v > 0);
  const hi = finite.length ? Math.max(...finite) : 1;
  const lo = finite.length ? Math.min(...finite, hi / 10) : 1e-3;
  const x = scaleLog()
    .domain([Math.max(lo / 3, 1e-30), hi * 1.5])
    .range([0, Math.max(10, width - LABEL - VALUE)]);
  const height = layers.length * ROW + 4;
  return (
    <div class="layer-norms">
      <p class="line-chart__title">Gradient norm per layer, step {step} (log scale)</p>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        {layers.map((name, i) => {
          const v = norms[i] ?? NaN;
          const w = Number.isFinite(v) && v > 0 ? Math.max(1, x(v)) : 0;
          return (
            <g key={name} transform={`translate(0 ${i * ROW + 2})`}>
              <text class="axes__tick" x={LABEL - 6} y={ROW / 2} dy="0.32em" text-anchor="end">
                {name.endsWith('(output)') ? 'output' : name}
              </text>
              <rect x={LABEL} y={2} width={w} height={ROW - 5} style={{ fill: layerColor(i, layers.length) }} />
              <text class="axes__tick" x={LABEL + w + 4} y={ROW / 2} dy="0.32em">
                {formatValue(v, 2)}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="visually-hidden">
        <caption>Gradient norm ‖∂L/∂W‖ of each layer at step {step}</caption>
        <tbody>
          {layers.map((name, i) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{formatValue(norms[i] ?? NaN, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
