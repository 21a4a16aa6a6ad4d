import { useEffect, useState } from 'preact/hooks';
import { fileNameFor, ipynbText, notebookToTypeScript } from '../../../lib/notebook';
import { runAll } from '../page-kernel';
import { CellList } from './CellList';
import { downloadText } from './download';
import { NotebookHeader } from './NotebookHeader';
import { NotebookList } from './NotebookList';
import { NotebookToolbar } from './NotebookToolbar';
import { useNotebooks, type PageMessage } from './useNotebooks';
import '../notebook.css';
import './notebook-page.css';

function Message({ message, onDismiss }: { message: PageMessage; onDismiss(): void }) {
  return (
    <div class={`nb-message nb-message--${message.kind}`} role={message.kind}>
      <p>{message.text}</p>
      {message.details && message.details.length > 0 && (
        <ul>
          {message.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      <button type="button" class="code-cell__button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** Whether a drag carries files. */
const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');

/**
 * The standalone notebook: notebooks saved in this browser, one open at a time, with code and
 * Markdown cells on one sandboxed kernel; export as .ipynb or .ts, import .ipynb (by the button or
 * by dropping a file on the page).
 */
export default function NotebookPage() {
  const nb = useNotebooks();
  const [timeLimit, setTimeLimit] = useState(10);
  const [editing, setEditing] = useState<ReadonlySet<string>>(() => new Set());
  const [dragging, setDragging] = useState(false);
  const { open, store } = nb;
  const ready = open !== null && store !== null;

  // Another notebook opened: its Markdown cells start rendered (empty ones ready to write in).
  useEffect(() => setEditing(new Set(open?.doc.cells.filter((c) => c.type === 'markdown' && c.source === '').map((c) => c.id))), [open?.session]);

  const runEverything = (): void => {
    setEditing(new Set());
    void runAll();
  };

  const drop = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files[0];
    if (file) void nb.importFile(file);
  };

  return (
    <div
      class={`nb-page${dragging ? ' nb-page--dragging' : ''}`}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={drop}
    >
      <NotebookList
        list={nb.list}
        current={open?.name}
        disabled={!ready}
        onOpen={(name) => void nb.openByName(name)}
        onNew={() => void nb.createNew()}
        onDuplicate={(name) => void nb.duplicate(name)}
        onDelete={(name) => void nb.remove(name)}
      />
      <section class="nb-main" aria-label="Open notebook">
        {nb.storageProblem && (
          <p class="nb-message nb-message--alert" role="alert">
            {nb.storageProblem}
          </p>
        )}
        {nb.pageMessage && <Message message={nb.pageMessage} onDismiss={() => nb.setPageMessage(null)} />}
        {!ready ? (
          <p class="nb-loading" role="status">
            Opening your notebooks…
          </p>
        ) : (
          <>
            <NotebookHeader name={open.name} save={nb.save} storage={store.kind} rename={nb.rename} />
            <NotebookToolbar
              timeLimit={timeLimit}
              setTimeLimit={setTimeLimit}
              onRunAll={runEverything}
              onExportIpynb={() => downloadText(ipynbText(open.doc), fileNameFor(open.name, '.ipynb'), 'application/x-ipynb+json')}
              onExportTs={() => downloadText(notebookToTypeScript(open.doc, open.name), fileNameFor(open.name, '.ts'), 'text/typescript')}
              onImport={(file) => void nb.importFile(file)}
              disabled={!ready}
            />
            <details class="nb-keys">
              <summary>Keyboard shortcuts</summary>
              <dl>
                <dt>Shift+Enter</dt>
                <dd>Run a code cell (render a Markdown cell) and go to the next cell</dd>
                <dt>Ctrl+Enter</dt>
                <dd>Run (or render) in place</dd>
                <dt>Alt+Enter</dt>
                <dd>Run, then add a code cell below</dd>
                <dt>Ctrl+Shift+↑ / ↓</dt>
                <dd>Move the cell up or down</dd>
                <dt>Enter or double-click</dt>
                <dd>Edit a rendered Markdown cell</dd>
                <dt>Escape, then Tab</dt>
                <dd>Leave a code editor</dd>
              </dl>
            </details>
            <CellList key={open.session} doc={open.doc} timeLimit={timeLimit} editing={editing} setEditing={setEditing} edit={nb.edit} />
          </>
        )}
        <p class="nb-drop-hint" aria-hidden="true">
          Drop a .ipynb file to import it
        </p>
      </section>
    </div>
  );
}
