import { useMemo, useRef } from 'preact/hooks';
import { ChartExport } from '../charts/ChartExport';
import { seriesTable } from '../charts/chart-table';
import { ACTIVATIONS, ACTIVATION_NAMES, type ActivationName, describeIntervals } from '../../lib/course/activations';
import { useElementWidth } from '../charts/useElementWidth';
import { formatFixed, formatValue } from '../../lib/common';
import { Notices } from '../widget-kit/Notices';
import { ScrollX } from '../widget-kit/ScrollX';
import { Slider } from '../widget-kit/Slider';
import { Toolbar } from '../widget-kit/Toolbar';
import { useJob } from '../widget-kit/useJob';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import type { Curves, CurvesRequest } from '../../lib/course/activations';
import { CrosshairArea } from './CrosshairArea';
import { EPSILON_STOPS, explorerSchema, POINTS, RANGE_STOPS, SERIES_STYLE, sampleIndex, snapToSample } from './model';
import { Panel, PANEL_MARGIN_X } from './Panel';
import './explorer.css';

/** The activation explorer island: plots f(z) and f'(z) for a chosen set of activations. */
export default function ActivationExplorer() {
  return (
    <WidgetBoundary name="activation explorer">
      <Explorer />
    </WidgetBoundary>
  );
}

const EMPTY: Curves = { z: new Float64Array(0), curves: [] };

function createCurvesWorker(): Worker {
  return new Worker(new URL('./curves.worker.ts', import.meta.url), { type: 'module' });
}

