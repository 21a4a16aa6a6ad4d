import { useRef, useState } from 'preact/hooks';

interface Props {
  /** Returns the widget to its defaults. */
  onReset(): void;
  /** The reset button's label (default "Reset"; training widgets say "Default settings"). */
  resetLabel?: string;
  /** Extra buttons placed before Reset. */
  children?: preact.ComponentChildren;
}

/** The link Copy link copies: the page with the widgets' state, ending at the frame of the widget the toolbar is in. */
function widgetLink(toolbar: HTMLElement | null): string {
  const url = new URL(window.location.href);
  const frame = toolbar?.closest<HTMLElement>('section.widget[id]');
  if (frame) url.hash = frame.id;
  return url.href;
}

/** The row of buttons every widget ends with: its own actions, Copy link (to this widget) and Reset. */
export function Toolbar({ onReset, resetLabel = 'Reset', children }: Props) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const row = useRef<HTMLDivElement>(null);
  const copy = async (): Promise<void> => {
    // The URL is written a moment after each change; wait for it so the link has the latest state.
    await new Promise((r) => setTimeout(r, 300));
    const link = widgetLink(row.current);
    try {
      await navigator.clipboard.writeText(link);
      setCopied('done');
    } catch {
      window.history.replaceState(window.history.state, '', link); // so that the address bar has the whole link
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2500);
  };
  return (
    <div class="widget-toolbar" ref={row}>
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
