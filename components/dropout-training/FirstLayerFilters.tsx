import { useId, useRef } from 'preact/hooks';
import { formatFixed } from '../../lib/common';
import { firstLayerFilters, type FirstLayerFilters as Filters, type NetworkParameters } from '../../lib/course/dropout';
import { DivergingLegend } from '../charts/DivergingLegend';
import { absMax } from '../charts/paint';
import { PixelMap } from '../charts/PixelMap';
import { planesTable } from '../charts/chart-table';
import { ExportFrame } from '../charts/ExportFrame';
import { useDivergingColours } from '../charts/theme-colors';

interface Props {
  runs: readonly { name: string; short: string; network: NetworkParameters | undefined }[];
  /** Size of one weight in CSS pixels. */
  cell: number;
}

const w2 = (v: number | undefined): string => formatFixed(v ?? 0, 2);

/** One kernel's weights row by row, and its bias, in words. */
function describeFilter(filters: Filters, k: number): string {
  const n = filters.size * filters.size;
  const rows = Array.from({ length: filters.size }, (_, r) => Array.from(filters.weights.subarray(k * n + r * filters.size, k * n + (r + 1) * filters.size), w2).join(', '));
  return `weights row by row: ${rows.join('; ')}; bias ${w2(filters.bias[k])}`;
}

/** Each run's first-layer filters as small images on one diverging colour scale, with each filter's weights in words. */
export function FirstLayerFilters({ runs, cell }: Props) {
  const colours = useDivergingColours();
  const title = useId();
  const filters = runs.map((r) => (r.network ? firstLayerFilters(r.network) : undefined));
  // A run that restarts (a setting changed) has no network for a few frames: blank tiles of the
  // last filters' shape hold its place, so the page below does not jump up and back.
  const lastShape = useRef<{ count: number; size: number }>();
  const known = filters.find((f) => f !== undefined);
  if (known) lastShape.current = { count: known.count, size: known.size };
  const shape = lastShape.current;
  // One scale for both runs, so that their filters compare.
  const max = Math.max(...filters.map((f) => (f ? absMax(f.weights) : 0)), 1e-9);
  const paint = { kind: 'diverging' as const, max, colours };
  return (
    <section class="first-filters" aria-labelledby={title}>
      <h3 id={title} class="first-filters__title">
        First-layer filters
      </h3>
      <p class="first-filters__intro">
        The kernels of each run's first convolution: what each of its filters looks for in a 3 × 3 patch of the digit. Both runs start from the same
        weights; they change at the end of every epoch.
      </p>
      {runs.map((run, i) => {
        const f = filters[i];
        /** How many tiles and their side: this run's filters, or while it restarts, the last shape seen. */
        const tiles = f ?? shape;
        return (
          <ExportFrame
            key={run.short}
            class="first-filters__run"
            caption={`${run.name}${run.network ? `, after epoch ${run.network.epoch}` : ': waiting for the network…'}`}
            name={`${run.short} first-layer filters`}
            title={`${run.short}: first-layer filters${run.network ? `, after epoch ${run.network.epoch}` : ''}`}
            {...(f ? { exportData: () => planesTable(f.weights, Array.from({ length: f.count }, (_, k) => String(k + 1)), f.size, f.size, 1, 'filter') } : {})}
          >
            {tiles && (
              <ul class="first-filters__list" aria-hidden={f ? undefined : 'true'}>
                {Array.from({ length: tiles.count }, (_, k) => (
                  <li key={k}>
                    {f ? (
                      <PixelMap
                        values={f.weights.subarray(k * f.size * f.size, (k + 1) * f.size * f.size)}
                        height={f.size}
                        width={f.size}
                        paint={paint}
                        cell={cell}
                        label={`${run.short}, filter ${k + 1}: ${describeFilter(f, k)}`}
                        class="first-filters__map"
                      />
                    ) : (
                      <div class="pixel-map first-filters__map first-filters__blank" style={{ width: `${tiles.size * cell}px`, height: `${tiles.size * cell}px` }} />
                    )}
                    <span aria-hidden="true" data-export="text">
                      {k + 1}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </ExportFrame>
        );
      })}
      <DivergingLegend max={max} label="Weight (one scale for both runs)" />
    </section>
  );
}