function Explorer() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(explorerSchema);
  const { fns, range, alpha, beta, eps } = values;
  const request: CurvesRequest = { names: fns, params: { alpha, beta }, range, epsilon: eps, points: POINTS };
  const job = useJob<CurvesRequest, never, Curves>(createCurvesWorker, 'latest-wins', { request: { params: request, key: JSON.stringify(request) } });
  // The last curves stay drawn while the next are computed (a slider is dragged).
  const curves = job.last?.result ?? EMPTY;
  // The crosshair sits on a sample point, so its readout is the engine's own numbers. (Until
  // the curves for a new range arrive, it is placed on the grid of the range they were drawn for.)
  const curveRange = curves.z.length > 1 ? -(curves.z[0] ?? -range) : range;
  const index = sampleIndex(values.z, curveRange);
  const z = curves.z[index] ?? snapToSample(values.z, range);
  const [plotRef, width] = useElementWidth<HTMLDivElement>(640);
  const valueSvg = useRef<SVGSVGElement>(null);
  const derivativeSvg = useRef<SVGSVGElement>(null);
  const sideBySide = width >= 560;
  const panelWidth = sideBySide ? Math.floor((width - 16) / 2) : width;
  const panelHeight = (sideBySide ? 250 : 210) + fns.length * 10;

  const readout = curves.curves.map((c) => {
    const value = c.value[index] ?? NaN;
    const derivative = c.derivative[index] ?? NaN;
    return { name: c.name, label: ACTIVATIONS[c.name].label, value, derivative, saturated: Math.abs(derivative) < eps };
  });
  const valueDomain = useMemo((): [number, number] => {
    let lo = -1.1;
    let hi = 1.1;
    for (const c of curves.curves) for (const v of c.value) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    return [lo, hi];
  }, [curves]);

  const toggle = (name: ActivationName): void => {
    const next = fns.includes(name) ? fns.filter((n) => n !== name) : ACTIVATION_NAMES.filter((n) => n === name || fns.includes(n));
    if (next.length > 0) update({ fns: next });
  };
  const fmtZ = (v: number): string => formatFixed(v, range >= 100 ? 1 : 2);
  const valueText = `z = ${fmtZ(z)}: ${readout.map((r) => `${r.label} ${formatValue(r.value)}, slope ${formatValue(r.derivative)}`).join('; ')}`;

  if (job.error) {
    return (
      <div class="widget-error" role="alert">
        <p class="widget-error__title">The curves could not be computed.</p>
        <p class="widget-error__message">{job.error.message}</p>
        <button type="button" class="button" onClick={job.retry}>
          Retry
        </button>
      </div>
    );
  }

  return (
    <div class="explorer" aria-busy={job.busy ? 'true' : undefined}>
      <Notices notices={notices} onDismiss={dismissNotices} />
      <fieldset class="explorer__functions">
        <legend>Functions</legend>
        {ACTIVATION_NAMES.map((name) => (
          <label key={name} class="chip">
            <input
              type="checkbox"
              checked={fns.includes(name)}
              disabled={fns.length === 1 && fns.includes(name)}
              onChange={() => toggle(name)}
            />
            <svg width="22" height="10" aria-hidden="true">
              <line x1="1" x2="21" y1="5" y2="5" style={{ stroke: SERIES_STYLE[name].color, strokeDasharray: SERIES_STYLE[name].dash }} class="chip__swatch" />
            </svg>
            {ACTIVATIONS[name].label}
          </label>
        ))}
      </fieldset>

      <div class="chart-export-row">
        {(['value', 'derivative'] as const).map((which) => (
          <ChartExport
            key={which}
            target={which === 'value' ? valueSvg : derivativeSvg}
            name={which === 'value' ? 'Values' : 'Derivatives'}
            buttonText={which === 'value' ? 'Export f(z)' : 'Export f′(z)'}
            title={which === 'value' ? 'Activation functions f(z)' : 'Derivatives f′(z)'}
            legend={fns.map((name) => ({ label: ACTIVATIONS[name].label, color: SERIES_STYLE[name].color, ...(SERIES_STYLE[name].dash ? { dash: SERIES_STYLE[name].dash } : {}) }))}
            exportData={() => seriesTable('z', curves.curves.map((c) => ({ label: `${ACTIVATIONS[c.name].label} ${which === 'value' ? 'f(z)' : 'f′(z)'}`, x: curves.z, y: which === 'value' ? c.value : c.derivative })))}
          />
        ))}
      </div>
      <div ref={plotRef}>
        <CrosshairArea z={z} range={range} onChange={(next) => update({ z: next })} valueText={valueText} {...PANEL_MARGIN_X}>
          <div class={sideBySide ? 'explorer__panels explorer__panels--row' : 'explorer__panels'}>
            <Panel
              curves={curves}
              which="value"
              svgRef={valueSvg}
              title="f(z)"
              width={panelWidth}
              height={panelHeight}
              range={range}
              yDomain={valueDomain}
              crosshairZ={z}
              epsilon={eps}
              points={readout.map((r) => ({ name: r.name, y: r.value }))}
              lanes={false}
            />
            <Panel
              curves={curves}
              which="derivative"
              svgRef={derivativeSvg}
              title="f′(z); the band is |f′(z)| < ε"
              width={panelWidth}
              height={panelHeight}
              range={range}
              yDomain={[-0.15, 1.15]}
              crosshairZ={z}
              epsilon={eps}
              points={readout.map((r) => ({ name: r.name, y: r.derivative }))}
              lanes
            />
          </div>
        </CrosshairArea>
      </div>

      <ScrollX label="Values at the crosshair" class="explorer__readout-scroll">
        <table class="explorer__readout">
          <caption>
            Values at the crosshair, <span class="explorer__z">z = {fmtZ(z)}</span>
            {job.last === undefined && <span class="explorer__z"> (computing…)</span>}
          </caption>
          <thead>
            <tr>
              <th scope="col">Function</th>
              <th scope="col">f(z)</th>
              <th scope="col">f′(z)</th>
              <th scope="col">Saturated?</th>
            </tr>
          </thead>
          <tbody>
            {readout.map((r) => (
              <tr key={r.name}>
                <th scope="row">
                  <span class="swatch" style={{ background: SERIES_STYLE[r.name].color }} aria-hidden="true" />
                  {r.label}
                </th>
                <td>{formatValue(r.value)}</td>
                <td>{formatValue(r.derivative)}</td>
                <td>{r.saturated ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>

      <div class="explorer__controls">
        <Slider label="Range of z (±R)" stops={RANGE_STOPS} value={range} format={(v) => `±${v}`} onInput={(v) => update({ range: v })} />
        <Slider label="Saturation threshold ε" stops={EPSILON_STOPS} value={eps} onInput={(v) => update({ eps: v })} />
        <Slider label="Leaky ReLU slope α" min={0} max={1} step={0.01} value={alpha} format={(v) => v.toFixed(2)} onInput={(v) => update({ alpha: v })} />
        <Slider label="Swish β" min={0.1} max={10} step={0.1} value={beta} format={(v) => v.toFixed(1)} onInput={(v) => update({ beta: v })} />
      </div>

      <p class="explorer__summary" aria-live="polite">
        With ε = {eps}:{' '}
        {curves.curves.map((c, i) => (
          <span key={c.name}>
            {i > 0 && '; '}
            {ACTIVATIONS[c.name].label} has |f′(z)| &lt; ε for {describeIntervals(c.saturated, fmtZ)}
          </span>
        ))}
        .
      </p>

      <Toolbar onReset={reset} />
    </div>
  );
}
