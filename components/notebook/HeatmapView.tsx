import type { HeatmapItem } from '../../lib/notebook';
import { DivergingLegend } from '../charts/DivergingLegend';
import { PixelMap } from '../charts/PixelMap';
import { gridTable } from '../charts/chart-table';
import { absMax } from '../charts/paint';
import { useDivergingColours } from '../charts/theme-colors';
import { useElementWidth } from '../charts/useElementWidth';

/** A display() or plot() heatmap: signed values on the theme's diverging scale, with its key and a text summary. */
export function HeatmapView({ item }: { item: HeatmapItem }) {
  const colours = useDivergingColours();
  const [ref, width] = useElementWidth<HTMLDivElement>(320);
  const values = item.values.map((v) => v ?? NaN);
  const max = absMax(values);
  const cell = Math.max(2, Math.min(28, Math.floor(Math.min(width, 480) / item.columns)));
  return (
    <div ref={ref}>
      <figure class="nb-heatmap">
        {item.title && <figcaption class="nb-chart-title">{item.title}</figcaption>}
        <PixelMap values={values} height={item.rows} width={item.columns} paint={{ kind: 'diverging', max, colours }} cell={cell} label={item.text} exportAs={{ name: item.title ?? 'Heatmap', exportData: () => gridTable(values, item.rows, item.columns) }} />
        <DivergingLegend max={max} label="Value" />
        <p class="nb-note">
          {item.text}
          {item.note && ` (${item.note})`}
        </p>
      </figure>
    </div>
  );
}
