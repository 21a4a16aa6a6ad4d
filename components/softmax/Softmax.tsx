import { entropy } from '../../lib/course/activations';
import { FLOAT32_EXP_LIMIT, type SoftmaxColumns } from '../../lib/course/activations';
import { useElementWidth } from '../charts/useElementWidth';
import { formatFixed, formatSignificant, formatValue } from '../../lib/common';
import { Notices } from '../widget-kit/Notices';
import { Slider } from '../widget-kit/Slider';
import { Toolbar } from '../widget-kit/Toolbar';
import { useJob } from '../widget-kit/useJob';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { ProbabilityBars } from '../charts/ProbabilityBars';
import { LogitInputs } from './LogitInputs';
import { PRESETS, softmaxSchema, TEMPERATURE_STOPS } from './model';
import type { SoftmaxRequest } from './softmax.job';
import './softmax.css';

/** The softmax island: editable logits, a temperature, and the probabilities they give. */
export default function SoftmaxWidget() {
  return (
    <WidgetBoundary name="softmax widget">
      <SoftmaxView />
    </WidgetBoundary>
  );
}


function createSoftmaxWorker(): Worker {
  return new Worker(new URL('./softmax.worker.ts', import.meta.url), { type: 'module' });
}

function SoftmaxView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(softmaxSchema);
  const { logits, T, shift } = values;
  const [chartRef, width] = useElementWidth<HTMLDivElement>(560);
  const request: SoftmaxRequest = { logits, shift, temperature: T };
  const job = useJob<SoftmaxRequest, never, SoftmaxColumns>(createSoftmaxWorker, 'latest-wins', { request: { params: request, key: JSON.stringify(request) } });
  // Until the engine's first answer arrives (and while a newer one is computed) the last one stays.
  const columns = job.last?.result;
  const rows = columns?.stable.length ?? logits.length;
  const p = columns?.stable ?? [];
  const naiveBroken = columns?.naive.some((v) => !Number.isFinite(v)) ?? false;
  const maxChange = columns ? Math.max(...columns.stable.map((pi, i) => Math.abs(pi - (columns.unshifted[i] ?? NaN)))) : 0;
  const top = p.indexOf(Math.max(...p));
  const cell = (list: readonly number[] | undefined, i: number, digits: number): string => (list ? formatValue(list[i] ?? NaN, digits) : '…');

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
        <ProbabilityBars probabilities={p} width={width} height={200} />
      </div>

      <table class="data-table softmax__table" aria-busy={job.busy ? 'true' : undefined}>
        <caption>Probabilities p = softmax((z + c) / T), computed by the engine in float32, PyTorch's default</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">z + c</th>
            <th scope="col">p (stable)</th>
            <th scope="col">Formula without the shift</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>{cell(columns?.shifted, i, 2)}</td>
              <td>{cell(columns?.stable, i, 4)}</td>
              <td class={columns && !Number.isFinite(columns.naive[i]) ? 'softmax__bad' : ''}>{cell(columns?.naive, i, 4)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {job.error && (
        <p class="widget-error" role="alert">
          The engine could not compute these probabilities: {job.error.message}{' '}
          <button type="button" class="button button--quiet" onClick={job.retry}>
            Retry
          </button>
        </p>
      )}

      {columns && (
        <ul class="softmax__facts" aria-live="polite">
          <li>
            Most likely: class {top + 1}, p = {formatValue(p[top] ?? NaN, 4)}. Entropy {formatFixed(entropy(p), 3)} nats (uniform
            would be {formatFixed(Math.log(p.length), 3)}).
          </li>
          <li>
            Adding c = {formatFixed(shift, 0)} changed the probabilities by at most{' '}
            {maxChange === 0 ? '0' : `${formatValue(maxChange)} (float32 rounding: z + c is stored with 24 significant bits)`}.
          </li>
          {naiveBroken && (
            <li class="softmax__warning">
              Straight from the definition, e<sup>(z+c)/T</sup> overflows. In float32, the largest number is about 3.4 × 10
              <sup>38</sup>, so e<sup>x</sup> is ∞ for every x above {formatFixed(FLOAT32_EXP_LIMIT, 2)}, and here the largest
              exponent is {formatSignificant(columns.largestExponent, 6)}. The sum is then ∞: ∞/∞ is NaN, and a finite e<sup>x</sup>/∞ is
              0. The stable version subtracts the largest logit first, so every exponent is at most 0.
            </li>
          )}
        </ul>
      )}

      <Toolbar onReset={reset} />
    </div>
  );
}
