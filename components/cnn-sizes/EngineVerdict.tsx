import type { StackResult } from '../../lib/ml/layer-stack';
import { engineSummary } from './engine-text';
import type { EngineCheckState } from './useEngineCheck';

interface Props {
  check: EngineCheckState;
  result: StackResult;
  layerCount: number;
}

/** What the engine check says about the stack on screen, read out when it changes. */
export function EngineVerdict({ check, result, layerCount }: Props) {
  const bad = check.result !== null && !check.result.agrees;
  let text: string;
  if (layerCount === 0) text = 'Engine check: nothing to check yet.';
  else if (check.phase === 'failed') text = `Engine check could not run: ${check.error?.message ?? 'unknown error'}.`;
  else if (check.phase === 'done' && check.result) text = engineSummary(check.result, result);
  else if (check.progress) text = `Engine check: running layer ${check.progress.done + 1} of ${check.progress.total} in a worker…`;
  else text = 'Engine check: starting…';
  return (
    <div class={`engine-verdict${bad || check.phase === 'failed' ? ' engine-verdict--bad' : ''}`} aria-busy={check.phase === 'running' || check.phase === 'waiting' ? 'true' : undefined}>
      <p aria-live="polite">{text}</p>
      {check.phase === 'failed' && (
        <button type="button" class="button button--quiet button--small" onClick={check.retry}>
          Run the check again
        </button>
      )}
      <p class="engine-verdict__how">
        Every row is computed twice: by the shape formulas, and by building each layer in the course’s own engine and running one image through it,
        layer by layer, in a background thread. Each layer’s weights are made, used and dropped before the next, and the check stops forward passes
        after 1.5 billion multiply-adds and leaves out any layer over 160 MB, so it stays within a few seconds and a browser tab’s memory.
      </p>
    </div>
  );
}
