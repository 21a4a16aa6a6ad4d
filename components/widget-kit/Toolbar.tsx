import { useState } from 'preact/hooks';

interface Props {
  /** Returns the widget to its defaults. */
  onReset(): void;
  /** The reset button's label (default "Reset"; training widgets say "Default settings"). */
  resetLabel?: string;
  /** Extra buttons placed before Reset. */
  children?: preact.ComponentChildren;
}

/** The row of buttons every widget ends with: its own actions, Copy link and Reset. */
export function Toolbar({ onReset, resetLabel = 'Reset', children }: Props) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = async (): Promise<void> => {
    // The URL is written a moment after each change; wait for it so the link has the latest state.
    await new Promise((r) => setTimeout(r, 300));
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('done');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2500);
  };
  return (
    <div class="widget-toolbar">
      {children}
      <button type="button" class="button button--quiet" onClick={copy}>
        Copy link
      </button>
      <button type="button" class="button button--quiet" onClick={onReset}>
        {resetLabel}
      </button>
      <span class="widget-toolbar__status" role="status">
        {copied === 'done' ? 'Link copied' : copied === 'failed' ? 'Copy failed: the link is in the address bar' : ''}
      </span>
    </div>
  );
}
