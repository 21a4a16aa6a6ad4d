import { useState } from 'preact/hooks';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';

/**
 * A widget that throws on request, for the author guide: it shows what readers see when a widget
 * fails (the boundary's message and Retry button) instead of a blank box.
 */
export default function CrashDemo() {
  return (
    <WidgetBoundary name="crash demonstration">
      <Crashable />
    </WidgetBoundary>
  );
}

function Crashable() {
  const [broken, setBroken] = useState(false);
  const [clicks, setClicks] = useState(0);
  if (broken) throw new Error('Simulated failure: the widget threw while rendering.');
  return (
    <div class="crash-demo">
      <p>
        This widget works until you break it. Counter: <output>{clicks}</output>
      </p>
      <div class="widget-toolbar">
        <button type="button" class="button button--quiet" onClick={() => setClicks((c) => c + 1)}>
          Count
        </button>
        <button type="button" class="button" onClick={() => setBroken(true)}>
          Simulate a crash
        </button>
      </div>
    </div>
  );
}
