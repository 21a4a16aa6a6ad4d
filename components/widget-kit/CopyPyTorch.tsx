import { useRef, useState } from 'preact/hooks';

/** A script a button copies: which run it is ("run A") and how to write it (called on click: scripts can be large). */
export interface ScriptSource {
  label: string;
  script(): string;
}

interface Shown {
  label: string;
  code: string;
}

/**
 * "Copy run A as PyTorch" buttons, one per run, for a widget's toolbar: each writes its run's script
 * to the clipboard and says so. Where the clipboard is refused (no permission, an insecure page),
 * the script opens below in a text box to select and copy by hand; so does a script that cannot be
 * written, with the reason.
 */
export function CopyPyTorch({ sources }: { sources: readonly ScriptSource[] }) {
  const [status, setStatus] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const details = useRef<HTMLDetailsElement>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const say = (message: string): void => {
    setStatus(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), 4000);
  };

  const copy = async (source: ScriptSource): Promise<void> => {
    let code: string;
    try {
      code = source.script();
    } catch (e) {
      setError(`Could not write ${source.label} as PyTorch: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    setError(null);
    setShown({ label: source.label, code });
    try {
      await navigator.clipboard.writeText(code);
      say(`PyTorch script of ${source.label} copied`);
    } catch {
      say(`Copy failed: the script of ${source.label} is below, select it and copy`);
      if (details.current) details.current.open = true;
      requestAnimationFrame(() => text.current?.select());
    }
  };

  return (
    <>
      {sources.map((source) => (
        <button key={source.label} type="button" class="button button--quiet" onClick={() => void copy(source)}>
          Copy {source.label} as PyTorch
        </button>
      ))}
      <span class="widget-toolbar__status" role="status">
        {status}
      </span>
      {error && (
        <p class="copy-pytorch__error" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <details class="copy-pytorch" ref={details}>
          <summary>PyTorch script of {shown.label}</summary>
          <textarea ref={text} class="copy-pytorch__code" readOnly rows={14} spellcheck={false} aria-label={`PyTorch script of ${shown.label}`} value={shown.code} />
        </details>
      )}
    </>
  );
}
