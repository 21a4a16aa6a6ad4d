import { useId, useMemo } from 'preact/hooks';
import { useElementWidth } from '../charts/useElementWidth';
import { LineChart, type Series } from '../charts/LineChart';
import { lossesAt, type LossPoint } from '../../lib/course/backpropagation';
import { formatSignificant } from '../../lib/common';
import { Notices } from '../widget-kit/Notices';
import { Slider } from '../widget-kit/Slider';
import { Toolbar } from '../widget-kit/Toolbar';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { compareGradients, curvesFor, lossSchema, Z_LIMIT } from './model';
import './loss-comparison.css';

/** The cross-entropy versus squared-error island: loss and dL/dz of one sigmoid unit over its logit. */
export default function LossComparison() {
  return (
    <WidgetBoundary name="loss comparison">
      <LossView />
    </WidgetBoundary>
  );
}

const CE = 'var(--chart-1)';
const SE = 'var(--chart-2)';

/** The two curves, and a faint vertical line at the slider's z spanning their range. */
function seriesOf(points: readonly LossPoint[], pick: (p: LossPoint) => [number, number], z: number): Series[] {
  const x = points.map((p) => p.z);
  const ce = points.map((p) => pick(p)[0]);
  const se = points.map((p) => pick(p)[1]);
  const all = [...ce, ...se];
  return [
    { key: 'ce', label: 'Cross-entropy', x, y: ce, color: CE },
    { key: 'se', label: 'Squared error ½(p − y)²', x, y: se, color: SE, dash: '6 4' },
    { key: 'z', label: 'z on the slider', x: [z, z], y: [Math.min(...all), Math.max(...all)], color: 'var(--text-muted)', faint: true },
  ];
}

function LossView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(lossSchema);
  const id = useId();
  const y = values.y === '1' ? 1 : 0;
  const points = useMemo(() => curvesFor(y), [y]);
  const at = lossesAt(values.z, y);
  const [ref, width] = useElementWidth<HTMLDivElement>(600);
  const chartWidth = width >= 700 ? Math.floor((width - 16) / 2) : width;
  const describe = (kind: 'loss' | 'gradient') => (z: number) => {
    const p = lossesAt(z, y);
    return kind === 'loss'
      ? `z = ${formatSignificant(z)}, p = ${formatSignificant(p.p)}: cross-entropy ${formatSignificant(p.crossEntropy)}, squared error ${formatSignificant(p.squaredError)}.`
      : `z = ${formatSignificant(z)}, p = ${formatSignificant(p.p)}: dL/dz is ${formatSignificant(p.crossEntropyGrad)} under cross-entropy, ${formatSignificant(p.squaredErrorGrad)} under squared error.`;
  };

  return (
    <div class="losscmp">
      <Notices notices={notices} onDismiss={dismissNotices} />
      <div class="losscmp__controls">
        <fieldset class="fm-radios">
          <legend>Target y</legend>
          {(['1', '0'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name={`${id}-target`} checked={values.y === v} onChange={() => update({ y: v })} />y = {v}
            </label>
          ))}
        </fieldset>
        <Slider label="Logit z" min={-Z_LIMIT} max={Z_LIMIT} step={0.1} value={values.z} format={formatSignificant} onInput={(z) => update({ z: Math.round(z * 10) / 10 })} />
      </div>

      <table class="losscmp__table">
        <caption>At z = {formatSignificant(values.z)}, p = σ(z) = {formatSignificant(at.p)}</caption>
        <thead>
          <tr>
            <th scope="col">Loss</th>
            <th scope="col">L</th>
            <th scope="col">dL/dz by autograd</th>
            <th scope="col">closed form</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Cross-entropy</th>
            <td>{formatSignificant(at.crossEntropy)}</td>
            <td>{formatSignificant(at.crossEntropyGrad)}</td>
            <td>p − y</td>
          </tr>
          <tr>
            <th scope="row">Squared error</th>
            <td>{formatSignificant(at.squaredError)}</td>
            <td>{formatSignificant(at.squaredErrorGrad)}</td>
            <td>(p − y) p (1 − p)</td>
          </tr>
        </tbody>
      </table>
      <p class="losscmp__sentence" aria-live="polite">
        {compareGradients(values.z, y)}
      </p>

      <div class="losscmp__charts" ref={ref}>
        <div style={{ width: `${chartWidth}px` }}>
          <LineChart title="Loss against the logit z" series={seriesOf(points, (p) => [p.crossEntropy, p.squaredError], values.z)} width={chartWidth} height={220} xDomain={[-Z_LIMIT, Z_LIMIT]} yScale="linear" xLabel="logit z" describe={describe('loss')} />
        </div>
        <div style={{ width: `${chartWidth}px` }}>
          <LineChart title="dL/dz against the logit z" series={seriesOf(points, (p) => [p.crossEntropyGrad, p.squaredErrorGrad], values.z)} width={chartWidth} height={220} xDomain={[-Z_LIMIT, Z_LIMIT]} yScale="linear" xLabel="logit z" describe={describe('gradient')} />
        </div>
      </div>

      <Toolbar onReset={reset} />
    </div>
  );
}
