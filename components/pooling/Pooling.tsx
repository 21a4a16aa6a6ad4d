import { useId, useMemo, useState } from 'preact/hooks';
import type { Matrix } from '../../lib/course/pooling';
import { poolProblem, poolWindow, windowArgmax, type PoolSpec } from '../../lib/course/pooling';
import { gridSize } from '../../lib/ml/shapes';
import { clampCell, type Cell } from '../sliding-window/grid-keys';
import { GridCursor } from '../sliding-window/GridCursor';
import { absMax } from '../charts/paint';
import { gridTable } from '../charts/chart-table';
import { ExportFrame } from '../charts/ExportFrame';
import { EngineError, Problem } from '../sliding-window/Problem';
import { formatDecimals } from '../../lib/common';
import { SizeFormula } from '../sliding-window/SizeFormula';
import { Notices } from '../widget-kit/Notices';
import { Slider } from '../widget-kit/Slider';
import { Toolbar } from '../widget-kit/Toolbar';
import { useJob } from '../widget-kit/useJob';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { BackwardPanel } from './BackwardPanel';
import { MatrixInput } from './MatrixInput';
import { LIMITS, MAP_LIMITS, MAP_PRESETS, poolSchema, shiftMap, upstreamGradient } from './model';
import type { PoolJobResult, PoolParams } from '../../lib/course/pooling';
import { ValueGrid } from './ValueGrid';
import { WindowSentence } from './WindowSentence';
import '../sliding-window/sliding-window.css';
import './pooling.css';

/** The pooling island: max or average pooling forward on a small feature map, and where backward() sends the gradient. */
export default function Pooling() {
  return (
    <WidgetBoundary name="pooling widget">
      <PoolingView />
    </WidgetBoundary>
  );
}

function createPoolWorker(): Worker {
  return new Worker(new URL('./pool.worker.ts', import.meta.url), { type: 'module' });
}

const SHIFTS = [
  { label: '← left', dRow: 0, dCol: -1, words: 'one column left' },
  { label: '→ right', dRow: 0, dCol: 1, words: 'one column right' },
  { label: '↑ up', dRow: -1, dCol: 0, words: 'one row up' },
  { label: '↓ down', dRow: 1, dCol: 0, words: 'one row down' },
] as const;

/** What a shift changed: the map it produced, the output before it, and how it was described. */
interface ShiftRecord {
  map: Matrix;
  before: Float64Array;
  inputChanged: number;
  words: string;
}

