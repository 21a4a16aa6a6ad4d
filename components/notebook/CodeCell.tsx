import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Output } from '../../lib/notebook';
import { useTheme } from '../charts/theme-colors';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { CellPrompt } from './CellPrompt';
import type { CellEditor } from './editor';
import type { RunResult } from './kernel-host';
import { OutputArea } from './OutputArea';
import { focusNextCell, pageKernel, registerCell, runAll, type CellHandle } from './page-kernel';
import { useCellDocument } from './useCellDocument';
import './notebook.css';

interface Props {
  /** The cell's id, stable for good: saved edits and shared links are keyed by it ("define-activation"). */
  id: string;
  /** The page's part of the key of saved edits ("lessons/activation-functions"). */
  page: string;
  /** The cell's TypeScript, as the lesson has it. */
  code: string;
  /** What the cell does, e.g. "Define your activation": names the cell for screen readers. */
  label: string;
  /** Seconds a run may take before it is stopped and the kernel restarted (default 10). */
  timeLimit?: number;
  /** The code as highlighted HTML, shown until the editor has loaded (CodeCell.astro passes it). */
  children?: ComponentChildren;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'queued' }
  | { kind: 'running' }
  | { kind: 'done'; result: RunResult; errorLine?: number };

const TIME_LIMITS = [2, 5, 10, 30, 60, 300];

/** Calls `fn` when the browser is idle (within 2 s), or soon where there is no requestIdleCallback. */
const whenIdle = (fn: () => void): void => void ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 200));
// The editor loads when the cell comes this close to the viewport.
const NEAR_VIEWPORT = '400px 0px';

function statusText(status: Status, stale: boolean): string {
  if (stale) return 'Kernel restarted: this output is from before';
  switch (status.kind) {
    case 'idle':
      return '';
    case 'queued':
      return 'Waiting for the cells before it';
    case 'running':
      return 'Running…';
    case 'done': {
      const { result } = status;
      if (result.status === 'ok') return `Ran in ${result.ms < 1000 ? `${Math.max(1, Math.round(result.ms))} ms` : `${(result.ms / 1000).toFixed(1)} s`}`;
      if (result.status === 'error') return status.errorLine === undefined ? 'Error' : `Error on line ${status.errorLine}`;
      if (result.status === 'timeout') return `Stopped after ${(result.ms / 1000).toFixed(1)} s`;
      if (result.status === 'cancelled') return 'Not run';
      return result.status === 'crashed' ? 'Kernel stopped' : 'Stopped';
    }
  }
}

/**
 * A notebook code cell: TypeScript the reader can edit and run, with the engine in scope, on the
 * page's one kernel (in a sandbox). Shift+Enter runs and moves to the next cell, Ctrl/Cmd+Enter
 * runs in place. The editor (CodeMirror) loads when the cell nears the viewport; until then the
 * code shows as a highlighted block.
 */
export default function CodeCell(props: Props) {
  // The code outlives a crash of the cell's view (WidgetBoundary's Retry), so an edit is never lost.
  const code = useRef(props.code);
  return (
    <WidgetBoundary name={`code cell “${props.label}”`}>
      <CellView {...props} original={props.code} code={code} />
    </WidgetBoundary>
  );
}

