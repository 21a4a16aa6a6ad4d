import { entropy, naiveSoftmax, softmax } from '../../lib/activations';
import { useElementWidth } from '../charts/useElementWidth';
import { formatFixed, formatValue } from '../widget-kit/format';
import { Notices } from '../widget-kit/Notices';
import { Slider } from '../widget-kit/Slider';
import { Toolbar } from '../widget-kit/Toolbar';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { Bars } from './Bars';
import { LogitInputs } from './LogitInputs';
import { PRESETS, softmaxSchema, TEMPERATURE_STOPS } from './model';
import './softmax.css';

/** The softmax island: editable logits, a temperature, and the probabilities they give. */
export default function SoftmaxWidget() {
  return (
    <WidgetBoundary name="softmax widget">
      <SoftmaxView />
    </WidgetBoundary>
  );
}

function SoftmaxView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(softmaxSchema);
  const { logits, T, shift } = values;
  const [chartRef, width] = useElementWidth<HTMLDivElement>(560);

  const shifted = logits.map((z) => z + shift);
  const p = softmax(shifted, T);
  const unshifted = softmax(logits, T);
  const naive = naiveSoftmax(shifted, T);
  const naiveBroken = naive.some((v) => !Number.isFinite(v));
  const maxChange = Math.max(...p.map((pi, i) => Math.abs(pi - (unshifted[i] ?? NaN))));
  const H = entropy(p);
  const top = p.indexOf(Math.max(...p));

  return (
    <div class="softmax">
      <Notices notices={notices} onDismiss={dismissNotices} />
      <LogitInputs logits={logits} onChange={(next) => update({ logits: next })} />
      <div class="softmax__presets" role="group" aria-label="Example logits">
        {PRESETS.map((preset) => (
          <button key={preset.label} type="button" class="button button--quiet" onClick={() => update({ logits: [...preset.logits] })}>
            {preset.label}
          </button>
        ))}
      </div>

      <div class="softmax__controls">
        <Slider
          label="Temperature T"
          stops={TEMPERATURE_STOPS}
          value={T}
          onInput={(v) => update({ T: v })}
          hint="Low T sharpens towards the largest logit; high T flattens towards uniform."
        />
        <Slider
          label="Add c to every logit"
          min={-1000}
          max={1000}
          step={10}
          value={shift}
          format={(v) => `c = ${formatFixed(v, 0)}`}
          onInput={(v) => update({ shift: v })}
          hint="Softmax only sees differences between logits."
        />
      </div>

      <div ref={chartRef} class="softmax__chart">
        <Bars probabilities={p} width={width} height={200} />
      </div>

      <table class="data-table softmax__table">
        <caption>Probabilities p = softmax((z + c) / T)</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">z + c</th>
            <th scope="col">p (stable)</th>
            <th scope="col">Formula without the shift</th>
          </tr>
        </thead>
        <tbody>
          {p.map((pi, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>{formatValue(shifted[i] ?? NaN, 2)}</td>
              <td>{formatValue(pi, 4)}</td>
              <td class={Number.isFinite(naive[i]) ? '' : 'softmax__bad'}>{formatValue(naive[i] ?? NaN, 4)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <ul class="softmax__facts" aria-live="polite">
        <li>
          Most likely: class {top + 1}, p = {formatValue(p[top] ?? NaN, 4)}. Entropy {formatFixed(H, 3)} nats (uniform
          would be {formatFixed(Math.log(p.length), 3)}).
        </li>
        <li>
          Adding c = {formatFixed(shift, 0)} changed the probabilities by at most{' '}
          {maxChange === 0 ? '0' : `${formatValue(maxChange)} (floating-point rounding)`}.
        </li>
        {naiveBroken && (
          <li class="softmax__warning">
            Straight from the definition, e<sup>(z+c)/T</sup> overflows: e<sup>710</sup> is already larger than the largest
            double, so the sum is ∞ and ∞/∞ is NaN. The stable version subtracts the largest logit first, so every exponent is
            at most 0.
          </li>
        )}
      </ul>

      <Toolbar onReset={reset} />
    </div>
  );
}
