import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dataset } from '../../lib/ml/datasets';
import { formatFixed } from '../../lib/common';
import { useTheme } from './theme-colors';
import { type Rgb, themeColors } from './theme-colors';
import { ChartExport } from './ChartExport';
import { boundaryTable } from './training-tables';
import './charts.css';

interface Props {
  /** P(class 1) on a resolution × resolution grid, rows from the top. */
  boundary: Float32Array | undefined;
  /** Changes when the boundary was recomputed; the map redraws only then. */
  version: number;
  resolution: number;
  /** The grid covers [−extent, extent]². */
  extent: number;
  train: Dataset;
  test: Dataset;
  /** Side of the square in CSS pixels. */
  size: number;
  step: number;
  testAccuracy: number;
  /** Clicks (or taps) on the map add a point there: called with its coordinates in the map's units. */
  onPick?(x: number, y: number): void;
}

const COLORS = ['--bg-raised', '--chart-1', '--chart-4'] as const;
type Colors = Record<(typeof COLORS)[number], Rgb>;

/** The data points drawn once onto an offscreen canvas: training points filled, test points ringed. */
function drawPoints(train: Dataset, test: Dataset, extent: number, size: number, dpr: number, colors: Colors): HTMLCanvasElement {
  const layer = document.createElement('canvas');
  layer.width = Math.round(size * dpr);
  layer.height = Math.round(size * dpr);
  const ctx = layer.getContext('2d');
  if (!ctx) return layer;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const toPx = (v: number): number => ((v + extent) / (2 * extent)) * size;
  for (const [data, hollow] of [
    [train, false],
    [test, true],
  ] as const) {
    for (const label of [0, 1]) {
      ctx.beginPath();
      for (let i = 0; i < data.n; i++) {
        if (((data.y[i] ?? 0) > 0.5 ? 1 : 0) !== label) continue;
        const px = toPx(data.x[2 * i] ?? 0);
        const py = size - toPx(data.x[2 * i + 1] ?? 0);
        const r = hollow ? 3 : 2.4;
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      const color = `rgb(${(label === 1 ? colors['--chart-1'] : colors['--chart-4']).join(',')})`;
      if (hollow) {
        ctx.lineWidth = 1.4;
        ctx.strokeStyle = color;
        ctx.stroke();
      } else {
        ctx.fillStyle = color;
        ctx.fill();
      }
    }
  }
  return layer;
}

/** The probabilities as one pixel per grid cell: class colour over the background, stronger where surer. */
function heatImage(boundary: Float32Array | undefined, resolution: number, colors: Colors): ImageData {
  const image = new ImageData(resolution, resolution);
  const { '--bg-raised': bg, '--chart-1': one, '--chart-4': zero } = colors;
  for (let k = 0; k < resolution * resolution; k++) {
    const p = boundary?.[k] ?? 0.5;
    const tint = p >= 0.5 ? one : zero;
    const strength = Math.min(1, Math.abs(p - 0.5) * 2) * 0.55;
    image.data[4 * k] = Math.round(bg[0] + (tint[0] - bg[0]) * strength);
    image.data[4 * k + 1] = Math.round(bg[1] + (tint[1] - bg[1]) * strength);
    image.data[4 * k + 2] = Math.round(bg[2] + (tint[2] - bg[2]) * strength);
    image.data[4 * k + 3] = 255;
  }
  return image;
}

/**
 * The decision boundary: the square coloured by the network's P(class 1) (blue for class 1,
 * orange for class 0, paler where it is unsure), training points filled and test points ringed.
 * Drawn on a canvas; its text alternative says what share of the square each class gets.
 */
export function BoundaryMap({ boundary, version, resolution, extent, train, test, size, step, testAccuracy, onPick }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useTheme();
  // Read the colours on the client only (the server has no computed styles), again per theme.
  const [colors, setColors] = useState<Colors>();
  useEffect(() => setColors(themeColors(COLORS)), [theme]);
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;

  const points = useMemo(
    () => (colors && typeof document !== 'undefined' ? drawPoints(train, test, extent, size, dpr, colors) : undefined),
    [train, test, extent, size, dpr, colors],
  );

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !colors || !points) return;
    if (el.width !== Math.round(size * dpr)) el.width = Math.round(size * dpr);
    if (el.height !== Math.round(size * dpr)) el.height = Math.round(size * dpr);
    const heat = document.createElement('canvas');
    heat.width = resolution;
    heat.height = resolution;
    heat.getContext('2d')?.putImageData(heatImage(boundary, resolution, colors), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(heat, 0, 0, el.width, el.height);
    ctx.drawImage(points, 0, 0);
    // `boundary` is a fresh copy in every snapshot; `version` says whether it is new.
  }, [version, colors, points, resolution, size, dpr]);

  const share = boundary ? boundary.reduce((s, p) => s + (p >= 0.5 ? 1 : 0), 0) / boundary.length : NaN;
  const label = boundary
    ? `Decision boundary at step ${step}: the network predicts class 1 on ${formatFixed(100 * share, 0)}% of the square and class 0 on the rest; it classifies ${formatFixed(100 * testAccuracy, 1)}% of the test points correctly.`
    : 'Decision boundary: not computed yet.';
  return (
    <div class="boundary-map-frame" style={{ width: `${size}px` }}>
      <div class="chart-export-row">
        <span class="line-chart__title">Decision boundary</span>
        <ChartExport target={canvas} name="Decision boundary" title={`Decision boundary at step ${step}`} exportData={() => boundaryTable(boundary, resolution, extent, train, test)} />
      </div>
      <canvas
        ref={canvas}
        class={onPick ? 'boundary-map boundary-map--pick' : 'boundary-map'}
        style={{ width: `${size}px`, height: `${size}px` }}
        role="img"
        aria-label={onPick ? `${label} Click to add a point; the form above adds one by its coordinates.` : label}
        onClick={
          onPick
            ? (e) => {
                const box = e.currentTarget.getBoundingClientRect();
                onPick(((e.clientX - box.left) / box.width) * 2 * extent - extent, extent - ((e.clientY - box.top) / box.height) * 2 * extent);
              }
            : undefined
        }
      />
      {onPick && <p class="boundary-map__hint">Click or tap to add a point of the chosen class.</p>}
    </div>
  );
}