function CellView({ id: cellId, page, original, code, label, timeLimit = 10, children }: Omit<Props, 'code'> & { original: string; code: { current: string } }) {
  const root = useRef<HTMLElement>(null);
  const editorHost = useRef<HTMLDivElement>(null);
  const editor = useRef<CellEditor | null>(null);
  // Focus asked for before the editor had loaded (by a shared link): given when it loads.
  const focusWhenReady = useRef(false);
  const focusEditor = (): void => {
    if (editor.current) editor.current.view.focus();
    else focusWhenReady.current = true;
  };
  const doc = useCellDocument({ page, cellId, original, code, editor, root, focusEditor });
  const runToken = useRef(0);
  const [hydrated, setHydrated] = useState(false);
  const [editorReady, setEditorReady] = useState(false);
  const [outputs, setOutputs] = useState<readonly Output[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [stale, setStale] = useState(false);
  const [kernelBusy, setKernelBusy] = useState(false);
  const [limit, setLimit] = useState(timeLimit);
  const limitRef = useRef(limit);
  limitRef.current = limit;
  const theme = useTheme();
  const id = useId();
  const keysId = `${id}-keys`;

  const run = async (): Promise<RunResult> => {
    const token = ++runToken.current;
    const mine = (): boolean => token === runToken.current;
    // This run's outputs, in order; the view shows a copy (late outputs from timers land here too).
    const collected: Output[] = [];
    const show = (o: Output): void => {
      if (!mine()) return;
      collected.push(o);
      setOutputs([...collected]);
    };
    setOutputs([]);
    setStale(false);
    setCount(null);
    setStatus({ kind: 'queued' });
    editor.current?.markError(null);
    const result = await pageKernel().run({
      // The reader's saved code, once it has been read (the run keeps its place in the queue meanwhile).
      code: doc.loaded.then(() => code.current),
      timeLimitMs: limitRef.current * 1000,
      onStart: (n) => {
        if (!mine()) return;
        setCount(n);
        setStatus({ kind: 'running' });
      },
      onOutput: show,
    });
    if (!mine()) return result;
    if (result.message) show({ type: 'notice', text: result.message });
    if (result.status !== 'ok' && result.status !== 'error') setCount(null);
    setStale(false);
    const error = collected.find((o) => o.type === 'error');
    const errorLine = error?.type === 'error' ? error.line : undefined;
    if (error?.type === 'error' && errorLine !== undefined) {
      editor.current?.markError({ line: errorLine, ...(error.column !== undefined ? { column: error.column } : {}), message: `${error.name}: ${error.message}` });
    }
    setStatus({ kind: 'done', result, ...(errorLine !== undefined ? { errorLine } : {}) });
    return result;
  };
  const runRef = useRef(run);
  runRef.current = run;
  const docRef = useRef(doc);
  docRef.current = doc;

  // Register with the page, follow the kernel, and load the editor when the cell nears the viewport.
  useEffect(() => {
    setHydrated(true);
    const element = root.current!;
    const handle: CellHandle = {
      element,
      run: () => runRef.current(),
      focus: () => (editor.current ? editor.current.view.focus() : element.querySelector<HTMLElement>('.code-cell__static')?.focus()),
    };
    const unregister = registerCell(handle);
    const host = pageKernel();
    const unsubscribe = host.subscribe((event) => {
      if (event.type === 'state') setKernelBusy(event.busy);
      else {
        setStale(true);
        setCount(null);
      }
    });
    let cancelled = false;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        // Start the kernel in the background, so that the first Run does not wait for it.
        whenIdle(() => pageKernel().warm());
        void Promise.all([import('./editor'), doc.loaded]).then(([{ createEditor }]) => {
          if (cancelled || !editorHost.current) return;
          const hadFocus = element.querySelector('.code-cell__static') === document.activeElement;
          editor.current = createEditor(editorHost.current, {
            doc: code.current,
            label: `Code of cell “${label}”`,
            describedBy: keysId,
            dark: document.documentElement.dataset.theme === 'dark',
            onRun: () => void runRef.current(),
            onRunAndAdvance: () => {
              void runRef.current();
              focusNextCell(handle);
            },
            onChange: (text) => docRef.current.edited(text),
          });
          setEditorReady(true);
          if (hadFocus || focusWhenReady.current) editor.current.view.focus();
        });
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
      unregister();
      unsubscribe();
      editor.current?.destroy();
      editor.current = null;
    };
  }, []);

  useEffect(() => editor.current?.setDark(theme === 'dark'), [theme, editorReady]);

  // Outputs of a run that no longer matches the kernel are kept but marked.
  const shownStatus = statusText(status, stale && outputs.length > 0);
  const running = status.kind === 'running' || status.kind === 'queued';
  const limits = TIME_LIMITS.includes(timeLimit) ? TIME_LIMITS : [...TIME_LIMITS, timeLimit].sort((a, b) => a - b);

  return (
    <section class="code-cell" ref={root} aria-label={`Code cell: ${label}`} data-code-cell data-cell-id={cellId} onPointerEnter={() => pageKernel().warm()} onFocusCapture={() => pageKernel().warm()}>
      <div class="code-cell__bar">
        <span class="code-cell__count" title="Execution count">
          [{running ? '*' : (count ?? ' ')}]
        </span>
        <button type="button" class="code-cell__button code-cell__button--run" onClick={() => void run()} disabled={!hydrated} aria-keyshortcuts="Shift+Enter Control+Enter Meta+Enter">
          Run
        </button>
        <button type="button" class="code-cell__button" onClick={() => pageKernel().stop()} disabled={!hydrated || !kernelBusy}>
          Stop
        </button>
        <button type="button" class="code-cell__button" onClick={() => void runAll()} disabled={!hydrated}>
          Run all
        </button>
        <button type="button" class="code-cell__button" onClick={() => pageKernel().restart()} disabled={!hydrated}>
          Restart
        </button>
        <label class="code-cell__limit">
          Time limit
          <select value={String(limit)} onChange={(e) => setLimit(Number((e.currentTarget as HTMLSelectElement).value))} disabled={!hydrated}>
            {limits.map((s) => (
              <option key={s} value={String(s)}>
                {s < 60 ? `${s} s` : `${s / 60} min`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="code-cell__button" onClick={() => void doc.copyLink()} disabled={!hydrated}>
          Copy link
        </button>
        {doc.modified && (
          <button type="button" class="code-cell__button" onClick={doc.askReset}>
            Reset to starter code
          </button>
        )}
        {doc.modified && (
          <span class={`code-cell__modified${doc.storageNotice ? ' code-cell__modified--unsaved' : ''}`}>
            Edited<span class="visually-hidden">{doc.storageNotice ? ' (not saved)' : ' (saved in this browser)'}</span>
          </span>
        )}
        <span class="code-cell__status">{shownStatus}</span>
      </div>
      {doc.prompt && <CellPrompt prompt={doc.prompt} onAnswer={doc.answerPrompt} />}
      <div class="code-cell__notes" role="status">
        {doc.message && (
          <p class={`code-cell__note code-cell__note--${doc.message.tone}`}>
            <span>{doc.message.text}</span>
            {doc.message.link !== undefined && <input class="code-cell__link-field" type="text" readOnly value={doc.message.link} aria-label="Link to this cell" onFocus={(e) => e.currentTarget.select()} />}
            {doc.message.back !== undefined && (
              <button type="button" class="code-cell__button" onClick={doc.goBack}>
                Back to your code
              </button>
            )}
            <button type="button" class="nb-link" onClick={doc.dismissMessage}>
              Dismiss
            </button>
          </p>
        )}
        {doc.storageNotice && <p class="code-cell__note code-cell__note--error">{doc.storageNotice}</p>}
        {doc.modified && doc.originalChanged && !doc.storageNotice && (
          <p class="code-cell__note code-cell__note--info">The starter code of this cell has changed since you edited it: Reset to starter code shows the new version.</p>
        )}
      </div>
      <p class="visually-hidden" id={keysId}>
        Shift+Enter runs the cell and moves to the next one; Control+Enter runs it in place. Press Escape, then Tab, to leave the editor.
      </p>
      {!editorReady && (
        <div class="code-cell__static" tabIndex={-1}>
          {/* The lesson's code highlighted at build time, or the reader's own as plain text until the editor loads. */}
          {code.current === original && children ? (
            children
          ) : (
            <pre>
              <code>{code.current}</code>
            </pre>
          )}
        </div>
      )}
      <div class="code-cell__editor" ref={editorHost} hidden={!editorReady} />
      <div class={`code-cell__output${stale && outputs.length > 0 ? ' code-cell__output--stale' : ''}`} role="log" aria-live="polite" aria-label={`Output of cell “${label}”`}>
        <OutputArea outputs={outputs} count={count} />
      </div>
    </section>
  );
}
