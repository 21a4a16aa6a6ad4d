import { scaleLog } from 'd3-scale';
import { useEffect, useRef } from 'preact/hooks';
import { cssColor } from './theme-colors';
import { formatValue } from '../../lib/common';
import { clearedCanvas } from './canvas';
import { ChartExport } from './ChartExport';
import './charts.css';

interface Props {
  layers: string[];
  norms: Float64Array;
  step: number;
  width: number;
  /** The current colour theme, so the bars are redrawn when it changes. */
  theme: string;
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
 * with the values written out. Drawn on a canvas (it changes on every frame while training, and
 * text in SVG costs a layout each time); a table carries the same numbers for screen readers.
 */
export function LayerNorms({ layers, norms, step, width, theme }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const height = layers.length * ROW + 4;

  useEffect(() => {
    const el = canvas.current;
    const ctx = clearedCanvas(el, width, height);
    if (!el || !ctx) return;
    const text = cssColor('var(--text-muted)');
    ctx.font = `11px ${getComputedStyle(el).fontFamily}`;
    ctx.textBaseline = 'middle';
    // Room for the longest name ("weight_hh_l0" in an RNN), at least LABEL.
    const labels = layers.map((name) => (name.endsWith('(output)') ? 'output' : name));
    const labelWidth = Math.max(LABEL, ...labels.map((label) => Math.ceil(ctx.measureText(label).width) + 8));
    const finite = Array.from(norms).filter((v) => Number.isFinite(v) && v > 0);
    const hi = finite.length ? Math.max(...finite) : 1;
    const lo = finite.length ? Math.min(...finite, hi / 10) : 1e-3;
    const x = scaleLog()
      .domain([Math.max(lo / 3, 1e-30), hi * 1.5])
      .range([0, Math.max(10, width - labelWidth - VALUE)]);
    layers.forEach((name, i) => {
      const v = norms[i] ?? NaN;
      const top = i * ROW + 2;
      const w = Number.isFinite(v) && v > 0 ? Math.max(1, x(v)) : 0;
      ctx.fillStyle = text;
      ctx.textAlign = 'right';
      ctx.fillText(labels[i] ?? name, labelWidth - 6, top + ROW / 2);
      ctx.fillStyle = cssColor(layerColor(i, layers.length));
      ctx.fillRect(labelWidth, top + 2, w, ROW - 5);
      ctx.fillStyle = text;
      ctx.textAlign = 'left';
      ctx.fillText(formatValue(v, 2), labelWidth + w + 4, top + ROW / 2);
    });
  }, [layers, norms, width, height, theme]);

  const when = step === 0 ? 'before training (step 0)' : `step ${step}`;
  return (
    <div class="layer-norms">
      <div class="chart-export-row">
        <p class="line-chart__title">Gradient norm per layer, {when} (log scale)</p>
        <ChartExport
          target={canvas}
          name="Gradient norm per layer"
          title={`Gradient norm per layer, ${when} (log scale)`}
          exportData={() => ({ columns: ['layer', 'gradient norm'], rows: layers.map((name, i) => [name, norms[i] ?? NaN]) })}
        />
      </div>
      <canvas ref={canvas} class="layer-norms__bars" style={{ width: `min(100%, ${width}px)`, height: 'auto' }} aria-hidden="true" />
      <table class="visually-hidden">
        <caption>Gradient norm ‖∂L/∂W‖ of each layer, {when}</caption>
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
