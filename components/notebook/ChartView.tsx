import { scaleLinear } from 'd3-scale';
import type { ChartItem, ChartSeries } from '../../lib/notebook';
import { formatSignificant } from '../../lib/common';
import { Axes } from '../charts/Axes';
import { LineChart, type Series } from '../charts/LineChart';
import { useElementWidth } from '../charts/useElementWidth';
import '../charts/charts.css';

const HEIGHT = 240;
const MARGIN = { top: 10, right: 14, bottom: 34, left: 52 };
const DATA_ROWS = 100;
const colour = (i: number): string => `var(--chart-${(i % 8) + 1})`;

function extent(values: readonly (number | null)[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** A plot() chart: lines on the site's LineChart, or points; with a text summary and the data as tables. */
export function ChartView({ item }: { item: ChartItem }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(480);
  const title = item.title ?? (item.chart === 'line' ? 'Line chart' : 'Scatter plot');
  return (
    <div class="nb-chart" ref={ref}>
      {item.chart === 'line' ? <Lines item={item} title={title} width={width} /> : <Points item={item} title={title} width={width} />}
      <p class="nb-note">
        {item.text}
        {item.note && ` (${item.note})`}
      </p>
      <details class="nb-data">
        <summary>Data</summary>
        {item.series.map((s, i) => (
          <DataTable key={i} series={s} item={item} />
        ))}
      </details>
    </div>
  );
}

function Lines({ item, title, width }: { item: ChartItem; title: string; width: number }) {
  const series: Series[] = item.series.map((s, i) => ({
    key: String(i),
    label: s.label,
    x: s.x.map((v) => v ?? NaN),
    y: s.y.map((v) => v ?? NaN),
    color: colour(i),
    ...(s.dashed ? { dash: '7 5' } : {}),
  }));
  const xDomain = extent(item.series.flatMap((s) => s.x));
  const first = item.series[0];
  const describe = (x: number): string =>
    `${item.xLabel ?? 'x'} = ${formatSignificant(x)}: ` +
    item.series
      .map((s) => {
        const i = nearest(s, x);
        const y = i === undefined ? null : s.y[i];
        return `${s.label} ${y === null || y === undefined ? 'missing' : formatSignificant(y)}`;
      })
      .join(', ');
  return (
    <LineChart
      title={title}
      series={series}
      width={width}
      height={HEIGHT}
      xDomain={xDomain}
      yScale="linear"
      {...(item.xLabel ? { xLabel: item.xLabel } : {})}
      cursorX={(first?.x ?? []).map((v) => v ?? NaN)}
      describe={describe}
      hideLegend={item.series.length === 1}
    />
  );
}

function nearest(s: ChartSeries, x: number): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < s.x.length; i++) {
    const v = s.x[i];
    if (v === null || v === undefined) continue;
    if (best === undefined || Math.abs(v - x) < Math.abs((s.x[best] ?? Infinity) - x)) best = i;
  }
  return best;
}

function Points({ item, title, width }: { item: ChartItem; title: string; width: number }) {
  const x = scaleLinear().domain(extent(item.series.flatMap((s) => s.x))).nice().range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear().domain(extent(item.series.flatMap((s) => s.y))).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  return (
    <figure class="line-chart">
      <figcaption class="line-chart__head">
        <span class="line-chart__title">{title}</span>
        {item.series.length > 1 && (
          <span class="line-chart__legend" aria-hidden="true">
            {item.series.map((s, i) => (
              <span key={i} class="line-chart__key">
                <svg width="10" height="10">
                  <circle cx="5" cy="5" r="4" style={{ fill: colour(i) }} />
                </svg>
                {s.label}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={item.text} class="nb-scatter">
        <Axes x={x} y={y} xTicks={Math.max(2, Math.floor(width / 90))} yTicks={4} {...(item.xLabel ? { xLabel: item.xLabel } : {})} {...(item.yLabel ? { yLabel: item.yLabel } : {})} />
        {item.series.map((s, k) =>
          s.x.map((xv, i) => {
            const yv = s.y[i];
            return xv === null || yv === null || yv === undefined ? null : <circle key={`${k}-${i}`} cx={x(xv)} cy={y(yv)} r={3} style={{ fill: colour(k), fillOpacity: 0.75 }} />;
          }),
        )}
      </svg>
    </figure>
  );
}

function DataTable({ series, item }: { series: ChartSeries; item: ChartItem }) {
  const shown = Math.min(series.x.length, DATA_ROWS);
  const cell = (v: number | null | undefined): string => (v === null || v === undefined ? 'missing' : String(v));
  return (
    <div class="nb-table__scroll" tabIndex={0} role="region" aria-label={`Data of ${series.label}`}>
      <table>
        <caption>
          {series.label}
          {series.x.length > shown && ` (first ${shown} of ${series.x.length} points)`}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="nb-num">
              {item.xLabel ?? 'x'}
            </th>
            <th scope="col" class="nb-num">
              {item.yLabel ?? 'y'}
            </th>
          </tr>
        </thead>
        <tbody>
          {series.x.slice(0, shown).map((xv, i) => (
            <tr key={i}>
              <td class="nb-num">{cell(xv)}</td>
              <td class="nb-num">{cell(series.y[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