function PoolingView() {
  const id = useId();
  const { values, update, reset, notices, dismissNotices } = useUrlState(poolSchema);
  const [shift, setShift] = useState<ShiftRecord>();
  const { mode, map } = values;
  const height = map.length;
  const width = map[0]?.length ?? 0;
  const flat = useMemo(() => Float64Array.from(map.flat()), [map]);
  const spec: PoolSpec = { kernel: values.k, stride: values.s, padding: values.p };
  const problem = poolProblem(height, width, spec);
  const size = gridSize(height, width, { ...spec, dilation: 1 });
  const outH = size.ok ? size.height.size : 0;
  const outW = size.ok ? size.width.size : 0;
  const at = clampCell({ row: values.row, col: values.col }, outH, outW);
  const upstream = upstreamGradient(values.grad, values.g, outH, outW, at);

  const key = JSON.stringify([mode, spec, map, [...upstream.values]]);
  const request = useMemo((): PoolParams => ({ key, mode, map: flat, height, width, spec, upstream: upstream.values }), [key]);
  const job = useJob<PoolParams, never, PoolJobResult>(createPoolWorker, 'latest-wins', { request: { params: request, key } });
  const fresh = !problem && job.result?.key === key ? job.result : undefined;

  const cells = problem ? [] : poolWindow(height, width, spec, at.row, at.col);
  const picked = mode === 'max' ? windowArgmax(flat, width, cells) : undefined;
  const scale = absMax(flat);
  const select = (cell: Cell): void => update({ row: cell.row, col: cell.col });
  const yValue = fresh?.output[at.row * outW + at.col];
  const valueText = `Output row ${at.row}, column ${at.col} of ${outH} × ${outW}: y = ${yValue === undefined ? 'computing' : formatDecimals(yValue)}`;

  const changed = shift && fresh && shift.map === map && shift.before.length === fresh.output.length ? fresh.output.filter((v, i) => v !== shift.before[i]).length : undefined;
  const doShift = (dRow: number, dCol: number, words: string): void => {
    const next = shiftMap(map, dRow, dCol);
    const inputChanged = next.flat().filter((v, i) => v !== flat[i]).length;
    if (fresh) setShift({ map: next, before: fresh.output, inputChanged, words });
    update({ map: next });
  };

  return (
    <div class="pool">
      <Notices notices={notices} onDismiss={dismissNotices} />
      <div class="pool__settings">
        <fieldset class="fm-radios">
          <legend>Pooling</legend>
          {(['max', 'avg'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => update({ mode: m })} />
              {m === 'max' ? 'Max (nn.MaxPool2d)' : 'Average (nn.AvgPool2d)'}
            </label>
          ))}
        </fieldset>
        <Slider label="Kernel size k" min={1} max={LIMITS.kernel} step={1} value={values.k} format={(k) => `${k} × ${k}`} onInput={(k) => update({ k })} />
        <Slider label="Stride s" min={1} max={LIMITS.stride} step={1} value={values.s} onInput={(s) => update({ s })} />
        <Slider label="Padding p" min={0} max={LIMITS.padding} step={1} value={values.p} onInput={(p) => update({ p })} />
      </div>

      <div class="pool__input">
        <MatrixInput
          label="Feature map x (one row per line)"
          value={map}
          limits={MAP_LIMITS}
          onChange={(rows) => update({ map: rows })}
          hint={`${height} × ${width}; numbers separated by spaces or commas.`}
        />
        <div class="pool__map-tools">
          <div class="fm-field">
            <label for={`${id}-preset`}>Start from</label>
            <select
              id={`${id}-preset`}
              value={MAP_PRESETS.find((p) => p.rows === map)?.id ?? ''}
              onChange={(e) => {
                const preset = MAP_PRESETS.find((p) => p.id === (e.currentTarget as HTMLSelectElement).value);
                if (preset) update({ map: preset.rows });
              }}
            >
              <option value="" disabled>
                Your own map
              </option>
              {MAP_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div class="pool__shift" role="group" aria-label="Shift the map by one cell">
            <span class="pool__shift-label">Shift the map</span>
            {SHIFTS.map((s) => (
              <button key={s.label} type="button" class="button button--quiet" onClick={() => doShift(s.dRow, s.dCol, s.words)} aria-label={`Shift ${s.words}`}>
                {s.label}
              </button>
            ))}
          </div>
        </div>
      </div>
      {changed !== undefined && shift && (
        <p class="pool__shift-result" role="status">
          Shifted {shift.words}: {shift.inputChanged} of {height * width} input values changed, and {changed} of {fresh?.output.length ?? 0} pooled outputs.
        </p>
      )}

      {problem ? (
        <Problem>No output: {problem}. Lower the padding or the kernel size.</Problem>
      ) : (
        <>
          <div class="pool__grids" role="region" aria-label="Forward pass: input x and output y" tabIndex={0}>
            <ExportFrame
              captionId={`${id}-x`}
              caption={`Input x (${height} × ${width})${spec.padding > 0 ? `, padding shown as ${mode === 'max' ? '−∞' : '0'}` : ''}`}
              name="Input x"
              title={`Input x (${height} × ${width})`}
              exportData={() => gridTable(flat, height, width, 0)}
            >
              <ValueGrid labelledBy={`${id}-x`} values={flat} height={height} width={width} pad={spec.padding} padText={mode === 'max' ? '−∞' : '0'} window={cells} picked={picked} scale={scale} />
            </ExportFrame>
            <span class="pool__arrow" aria-hidden="true">
              →
            </span>
            <ExportFrame captionId={`${id}-y`} caption={`Output y (${outH} × ${outW})`} name="Output y" title={`Output y (${outH} × ${outW})`} {...(fresh ? { exportData: () => gridTable(fresh.output, outH, outW, 0) } : {})}>
              {/* The export control sits beside the caption, outside this keyboard control. */}
              <GridCursor label="Output cell (arrow keys move the window)" rows={outH} cols={outW} at={at} onMove={select} valueText={valueText}>
                {fresh ? (
                  <ValueGrid labelledBy={`${id}-y`} values={fresh.output} height={outH} width={outW} selected={at} scale={scale} onPick={select} />
                ) : (
                  <p class="pool__pending">Computing…</p>
                )}
              </GridCursor>
            </ExportFrame>
          </div>
          <WindowSentence mode={mode} map={flat} width={width} cells={cells} picked={picked} kernel={spec.kernel} at={at} value={yValue} />
          {size.ok && <SizeFormula height={size.height} width={size.width} withDilation={false} />}
          <p class="pool__params">
            Parameters: <strong>0</strong>. Pooling has nothing to learn. It pools each channel on its own, so the number of channels stays the same, and
            each channel shrinks from {height} × {width} = {height * width} to {outH} × {outW} = {outH * outW} values.
          </p>
          <BackwardPanel
            mode={mode}
            source={values.grad}
            custom={values.g}
            upstream={upstream}
            result={fresh}
            height={height}
            width={width}
            outHeight={outH}
            outWidth={outW}
            at={at}
            kernel={spec.kernel}
            picked={picked}
            windowCells={cells}
            stride={spec.stride}
            onSource={(grad, g) => update(g === undefined ? { grad } : { grad, g })}
            onCustom={(g) => update({ g })}
            onSelect={select}
          />
        </>
      )}
      {job.error && !problem && <EngineError error={job.error} onRetry={job.retry} />}
      <Toolbar onReset={() => (reset(), setShift(undefined))} />
    </div>
  );
}
