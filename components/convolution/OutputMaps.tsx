import { useMemo } from 'preact/hooks';
import { gridTable } from '../charts/chart-table';
import { DivergingLegend } from '../charts/DivergingLegend';
import { ExportFrame } from '../charts/ExportFrame';
import { GridCursor } from '../sliding-window/GridCursor';
import type { Cell } from '../sliding-window/grid-keys';
import { absMax, type Paint } from '../charts/paint';
import { PixelMap } from '../charts/PixelMap';
import { formatDecimals } from '../../lib/common';
import { useDivergingColours } from '../charts/theme-colors';

interface Props {
  /** The engine's output (C_out, H_out, W_out), or undefined while it is computed. */
  data: Float64Array | undefined;
  outChannels: number;
  height: number;
  width: number;
  filter: number;
  at: Cell;
  /** Selects a filter and an output cell. */
  onSelect(filter: number, cell: Cell): void;
  /** Width available, in CSS pixels. */
  available: number;
  /** What a screen reader announces for the selected cell. */
  valueText: string;
}

const MAX_CELL = 14;
const GAP = 12;

/** The C_out feature maps on one diverging colour scale; the selected one is the keyboard control of the window. */
export function OutputMaps({ data, outChannels, height, width, filter, at, onSelect, available, valueText }: Props) {
  const colours = useDivergingColours();
  const perRow = Math.min(outChannels, 2);
  const cell = Math.min(MAX_CELL, (available - 4 - (perRow - 1) * GAP) / perRow / width);
  const plane = height * width;
  const planes = useMemo(
    () => Array.from({ length: outChannels }, (_, f) => (data ? data.subarray(f * plane, (f + 1) * plane) : undefined)),
    [data, outChannels, plane],
  );
  // Each map on its own scale, so a weak filter is as readable as a strong one; the captions give each scale.
  const paints = useMemo(
    () => planes.map((values): { max: number; paint: Paint } => {
      const max = values ? absMax(values) : 1;
      return { max, paint: { kind: 'diverging', max, colours } };
    }),
    [planes, colours],
  );

  return (
    <div class="output-maps">
      <p class="map-title">
        Output <var>y</var>: {outChannels} × {height} × {width}
      </p>
      <div class="output-maps__grid" aria-busy={data ? undefined : 'true'}>
        {planes.map((values, f) => {
          const map = values ? (
            <PixelMap
              values={values}
              height={height}
              width={width}
              paint={paints[f]?.paint ?? { kind: 'gray' }}
              cell={cell}
              marks={f === filter ? [{ ...at, kind: 'selected' }] : []}
              onPick={(c) => onSelect(f, c)}
            />
          ) : (
            <div class="output-maps__pending" style={{ width: `${width * cell}px`, height: `${height * cell}px` }}>
              Computing…
            </div>
          );
          const max = formatDecimals(paints[f]?.max ?? 0);
          return (
            <ExportFrame
              key={f}
              class={`output-maps__map ${f === filter ? 'output-maps__map--selected' : ''}`}
              style={{ width: `${Math.floor(width * cell)}px` }}
              caption={`Filter ${f}${f === filter ? ' (selected)' : ''}${values ? `, scale ±${max}` : ''}`}
              name={`Output map filter ${f}`}
              title={`Output map, filter ${f}`}
              legend={[
                { label: `+${max}`, color: 'var(--chart-1)' },
                { label: `−${max}`, color: 'var(--chart-2)' },
              ]}
              {...(values ? { exportData: () => gridTable(values, height, width, 0) } : {})}
            >
              {/* The export control sits beside the caption, outside this keyboard control. */}
              {f === filter ? (
                <GridCursor label={`Output cell of filter ${f} (arrow keys move the window)`} rows={height} cols={width} at={at} onMove={(c) => onSelect(f, c)} valueText={valueText}>
                  {map}
                </GridCursor>
              ) : (
                map
              )}
            </ExportFrame>
          );
        })}
      </div>
      <DivergingLegend max={paints[filter]?.max ?? 1} label={outChannels > 1 ? `Output of filter ${filter} (each map has its own scale)` : 'Output value'} />
    </div>
  );
}
