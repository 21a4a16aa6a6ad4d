import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { CellPrompt } from './CellPrompt';
import { CodeCellView } from './CodeCellView';
import type { CellEditor } from './editor';
import { useCellDocument } from './useCellDocument';

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
  /** A lesson library the cell uses ("hyperparameter-search", seen as `search`): see lib/notebook/libraries.ts. */
  library?: string;
  /** The code as highlighted HTML, shown until the editor has loaded (CodeCell.astro passes it). */
  children?: ComponentChildren;
}

/**
 * A lesson's code cell: TypeScript the reader can edit and run, with the engine in scope, on the
 * page's one kernel (in a sandbox), with its own Run all, Restart and time limit. Edits are saved
 * in the browser, Copy link shares the code, and Reset brings back the lesson's.
 */
export default function CodeCell(props: Props) {
  // The code outlives a crash of the cell's view (WidgetBoundary's Retry), so an edit is never lost.
  const code = useRef(props.code);
  return (
    <WidgetBoundary name={`code cell “${props.label}”`}>
      <LessonCell {...props} original={props.code} code={code} />
    </WidgetBoundary>
  );
}

function LessonCell({ id: cellId, page, original, code, label, timeLimit = 10, library, children }: Omit<Props, 'code'> & { original: string; code: { current: string } }) {
  const root = useRef<HTMLElement>(null);
  const editor = useRef<CellEditor | null>(null);
  // Focus asked for before the editor had loaded (by a shared link): given when it loads.
  const focusWhenReady = useRef(false);
  const focusEditor = (): void => {
    if (editor.current) editor.current.view.focus();
    else focusWhenReady.current = true;
  };
  const doc = useCellDocument({ page, cellId, original, code, editor, root, focusEditor });
  const names = { region: `Code cell: ${label}`, editor: `Code of cell “${label}”`, output: `Output of cell “${label}”` };
  const actions = (
    <>
      <button type="button" class="code-cell__button" onClick={() => void doc.copyLink()}>
        Copy link
      </button>
      {doc.modified && (
        <button type="button" class="code-cell__button" onClick={doc.askReset}>
          Reset to starter code
        </button>
      )}
      {doc.modified &&
        (doc.shared ? (
          <span class="code-cell__modified">
            From a link<span class="visually-hidden"> (not saved until you edit it)</span>
          </span>
        ) : (
          <span class={`code-cell__modified${doc.storageNotice ? ' code-cell__modified--unsaved' : ''}`}>
            Edited<span class="visually-hidden">{doc.storageNotice ? ' (not saved)' : ' (saved in this browser)'}</span>
          </span>
        ))}
    </>
  );
  const notes = (
    <>
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
    </>
  );
  return (
    <CodeCellView
      code={code}
      names={names}
      timeLimit={timeLimit}
      {...(library === undefined ? {} : { library })}
      pageControls
      cellId={cellId}
      rootRef={root}
      editorRef={editor}
      codeReady={doc.loaded}
      focusOnLoad={focusWhenReady}
      onCodeChange={(text) => doc.edited(text)}
      actions={actions}
      notes={notes}
    >
      {/* The lesson's code highlighted at build time, or the reader's own as plain text until the editor loads. */}
      {code.current === original ? children : undefined}
    </CodeCellView>
  );
}
