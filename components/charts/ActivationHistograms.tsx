import { useEffect, useRef } from 'preact/hooks';
import type { ActivationHistograms as Histograms } from '../../lib/ml/training';
import { cssColor } from './theme-colors';
import { clearedCanvas } from './canvas';
import { formatFixed, formatValue } from '../../lib/common';
import { layerColor } from './LayerNorms';
import { ChartExport } from './ChartExport';
import { histogramTable } from './training-tables';
import './charts.css';

interface Props {
  /** The watched layers' names, first layer first; the hidden layers are the first `histograms.layers.length`. */
  layers: string[];
  /** The histograms, the step they were taken at and over how many training points. */
  histograms: (Histograms & { step: number; examples: number }) | undefined;
  width: number;
  /** The current colour theme, so the histograms are redrawn when it changes. */
  theme: string;
}

const ROW = 17;
const LABEL = 62;
const STD = 62;
const AXIS = 16;

/**
 * Each hidden layer's activations h = g(z) as a small histogram over every unit and training
 * point, first layer at the top (CS231n's picture of a deep network at initialisation), with its
 * standard deviation. All rows share one horizontal range, so a layer whose activations collapse
 * towards 0, or pile up at ±1, shows it at a glance. Drawn on a canvas; a table carries each
 * layer's mean, standard deviation and RMS slope for screen readers.
 */
export function ActivationHistograms({ layers, histograms, width, theme }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const rows = histograms?.layers ?? [];
  const names = layers.slice(0, rows.length);
  const height = rows.length * ROW + AXIS + 2;
  // Every snapshot brings a fresh copy of the histograms, which change only at evaluations: redraw
  // only when what they say changed.
  const drawn = histograms ? [histograms.step, histograms.lo, histograms.hi, ...rows.map((r) => `${r.mean},${r.std}`), ...names].join('|') : '';

  useEffect(() => {
    const ctx = clearedCanvas(canvas.current, width, height);
    if (!ctx || !histograms || !canvas.current) return;
    const text = cssColor('var(--text-muted)');
    const rule = cssColor('var(--border)');
    ctx.font = `11px ${getComputedStyle(canvas.current).fontFamily}`;
    ctx.textBaseline = 'middle';
    const plot = Math.max(40, width - LABEL - STD);
    const { lo, hi } = histograms;
    const toX = (v: number): number => LABEL + ((v - lo) / (hi - lo)) * plot;
    rows.forEach((row, i) => {
      const top = i * ROW + 1;
      const base = top + ROW - 2;
      ctx.fillStyle = text;
      ctx.textAlign = 'right';
      ctx.fillText(names[i] ?? `layer ${i + 1}`, LABEL - 6, top + ROW / 2);
      ctx.strokeStyle = rule;
      ctx.beginPath();
      ctx.moveTo(LABEL, base + 0.5);
      ctx.lineTo(LABEL + plot, base + 0.5);
      ctx.stroke();
      const most = Math.max(...row.shares);
      const bins = row.shares.length;
      ctx.fillStyle = cssColor(layerColor(i, layers.length));
      row.shares.forEach((share, b) => {
        if (share <= 0 || most <= 0) return;
        const h = Math.max(1, (share / most) * (ROW - 4));
        ctx.fillRect(LABEL + (b * plot) / bins, base - h, Math.max(1, plot / bins - 0.5), h);
      });
      ctx.fillStyle = text;
      ctx.textAlign = 'left';
      ctx.fillText(`σ ${formatValue(row.std, 2)}`, LABEL + plot + 6, top + ROW / 2);
    });
    // The common horizontal axis: its ends, and 0 where it lies inside.
    const axisY = rows.length * ROW + AXIS / 2 + 2;
    ctx.fillStyle = text;
    const ticks = lo < 0 && hi > 0 ? [lo, 0, hi] : [lo, hi];
    ticks.forEach((v, k) => {
      ctx.textAlign = k === 0 ? 'left' : k === ticks.length - 1 ? 'right' : 'center';
      ctx.fillText(formatValue(v, 2), toX(v), axisY);
    });
    // `histograms` is read through `drawn`, its content key.
  }, [drawn, width, height, theme]);

  if (!histograms || rows.length === 0) return null;
  const when = histograms.step === 0 ? 'before training (step 0)' : `step ${histograms.step}`;
  const points = histograms.examples;
  return (
    <div class="activation-histograms">
      <div class="chart-export-row">
        <p class="line-chart__title">
          Activations per layer, {when}: {points} training points
        </p>
        <ChartExport target={canvas} name="Activations per layer" title={`Activations per layer, ${when}: ${points} training points`} exportData={() => histogramTable(names, histograms)} />
      </div>
      <canvas ref={canvas} class="activation-histograms__plot" style={{ width: `min(100%, ${width}px)`, height: 'auto' }} aria-hidden="true" />
      <table class="visually-hidden">
        <caption>
          Activations h = g(z) of each hidden layer over {points} training points, {when}: mean, standard deviation σ, and the RMS slope √E[g′(z)²]
        </caption>
        <thead>
          <tr>
            <th scope="col">layer</th>
            <th scope="col">mean</th>
            <th scope="col">σ</th>
            <th scope="col">RMS slope</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={names[i]}>
              <th scope="row">{names[i]}</th>
              <td>{formatFixed(row.mean, 3)}</td>
              <td>{formatValue(row.std, 3)}</td>
              <td>{formatFixed(row.rmsSlope, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
