import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { mergeStreams, type Output } from '../../lib/notebook';
import { useTheme } from '../charts/theme-colors';
import type { CellEditor, EditorKey } from './editor';
import type { RunResult } from './kernel-host';
import { OutputArea } from './OutputArea';
import type { LibraryCompletions } from './completion-source';
import { focusNextCell, libraryLoader, pageKernel, registerCell, runAll, type CellHandle } from './page-kernel';
import './notebook.css';

/** The accessible names of a cell's parts. */
export interface CellNames {
  /** The cell's region, e.g. "Code cell: Define your activation". */
  readonly region: string;
  /** The editor, e.g. "Code of cell “Define your activation”". */
  readonly editor: string;
  /** The output log. */
  readonly output: string;
}

/** Props of a code cell's view. */
export interface CodeCellViewProps {
  /** The cell's TypeScript; edits are written here (it outlives the view). */
  readonly code: { current: string };
  readonly names: CellNames;
  /** Seconds a run may take before it is stopped and the kernel restarted. */
  readonly timeLimit: number;
  /** Lesson cells show Run all, Restart and a time limit of their own; the notebook page has them in its toolbar. */
  readonly pageControls: boolean;
  /** Outputs and execution count to show at first (a saved notebook). */
  readonly saved?: { readonly outputs: readonly Output[]; readonly count: number | null };
  /** Called with the outputs and count as a run produces them. */
  readonly onOutputs?: (outputs: readonly Output[], count: number | null) => void;
  /** Shift+Enter: where focus goes after the run starts (default: the page's next code cell). */
  readonly onAdvance?: () => void;
  /** Called on every edit. */
  readonly onCodeChange?: (code: string) => void;
  /** Why the cell does not run here (code in another language), if it does not. */
  readonly notRunnable?: string;
  /** More buttons for the cell's bar (move, delete). */
  readonly actions?: ComponentChildren;
  /** More keys for the editor (move the cell...). */
  readonly keys?: readonly EditorKey[];
  /** What those keys do, for screen readers (added to the description of the editor's keys). */
  readonly keysHelp?: string;
  /** Set to the cell's handle (for the page to focus or run it). */
  readonly handleRef?: { current: CellHandle | null };
  /** Set to the cell's editor once it has loaded (for the owner to replace the code or focus it). */
  readonly editorRef?: { current: CellEditor | null };
  /** The cell's element, for its owner. */
  readonly rootRef?: { current: HTMLElement | null };
  /** Resolves when `code` holds the code to show and run (saved edits read from storage). */
  readonly codeReady?: Promise<unknown>;
  /** Set to true to give the editor focus as soon as it has loaded (a shared link asked for it). */
  readonly focusOnLoad?: { readonly current: boolean };
  /** Notes shown under the cell's bar (saving, shared links), in a polite live region. */
  readonly notes?: ComponentChildren;
  /** The lesson library the cell asks for (lib/notebook/libraries.ts): in scope when it runs, and completed in its editor. */
  readonly library?: string;
  /** The cell's id, as `data-cell-id` (lesson cells). */
  readonly cellId?: string;
  /** The code as highlighted HTML, shown until the editor has loaded. */
  readonly children?: ComponentChildren;
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

/** The completions of `library`, or undefined (none asked for, or they could not be loaded: the editor works without them). */
const libraryCompletions = (library: string | undefined): Promise<LibraryCompletions | undefined> =>
  library === undefined
    ? Promise.resolve(undefined)
    : import('virtual:notebook-libraries').then((m) => libraryLoader(m.default, library).completions()).catch(() => undefined);

/** "2 s", "5 min": a time limit as the select shows it. */
export function limitLabel(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${seconds / 60} min`;
}

/** The time limits offered, with `timeLimit` among them. */
export function timeLimits(timeLimit: number): number[] {
  return TIME_LIMITS.includes(timeLimit) ? TIME_LIMITS : [...TIME_LIMITS, timeLimit].sort((a, b) => a - b);
}

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

const NOT_RUN: RunResult = { status: 'cancelled', count: 0, ms: 0 };

/**
 * A code cell: TypeScript the reader can edit and run on the page's one kernel (in a sandbox).
 * Shift+Enter runs and moves to the next cell, Ctrl/Cmd+Enter runs in place. The editor
 * (CodeMirror) loads when the cell nears the viewport; until then the code shows as a block.
 */
export function CodeCellView(props: CodeCellViewProps) {
  const { code, names, timeLimit, pageControls, saved, notRunnable, actions, children } = props;
  const ownRoot = useRef<HTMLElement>(null);
  const root = props.rootRef ?? ownRoot;
  const editorHost = useRef<HTMLDivElement>(null);
  const ownEditor = useRef<CellEditor | null>(null);
  const editor = props.editorRef ?? ownEditor;
  const runToken = useRef(0);
  const [hydrated, setHydrated] = useState(false);
  const [editorReady, setEditorReady] = useState(false);
  const [outputs, setOutputs] = useState<readonly Output[]>(saved?.outputs ?? []);
  const [count, setCount] = useState<number | null>(saved?.count ?? null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [stale, setStale] = useState(false);
  const [kernelBusy, setKernelBusy] = useState(false);
  const [ownLimit, setOwnLimit] = useState(timeLimit);
  const limit = pageControls ? ownLimit : timeLimit;
  // What callbacks registered once (the editor, the page's handle) read: always this render's props.
  const latest = useRef({ props, limit });
  latest.current = { props, limit };
  const theme = useTheme();
  const id = useId();
  const keysId = `${id}-keys`;

  const run = async (): Promise<RunResult> => {
    if (latest.current.props.notRunnable) return NOT_RUN;
    const token = ++runToken.current;
    const mine = (): boolean => token === runToken.current;
    // This run's outputs, in order; the view shows a copy (late outputs from timers land here too).
    const collected: Output[] = [];
    let shownCount: number | null = null;
    const show = (next: readonly Output[], n: number | null): void => {
      setOutputs(next);
      setCount(n);
      latest.current.props.onOutputs?.(mergeStreams(next), n);
    };
    const add = (o: Output): void => {
      if (!mine()) return;
      collected.push(o);
      show([...collected], shownCount);
    };
    show([], null);
    setStale(false);
    setStatus({ kind: 'queued' });
    editor.current?.markError(null);
    const result = await pageKernel().run({
      // The reader's saved code, once it has been read (the run keeps its place in the queue meanwhile).
      code: props.codeReady ? props.codeReady.then(() => code.current) : code.current,
      timeLimitMs: latest.current.limit * 1000,
      ...(latest.current.props.library === undefined ? {} : { libraries: [latest.current.props.library] }),
      onStart: (n) => {
        if (!mine()) return;
        shownCount = n;
        show([...collected], n);
        setStatus({ kind: 'running' });
      },
      onOutput: add,
    });
    if (!mine()) return result;
    if (result.message) add({ type: 'notice', text: result.message });
    if (result.status !== 'ok' && result.status !== 'error') {
      shownCount = null;
      show([...collected], null);
    }
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

  // Register with the page, follow the kernel, and load the editor when the cell nears the viewport.
  useEffect(() => {
    setHydrated(true);
    const element = root.current!;
    const handle: CellHandle = {
      element,
      run: () => runRef.current(),
      focus: () => (editor.current ? editor.current.view.focus() : element.querySelector<HTMLElement>('.code-cell__static')?.focus()),
    };
    if (props.handleRef) props.handleRef.current = handle;
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
        if (!latest.current.props.notRunnable) whenIdle(() => pageKernel().warm());
        void Promise.all([import('./editor'), libraryCompletions(props.library), props.codeReady]).then(([{ createEditor }, library]) => {
          if (cancelled || !editorHost.current) return;
          const hadFocus = element.querySelector('.code-cell__static') === document.activeElement;
          editor.current = createEditor(editorHost.current, {
            doc: code.current,
            label: latest.current.props.names.editor,
            describedBy: keysId,
            dark: document.documentElement.dataset.theme === 'dark',
            onRun: () => void runRef.current(),
            onRunAndAdvance: () => {
              void runRef.current();
              const advance = latest.current.props.onAdvance;
              if (advance) advance();
              else focusNextCell(handle);
            },
            onChange: (doc) => {
              code.current = doc;
              latest.current.props.onCodeChange?.(doc);
            },
            // The keys are fixed when the editor is made; what they do is always the latest props'.
            keys: (latest.current.props.keys ?? []).map(({ key }) => ({ key, run: () => latest.current.props.keys?.find((k) => k.key === key)?.run() })),
            ...(library ? { library } : {}),
          });
          setEditorReady(true);
          if (hadFocus || props.focusOnLoad?.current) editor.current.view.focus();
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
      if (props.handleRef?.current === handle) props.handleRef.current = null;
      editor.current?.destroy();
      editor.current = null;
    };
  }, []);

  useEffect(() => editor.current?.setDark(theme === 'dark'), [theme, editorReady]);
  useEffect(() => editor.current?.setLabel(names.editor), [names.editor, editorReady]);

  // Outputs of a run that no longer matches the kernel are kept but marked.
  const shownStatus = notRunnable ?? statusText(status, stale && outputs.length > 0);
  const running = status.kind === 'running' || status.kind === 'queued';

  return (
    <section class="code-cell" ref={root} aria-label={names.region} data-code-cell data-cell-id={props.cellId} onPointerEnter={() => !notRunnable && pageKernel().warm()} onFocusCapture={() => !notRunnable && pageKernel().warm()}>
      <div class="code-cell__bar">
        <span class="code-cell__count" title="Execution count">
          [{running ? '*' : (count ?? ' ')}]
        </span>
        <button
          type="button"
          class="code-cell__button code-cell__button--run"
          onClick={() => void run()}
          disabled={!hydrated || notRunnable !== undefined}
          aria-keyshortcuts="Shift+Enter Control+Enter Meta+Enter"
        >
          Run
        </button>
        {pageControls && (
          <>
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
              <select value={String(ownLimit)} onChange={(e) => setOwnLimit(Number((e.currentTarget as HTMLSelectElement).value))} disabled={!hydrated}>
                {timeLimits(timeLimit).map((s) => (
                  <option key={s} value={String(s)}>
                    {limitLabel(s)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {actions}
        <span class="code-cell__status">{shownStatus}</span>
      </div>
      {props.notes}
      <p class="visually-hidden" id={keysId}>
        Shift+Enter runs the cell and moves to the next one; Control+Enter runs it in place. Press Escape, then Tab, to leave the editor.
        {props.keysHelp ? ` ${props.keysHelp}` : ''}
      </p>
      {!editorReady && (
        <div class="code-cell__static" tabIndex={-1}>
          {children ?? (
            <pre>
              <code>{code.current}</code>
            </pre>
          )}
        </div>
      )}
      <div class="code-cell__editor" ref={editorHost} hidden={!editorReady} />
      <div class={`code-cell__output${stale && outputs.length > 0 ? ' code-cell__output--stale' : ''}`} role="log" aria-live="polite" aria-label={names.output}>
        <OutputArea outputs={outputs} count={count} />
      </div>
    </section>
  );
}
