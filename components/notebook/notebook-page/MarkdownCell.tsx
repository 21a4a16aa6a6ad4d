import { memo } from 'preact/compat';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MarkdownCellData } from '../../../lib/notebook';
import { CELL_KEYS_HELP, CellActions, handleCellKey, type CellApi } from './cell-api';

/** Props of a Markdown cell. */
interface Props {
  readonly cell: MarkdownCellData;
  /** The cell's number (1 = first), for its names ("Markdown cell 3"). */
  readonly number: number;
  readonly total: number;
  /** Whether the source is being edited (else it is shown rendered). */
  readonly editing: boolean;
  readonly api: CellApi;
  /** Set to a function that focuses the cell (its text box or its rendered text). */
  readonly focusRef: { current: (() => void) | null };
}

type Renderer = (source: string) => string;

// What may be wider than a phone in rendered Markdown, and what a region of each kind is called.
const WIDE: [selector: string, kind: string][] = [
  ['.katex-display', 'Formula'],
  ['table', 'Table'],
];

/**
 * Makes each formula or table in `root` that is wider than its box a named region the keyboard can
 * scroll, while it overflows. Returns the function that stops watching.
 */
function watchWide(root: HTMLElement, cell: number): () => void {
  const update = (el: HTMLElement): void => {
    const [selector, kind] = WIDE.find(([s]) => el.matches(s))!;
    if (el.scrollWidth > el.clientWidth + 1) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      const n = [...root.querySelectorAll(selector)].indexOf(el) + 1;
      el.setAttribute('aria-label', `${kind} ${n} of Markdown cell ${cell} (scrolls sideways)`);
    } else if (el.getAttribute('role') === 'region') {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  };
  const elements = [...root.querySelectorAll<HTMLElement>(WIDE.map(([s]) => s).join(', '))];
  const observer = new ResizeObserver((entries) => entries.forEach((e) => update(e.target as HTMLElement)));
  elements.forEach((el) => observer.observe(el));
  return () => observer.disconnect();
}
let renderer: Promise<Renderer> | null = null;

/** The Markdown renderer (micromark and KaTeX), loaded on first use. */
function loadRenderer(): Promise<Renderer> {
  renderer ??= import('./markdown').then((m) => m.renderMarkdown);
  return renderer;
}

/**
 * A Markdown cell, as in Jupyter: rendered (with KaTeX math) until the reader edits it by
 * double-click, Enter or its Edit button; Shift+Enter or Ctrl+Enter renders it again. The HTML
 * is made by markdown.ts, which lets no raw HTML, script or unsafe link through.
 */
export const MarkdownCell = memo(function MarkdownCell({ cell, number, total, editing, api, focusRef }: Props) {
  const { id: cellId, source } = cell;
  const setEditing = (edit: boolean): void => api.setEditing(cellId, edit);
  const [render, setRender] = useState<Renderer | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const rendered = useRef<HTMLDivElement>(null);
  const id = useId();
  // After a toggle, focus follows into the text box or back to the rendered text.
  const moveFocus = useRef(false);

  useEffect(() => {
    let cancelled = false;
    void loadRenderer().then((r) => !cancelled && setRender(() => r));
    return () => void (cancelled = true);
  }, []);

  const html = useMemo(() => (render && !editing ? render(source) : null), [render, source, editing]);
  const htmlRoot = useRef<HTMLDivElement>(null);
  useEffect(() => (htmlRoot.current ? watchWide(htmlRoot.current, number) : undefined), [html, number]);

  useLayoutEffect(() => {
    focusRef.current = () => (editing ? text.current?.focus() : rendered.current?.focus());
    if (!moveFocus.current) return;
    moveFocus.current = false;
    focusRef.current();
  });

  const toggle = (edit: boolean): void => {
    moveFocus.current = true;
    setEditing(edit);
  };

  const onTextKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setEditing(false);
      api.advance(cellId);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      toggle(false);
    } else if (handleCellKey(api, cellId, e)) e.preventDefault();
  };

  const onRenderedKey = (e: KeyboardEvent): void => {
    if (e.target !== e.currentTarget) return; // a link inside
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      toggle(true);
    } else if (handleCellKey(api, cellId, e)) e.preventDefault();
  };

  const lines = source.split('\n').length;
  return (
    <section class="md-cell" aria-label={`Markdown cell ${number}`} data-markdown-cell>
      <div class="code-cell__bar md-cell__bar">
        <span class="md-cell__kind" aria-hidden="true">
          Markdown
        </span>
        <button type="button" class="code-cell__button" onClick={() => toggle(!editing)} aria-keyshortcuts={editing ? 'Shift+Enter Control+Enter' : 'Enter'}>
          {editing ? 'Render' : 'Edit'}
        </button>
        <CellActions api={api} id={cellId} number={number} total={total} />
      </div>
      <p class="visually-hidden" id={`${id}-keys`}>
        {editing ? 'Shift+Enter renders the cell and moves to the next one; Control+Enter renders it in place.' : 'Press Enter or double-click to edit.'} {CELL_KEYS_HELP}
      </p>
      {editing ? (
        <textarea
          ref={text}
          class="md-cell__source"
          aria-label={`Markdown of cell ${number}`}
          aria-describedby={`${id}-keys`}
          rows={Math.min(30, Math.max(3, lines + 1))}
          value={source}
          spellcheck
          onInput={(e) => api.setSource(cellId, (e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={onTextKey}
        />
      ) : (
        <div ref={rendered} class="md-cell__rendered" tabIndex={0} aria-describedby={`${id}-keys`} onDblClick={() => toggle(true)} onKeyDown={onRenderedKey}>
          {source.trim() === '' ? (
            <p class="md-cell__empty">Empty Markdown cell: double-click or press Enter to write in it.</p>
          ) : html !== null ? (
            <div ref={htmlRoot} class="md-cell__html" dangerouslySetInnerHTML={{ __html: html }} />
          ) : (
            <pre class="md-cell__plain">{source}</pre>
          )}
        </div>
      )}
    </section>
  );
});
