import type { ComponentChildren } from 'preact';

/** A message about input the widget cannot use, announced at once; the widget keeps working around it. */
export function Problem({ children }: { children: ComponentChildren }) {
  return (
    <p class="fm-problem" role="alert">
      {children}
    </p>
  );
}

/** The engine's own error for the current settings, with a Retry button (runs the same request again). */
export function EngineError({ error, onRetry }: { error: Error; onRetry(): void }) {
  return (
    <Problem>
      The engine could not compute this: {error.message}{' '}
      <button type="button" class="button button--quiet" onClick={onRetry}>
        Retry
      </button>
    </Problem>
  );
}
