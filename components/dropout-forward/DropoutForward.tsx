import { useId } from 'preact/hooks';
import { formatFixed, formatSignificant } from '../../lib/common';
import type { ForwardRequest, ForwardResult } from '../../lib/course/dropout-forward';
import { LineChart } from '../charts/LineChart';
import { useElementWidth } from '../charts/useElementWidth';
import { Notices } from '../widget-kit/Notices';
import { ScrollX } from '../widget-kit/ScrollX';
import { Select } from '../widget-kit/Select';
import { Slider } from '../widget-kit/Slider';
import { Toolbar } from '../widget-kit/Toolbar';
import { useJob } from '../widget-kit/useJob';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { DropoutDrawing } from './DropoutDrawing';
import { forwardSchema, formatActivation, formatP, meanSentence, nextSeed, P_STOPS, PASS_OPTIONS, passSentence, requestOf } from './model';
import './dropout-forward.css';

/** The dropout-forward island: one vector through nn.Dropout(p) in model.train() or model.eval(), and the mean over many passes. */
export default function DropoutForward() {
  return (
    <WidgetBoundary name="dropout forward pass">
      <ForwardView />
    </WidgetBoundary>
  );
}

function createForwardWorker(): Worker {
  return new Worker(new URL('./dropout-forward.worker.ts', import.meta.url), { type: 'module' });
}

function ForwardView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(forwardSchema);
  const request = requestOf(values);
  const training = request.training;
  const job = useJob<ForwardRequest, never, ForwardResult>(createForwardWorker, 'latest-wins', { request: { params: request, key: JSON.stringify(request) } });
  // The last answer stays on screen while a newer one is computed (a few milliseconds to tens).
  const shown = job.last;
  const result = shown?.result;
  const shownRequest = shown ? (JSON.parse(shown.key) as ForwardRequest) : request;
  const [drawingRef, width] = useElementWidth<HTMLDivElement>(600);
  const modeLabel = useId();

  return (
    <div class="dropfwd">
      <Notices notices={notices} onDismiss={dismissNotices} />
      <div class="dropfwd__controls">
        <div class="dropfwd__mode">
          <span class="control__label" id={modeLabel}>
            Mode
          </span>
          <div role="group" aria-labelledby={modeLabel} class="dropfwd__modes">
            <button type="button" class="button button--quiet dropfwd__code" aria-pressed={training} onClick={() => update({ dmode: 'train' })}>
              model.train()
            </button>
            <button type="button" class="button button--quiet dropfwd__code" aria-pressed={!training} onClick={() => update({ dmode: 'eval' })}>
              model.eval()
            </button>
          </div>
          <p class="control__hint">
            <code>model.training</code> is {training ? 'True' : 'False'}
          </p>
        </div>
        <Slider
          label="Drop probability p"
          stops={P_STOPS}
          value={values.dp}
          format={(p) => `p = ${formatP(p)}`}
          onInput={(p) => update({ dp: p })}
          hint={`nn.Dropout(p = ${formatP(values.dp)}): a unit is zeroed with probability p.`}
        />
        <Select label="Average over" value={values.dpasses} options={PASS_OPTIONS} onChange={(v) => update({ dpasses: v })} />
        <label class="dropfwd__check">
          <input type="checkbox" checked={!values.dscaled} onChange={(e) => update({ dscaled: !(e.currentTarget as HTMLInputElement).checked })} />
          without the 1/(1 − p) scaling
        </label>
      </div>

      <div class="dropfwd__draw">
        <button type="button" class="button" disabled={!training} onClick={() => update({ dseed: nextSeed(values.dseed) })}>
          Draw a new mask
        </button>
        <span class="dropfwd__seed">{training ? `mask seed ${values.dseed}` : 'model.eval() draws no mask'}</span>
      </div>

      <div ref={drawingRef} class="dropfwd__drawing">
        {result && <DropoutDrawing result={result} request={shownRequest} width={width} />}
      </div>

      {job.error && (
        <p class="widget-error" role="alert">
          The engine could not run this pass: {job.error.message}{' '}
          <button type="button" class="button button--quiet" onClick={job.retry}>
            Retry
          </button>
        </p>
      )}

      {result && (
        <ul class="dropfwd__facts" aria-live="polite">
          <li>{passSentence(result, shownRequest)}</li>
          <li>{meanSentence(result, shownRequest)}</li>
          {shownRequest.training && shownRequest.p > 0 && shownRequest.p < 1 && (
            <li>
              Every call in training mode draws a new mask, so the same h gives a different output each time. That is what a model
              left in training mode does at evaluation: it predicts through a randomly thinned network.
            </li>
          )}
        </ul>
      )}

      {result && <ConvergenceChart result={result} request={shownRequest} />}

      <details class="dropfwd__numbers">
        <summary>Every unit's numbers</summary>
        <ScrollX label="Every unit's numbers">
          <table class="data-table dropfwd__table" aria-busy={job.busy ? 'true' : undefined}>
            <caption>Every unit: input h, mask factor, this pass's output and the mean over the passes, computed by the engine in float32</caption>
            <thead>
              <tr>
                <th scope="col">Unit</th>
                <th scope="col">h</th>
                <th scope="col">Mask</th>
                <th scope="col">Output</th>
                <th scope="col">Mean</th>
                {shownRequest.training && !shownRequest.scaled && <th scope="col">(1 − p)·h</th>}
              </tr>
            </thead>
            <tbody>
              {result &&
                Array.from(result.h, (h, i) => (
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td>{formatActivation(h)}</td>
                    <td>{result.kept[i] ? `kept ×${formatActivation(result.factor[i]!)}` : 'dropped ×0'}</td>
                    <td>{formatActivation(result.output[i]!)}</td>
                    <td>{formatFixed(result.mean[i]!, 4)}</td>
                    {shownRequest.training && !shownRequest.scaled && <td>{formatFixed(result.limit[i]!, 4)}</td>}
                  </tr>
                ))}
            </tbody>
          </table>
        </ScrollX>
      </details>

      <Toolbar onReset={reset} />
    </div>
  );
}

/** The largest gap over the passes so far, on a log scale: it falls roughly as 1/√N (to (1 − p)·h, not h, without the scaling). */
function ConvergenceChart({ result, request }: { result: ForwardResult; request: ForwardRequest }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(600);
  if (!request.training || request.p === 0 || request.p === 1 || result.passes < 10) return null;
  const x = Array.from({ length: result.passes }, (_, i) => i + 1);
  const unscaled = !request.scaled;
  const series = [{ key: 'h', label: 'largest |mean − h|', x, y: result.hGapHistory, color: 'var(--chart-1)' }];
  if (unscaled) series.push({ key: 'limit', label: 'largest |mean − (1 − p)·h|', x, y: result.gapHistory, color: 'var(--chart-2)', dash: '6 4' } as (typeof series)[number]);
  return (
    <div ref={ref} class="dropfwd__chart">
      <LineChart
        title="Largest gap between the running mean and its limit, over the passes"
        series={series}
        width={width}
        height={200}
        xDomain={[1, result.passes]}
        yScale="log"
        xLabel="passes averaged"
        describe={(n) => {
          const i = Math.max(0, Math.min(result.passes, Math.round(n)) - 1);
          const toH = `after ${i + 1} passes the largest |mean − h| is ${formatSignificant(result.hGapHistory[i]!, 3)}`;
          return unscaled ? `${toH}; the largest |mean − (1 − p)·h| is ${formatSignificant(result.gapHistory[i]!, 3)}.` : `${toH}.`;
        }}
      />
    </div>
  );
}
