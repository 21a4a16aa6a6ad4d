import { useId } from 'preact/hooks';
import type { Matrix } from '../../lib/course/pooling';
import type { PoolMode, WindowCell } from '../../lib/course/pooling';
import type { Cell } from '../sliding-window/grid-keys';
import { absMax } from '../charts/paint';
import { Problem } from '../sliding-window/Problem';
import { formatDecimals } from '../../lib/common';
import { MatrixInput } from './MatrixInput';
import { GRADIENT_SOURCES, MAP_LIMITS, type GradientSource, type Upstream } from './model';
import type { PoolJobResult } from '../../lib/course/pooling';
import { ValueGrid } from './ValueGrid';
import { gridTable } from '../charts/chart-table';
import { ExportFrame } from '../charts/ExportFrame';

interface Props {
  mode: PoolMode;
  source: GradientSource;
  custom: Matrix;
  upstream: Upstream;
  /** The engine's result for the current settings, once computed. */
  result: PoolJobResult | undefined;
  height: number;
  width: number;
  outHeight: number;
  outWidth: number;
  at: Cell;
  kernel: number;
  stride: number;
  picked: WindowCell | undefined;
  /** The selected output's window, outlined in dL/dx. */
  windowCells: readonly WindowCell[];
  /** Switches the gradient source; for 'custom', also the matrix to start from. */
  onSource(source: GradientSource, custom?: Matrix): void;
  onCustom(rows: Matrix): void;
  onSelect(cell: Cell): void;
}

const SOURCE_LABELS: Record<GradientSource, string> = {
  ones: 'All ones (L = sum of y)',
  cell: 'Only the selected output (L = that y)',
  custom: 'Your own values',
};

function total(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] ?? 0;
  return s;
}

/** The backward pass: the reader's upstream gradient dL/dy, and dL/dx as the engine's backward() computed it. */
export function BackwardPanel(props: Props) {
  const { mode, source, custom, upstream, result, height, width, outHeight, outWidth, at, kernel, stride, picked } = props;
  const id = useId();
  const g = upstream.values[at.row * outWidth + at.col] ?? 0;
  const scale = result ? Math.max(absMax(upstream.values), absMax(result.inputGrad)) : absMax(upstream.values);
  const ones = (): Matrix => Array.from({ length: outHeight }, () => new Array<number>(outWidth).fill(1));
  const sumUp = total(upstream.values);
  const sumDown = result ? total(result.inputGrad) : NaN;

  return (
    <section class="pool__backward" aria-labelledby={`${id}-title`}>
      <p class="pool__section-title" id={`${id}-title`}>
        Backward: where the gradient goes
      </p>
      <fieldset class="fm-radios">
        <legend>Upstream gradient dL/dy</legend>
        {GRADIENT_SOURCES.map((s) => (
          <label key={s}>
            <input
              type="radio"
              name={`${id}-source`}
              checked={source === s}
              onChange={() => props.onSource(s, s === 'custom' && (custom.length !== outHeight || custom[0]?.length !== outWidth) ? ones() : undefined)}
            />
            {SOURCE_LABELS[s]}
          </label>
        ))}
      </fieldset>
      {source === 'custom' && (
        <MatrixInput label={`dL/dy (${outHeight} × ${outWidth}, one row per line)`} value={custom} limits={MAP_LIMITS} onChange={props.onCustom} hint="The gradient of some loss with respect to each output of the pooling layer." />
      )}
      {upstream.problem && <Problem>{upstream.problem}</Problem>}
      <div class="pool__grids" role="region" aria-label="Backward pass: dL/dy and dL/dx" tabIndex={0}>
        <ExportFrame captionId={`${id}-dy`} caption={`dL/dy (${outHeight} × ${outWidth})`} name="dL dy" title={`dL/dy (${outHeight} × ${outWidth})`} exportData={() => gridTable(upstream.values, outHeight, outWidth, 0)}>
          <ValueGrid labelledBy={`${id}-dy`} values={upstream.values} height={outHeight} width={outWidth} selected={at} scale={scale} onPick={props.onSelect} />
        </ExportFrame>
        <span class="pool__arrow" aria-hidden="true">
          →
        </span>
        {result ? (
          <ExportFrame
            captionId={`${id}-dx`}
            caption={`dL/dx from backward() (${height} × ${width})`}
            name="dL dx"
            title={`dL/dx from backward() (${height} × ${width})`}
            exportData={() => gridTable(result.inputGrad, height, width, 0)}
          >
            <ValueGrid labelledBy={`${id}-dx`} values={result.inputGrad} height={height} width={width} window={props.windowCells.filter((c) => c.inside)} picked={picked} scale={scale} />
          </ExportFrame>
        ) : (
          <p class="pool__pending">Computing…</p>
        )}
      </div>
      <p class="pool__sentence" aria-live="polite">
        {mode === 'max'
          ? picked
            ? `dL/dy[${at.row}, ${at.col}] = ${formatDecimals(g)} goes entirely to x[${picked.row}, ${picked.col}], the maximum of its window; the other ${kernel * kernel - 1} cells of the window get nothing from it.`
            : ''
          : `dL/dy[${at.row}, ${at.col}] = ${formatDecimals(g)} is split into k² = ${kernel * kernel} equal shares of ${formatDecimals(g / (kernel * kernel))}, one for each cell of its window; shares that fall on padding are dropped.`}
        {stride < kernel && ' With stride smaller than the kernel the windows overlap, so a cell can receive shares from several outputs, and backward() adds them up.'}
      </p>
      {result && (
        <p class="pool__totals">
          Σ dL/dy = {formatDecimals(sumUp)}; Σ dL/dx = {formatDecimals(sumDown)}.{' '}
          {mode === 'max'
            ? 'Max pooling passes every gradient on whole, so the totals agree.'
            : Math.abs(sumUp - sumDown) <= 1e-9 * Math.max(1, Math.abs(sumUp))
              ? 'Average pooling passes the whole gradient on here, because no window reaches into padding.'
              : 'Average pooling loses the shares that fell on padding, so Σ dL/dx is smaller.'}
        </p>
      )}
    </section>
  );
}
