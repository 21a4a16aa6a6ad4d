import { useEffect, useRef } from 'preact/hooks';
import { paintRgba, type Paint } from './paint';
import type { ChartExportSpec } from './ChartExport';
import { ExportFrame } from './ExportFrame';
import './charts.css';

/** A cell of a grid: its row and column. */
export interface Cell {
  row: number;
  col: number;
}

/** A cell outlined on top of the map. */
export interface Mark extends Cell {
  /** window: a cell the kernel reads; padding: one it reads from the zero padding; selected: the current output cell. */
  kind: 'window' | 'padding' | 'selected';
}

interface Props {
  /** Planes of height × width values, row-major (three planes for paint 'rgb'). */
  values: ArrayLike<number>;
  height: number;
  width: number;
  paint: Paint;
  /** Size of one cell in CSS pixels. */
  cell: number;
  /** Cells of zero padding drawn around the map (a dashed ring). */
  pad?: number;
  marks?: readonly Mark[];
  /** A dashed box around a window's whole span, in map coordinates (may reach into the padding). */
  span?: { row: number; col: number; size: number };
  /** Called with the cell under the pointer when the map is pressed or dragged over (may be in the padding). */
  onPick?(cell: Cell): void;
  /** Accessible name; without one the map is hidden from screen readers (its text equivalent is elsewhere). */
  label?: string;
  /** Extra class on the frame. */
  class?: string;
  /** Give the map an export control above it (where it stands alone as a chart, not one of a grid of maps). */
  exportAs?: ChartExportSpec;
}

/**
 * A map of numbers drawn one canvas pixel per cell and scaled up without smoothing, with an SVG
 * layer on top for the sliding window and the selected cell, and an optional ring of padding.
 */
export function PixelMap({ exportAs, ...props }: Props) {
  if (!exportAs) return <MapLayers {...props} />;
  return (
    <ExportFrame class="pixel-map-export" style={{ width: `${(props.width + 2 * (props.pad ?? 0)) * props.cell}px`, maxWidth: '100%' }} {...exportAs}>
      <MapLayers {...props} />
    </ExportFrame>
  );
}

/** The map itself: its canvas, the overlay of marks, and pointer picking. */
function MapLayers({ values, height, width, paint, cell, pad = 0, marks = [], span, onPick, label, class: className }: Omit<Props, 'exportAs'>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || height < 1 || width < 1) return;
    ctx.putImageData(new ImageData(paintRgba(values, height, width, paint), width, height), 0, 0);
  }, [values, height, width, paint]);

  const outerW = (width + 2 * pad) * cell;
  const outerH = (height + 2 * pad) * cell;
  const pick = (e: PointerEvent): void => {
    if (!onPick || (e.type === 'pointermove' && e.buttons === 0)) return;
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const col = Math.floor(((e.clientX - box.left) / box.width) * (width + 2 * pad)) - pad;
    const row = Math.floor(((e.clientY - box.top) / box.height) * (height + 2 * pad)) - pad;
    onPick({ row, col });
  };
  const stroke = Math.max(0.08, Math.min(0.25, 2 / cell));

  return (
    <div
      class={`pixel-map ${pad > 0 ? 'pixel-map--padded' : ''} ${onPick ? 'pixel-map--pickable' : ''} ${className ?? ''}`}
      style={{ width: `${outerW}px`, height: `${outerH}px` }}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
      onPointerDown={pick}
      onPointerMove={pick}
    >
      <canvas
        ref={canvas}
        width={Math.max(1, width)}
        height={Math.max(1, height)}
        style={{ left: `${pad * cell}px`, top: `${pad * cell}px`, width: `${width * cell}px`, height: `${height * cell}px` }}
      />
      <svg class="pixel-map__overlay" viewBox={`${-pad} ${-pad} ${width + 2 * pad} ${height + 2 * pad}`} width={outerW} height={outerH}>
        {span && (
          <rect class="pixel-map__span" x={span.col} y={span.row} width={span.size} height={span.size} style={{ strokeWidth: stroke }} />
        )}
        {marks.map((m) => (
          <rect
            key={`${m.kind}-${m.row}-${m.col}`}
            class={`pixel-map__mark pixel-map__mark--${m.kind}`}
            x={m.col + stroke / 2}
            y={m.row + stroke / 2}
            width={1 - stroke}
            height={1 - stroke}
            style={{ strokeWidth: stroke }}
          />
        ))}
      </svg>
    </div>
  );
}
