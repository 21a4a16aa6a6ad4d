import { useState } from 'preact/hooks';
import { rnnScript } from '../../lib/ml/shapes';
import { useElementWidth } from '../charts/useElementWidth';
import { formatValue } from '../../lib/common';
import { Notices } from '../widget-kit/Notices';
import { Toolbar } from '../widget-kit/Toolbar';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { CallControls, ConstructorControls, MistakeButtons } from './Controls';
import type { ForwardRequest } from '../../lib/course/rnn-shapes';
import { layoutOf } from '../../lib/course/rnn-shapes';
import { AUTO_RUN_COST, forwardCost, MAX_RUN_COST, rnnSchema, viewOf } from './model';
import { ParametersTable } from './ParametersTable';
import { ShapesTable } from './ShapesTable';
import { UnrolledDiagram } from './UnrolledDiagram';
import { useForwardPass } from './useForwardPass';
import { verdictOf } from './verdict';
import './rnn-shapes.css';

/** The RNN shapes island: nn.RNN's arguments and a call in, shapes, parameters and an unrolled diagram out. */
export default function RnnShapes() {
  return (
    <WidgetBoundary name="RNN shapes widget">
      <RnnShapesView />
    </WidgetBoundary>
  );
}

const billions = (n: number): string => (n >= 1e9 ? `${formatValue(n / 1e9, 1)} billion` : `${formatValue(n / 1e6, 0)} million`);

function RnnShapesView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(rnnSchema);
  const view = viewOf(values);
  const [diagramRef, width] = useElementWidth<HTMLDivElement>(640);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const [forcedKey, setForcedKey] = useState<string>();

  const request: ForwardRequest = { config: view.config, inputShape: view.inputShape, h0Shape: view.h0Shape, seed: values.seed };
  const key = JSON.stringify(request);
  const cost = forwardCost(view.config, view.inputShape);
  const run = cost <= AUTO_RUN_COST || (cost <= MAX_RUN_COST && forcedKey === key);
  const pass = useForwardPass(run ? request : undefined, key, cost > AUTO_RUN_COST);
  const script = rnnScript(request);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(script);
      setCopied('done');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2500);
  };

  const verdict = pass.outcome ? verdictOf(view, pass.outcome) : undefined;
  const messages = [...(view.constructorError ? [view.constructorError] : []), ...view.warnings, ...(view.forward.ok ? [] : [view.forward.error])];

  return (
    <div class="rnn-widget" aria-busy={pass.busy ? 'true' : undefined}>
      <Notices notices={notices} onDismiss={dismissNotices} />
      <ConstructorControls values={values} expectedH0={view.expectedH0} update={update} />
      <CallControls values={values} expectedH0={view.expectedH0} update={update} />
      <MistakeButtons values={values} update={update} />

      <div class="rnn-messages" role="status">
        {messages.map((m) => (
          <p key={m.message} class={m.kind === 'UserWarning' ? 'rnn-message rnn-tone--warning' : 'rnn-message rnn-tone--danger'}>
            <strong>{`PyTorch${m.wording ? ` ${m.wording}` : ''} ${m.kind === 'UserWarning' ? 'warns' : 'raises'}`}</strong> <code>{`${m.kind}: ${m.message}`}</code>
          </p>
        ))}
      </div>

      <h3 class="rnn-heading">Unrolled in time</h3>
      <div ref={diagramRef}>
        <UnrolledDiagram
          u={{
            numLayers: values.num_layers,
            D: values.bidirectional ? 2 : 1,
            seqLen: values.seq_len,
            hiddenSize: values.hidden_size,
            inputSize: values.input_size,
            batch: values.unbatched ? undefined : values.batch,
            layout: layoutOf(values.batch_first, values.unbatched),
          }}
          width={width}
        />
      </div>

      <ShapesTable values={values} view={view} outcome={pass.outcome} pending={pass.busy ? 'running…' : pass.error ? 'failed' : 'not run'} />

      <div class="rnn-engine" aria-live="polite">
        {pass.busy && <p class="rnn-engine__status">Running the forward pass in the engine…</p>}
        {!run && cost <= MAX_RUN_COST && (
          <p class="rnn-engine__status">
            This forward pass takes about {billions(cost)} multiply-adds, so it does not run by itself.{' '}
            <button type="button" class="button button--quiet" onClick={() => setForcedKey(key)}>
              Run it anyway
            </button>
          </p>
        )}
        {!run && cost > MAX_RUN_COST && (
          <p class="rnn-engine__status">
            This forward pass would take about {billions(cost)} multiply-adds, too many for a web page ({billions(MAX_RUN_COST)} at most); the
            shapes above are the calculator's. Shorter sequences, smaller batches or sizes check the same rules.
          </p>
        )}
        {pass.error && <p class="rnn-message rnn-tone--danger">The worker failed: {pass.error.message}</p>}
        {verdict && pass.outcome && (
          <>
            <p class={verdict.agree ? 'rnn-verdict rnn-tone--success' : 'rnn-verdict rnn-tone--danger'}>
              <strong>{verdict.agree ? '✓ Engine and calculator agree.' : '✗ Engine and calculator disagree.'}</strong> {verdict.text}
            </p>
            {pass.outcome.ok && (
              <ul class="rnn-engine__facts">
                {pass.outcome.identities.map((id) => (
                  <li key={id.left}>
                    <code>{id.left}</code> equals <code>{id.right}</code> on the engine's numbers
                    {id.maxDifference === 0 ? ' exactly' : ` (largest difference ${formatValue(id.maxDifference)})`}.
                  </li>
                ))}
                <li>
                  The first numbers of <code>output</code> (seed {values.seed}): {pass.outcome.outputHead.map((n) => formatValue(n)).join(', ')}.
                  PyTorch draws different random numbers from the same seed, so only the shapes must agree.{' '}
                  <button type="button" class="button button--quiet rnn-engine__reseed" onClick={() => update({ seed: (values.seed + 1) % 1_000_000 })}>
                    New random input
                  </button>
                </li>
              </ul>
            )}
          </>
        )}
      </div>

      <h3 class="rnn-heading">Parameters</h3>
      <ParametersTable config={view.config} parameters={view.parameters} total={view.total} />

      <h3 class="rnn-heading">As PyTorch code</h3>
      <pre class="rnn-code scroll-x" role="region" tabIndex={0} aria-label="PyTorch code for this setting">
        <code>{script}</code>
      </pre>

      <Toolbar onReset={reset}>
        <button type="button" class="button" onClick={copy}>
          Copy as PyTorch
        </button>
        <span class="widget-toolbar__status" role="status">
          {copied === 'done' ? 'PyTorch code copied' : copied === 'failed' ? 'Copy failed: select the code above instead' : ''}
        </span>
      </Toolbar>
    </div>
  );
}
