import { useMemo } from 'preact/hooks';
import { LineChart } from '../charts/LineChart';
import { useElementWidth } from '../charts/useElementWidth';
import { formatScientific, formatSignificant, powerOfTen } from '../../lib/common';
import { Notices } from '../widget-kit/Notices';
import { ScrollX } from '../widget-kit/ScrollX';
import { Select } from '../widget-kit/Select';
import { Slider } from '../widget-kit/Slider';
import { Toolbar } from '../widget-kit/Toolbar';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { GRAPH_PRESETS } from '../../lib/course/backpropagation';
import { checkSchema, errorCurves, EXPONENTS, judge, rowsAt } from './model';
import './gradient-check.css';

/** The gradient-check island: autograd beside central differences for every input, and the error against the step h. */
export default function GradientCheck() {
  return (
    <WidgetBoundary name="gradient check">
      <CheckView />
    </WidgetBoundary>
  );
}

const WORDS = { good: 'passes', doubtful: 'is borderline', wrong: 'fails (a bug, or an h too large or too small for this precision)' } as const;

function CheckView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(checkSchema);
  const rows = rowsAt(values.preset, values.e, values.dtype);
  const curves = useMemo(() => errorCurves(values.preset), [values.preset]);
  const worst = Math.max(...rows.map((r) => r.relativeError));
  const [ref, width] = useElementWidth<HTMLDivElement>(600);
  const x = [...EXPONENTS];

  return (
    <div class="gcheck">
      <Notices notices={notices} onDismiss={dismissNotices} />
      <div class="gcheck__controls">
        <Select label="Expression" value={values.preset} options={GRAPH_PRESETS.map((p) => ({ value: p.id, label: p.label }))} onChange={(preset) => update({ preset })} />
        <Select
          label="Precision"
          value={values.dtype}
          options={[
            { value: 'float64', label: 'float64 (16 digits)' },
            { value: 'float32', label: 'float32 (7 digits)' },
          ]}
          onChange={(dtype) => update({ dtype })}
        />
        <Slider label="Step h" min={-10} max={-1} step={1} value={values.e} format={powerOfTen} onInput={(e) => update({ e })} />
      </div>

      <p class="gcheck__sentence" aria-live="polite">
        With h = {powerOfTen(values.e)} in {values.dtype}, the largest relative error is {formatScientific(worst, 2)}: the check {WORDS[judge(worst)]}.
        {values.dtype === 'float32' && ' In float32, rounding alone keeps the error above about 10⁻⁵ at any h: check gradients in float64.'}
      </p>

      <ScrollX label="Gradients by autograd and by central differences">
        <table class="gcheck__table">
          <caption>Each input's gradient</caption>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">autograd</th>
              <th scope="col">central difference</th>
              <th scope="col">relative error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} class={`gcheck__row--${judge(r.relativeError)}`}>
                <th scope="row">{r.name}</th>
                <td>{formatSignificant(r.autograd)}</td>
                <td>{formatSignificant(r.numeric)}</td>
                <td>{r.relativeError === 0 ? '0' : formatScientific(r.relativeError, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>

      <div ref={ref}>
        <LineChart
          title="Largest relative error against log₁₀ h"
          series={[
            { key: 'f64', label: 'float64', x, y: curves.float64, color: 'var(--chart-1)' },
            { key: 'f32', label: 'float32', x, y: curves.float32, color: 'var(--chart-4)', dash: '6 4' },
          ]}
          width={width}
          height={220}
          xDomain={[-10, -1]}
          yScale="log"
          xLabel="log₁₀ h"
          describe={(e) => {
            const i = EXPONENTS.indexOf(e as (typeof EXPONENTS)[number]);
            return `h = ${powerOfTen(e)}: largest relative error ${formatScientific(curves.float64[i]!, 2)} in float64, ${formatScientific(curves.float32[i]!, 2)} in float32.`;
          }}
        />
      </div>

      <Toolbar onReset={reset} />
    </div>
  );
}
