import { useId, useRef, useState } from 'preact/hooks';
import { LIMIT_TEXT, MAX_SOURCE_CHARS, type ImportProblem, type ImportResult, type Layer, type StackInput } from '../../lib/ml/layer-stack';
import { useImportJob } from './useImportJob';

interface Props {
  /** Receives the layers read from the code, and the input if the code set one; returns remarks on what it assumed. */
  onImport(layers: readonly Layer[], input: StackInput | null): readonly string[];
}

type Outcome =
  | { kind: 'problems'; result: ImportResult; source: string }
  | { kind: 'built'; result: ImportResult; source: string; notes: readonly string[] }
  | { kind: 'failed'; message: string }
  | null;

/** How many problems are listed at most (the rest are counted). */
const MAX_LISTED = 6;
/** The longest excerpt of a line shown under a problem. */
const EXCERPT_CHARS = 160;

function createImportWorker(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

/** The line of `source` around `offset`, cut to a window around the column, with a caret under the spot. */
function excerpt(source: string, p: ImportProblem): string | null {
  const start = source.lastIndexOf('\n', p.offset - 1) + 1;
  const end = source.indexOf('\n', p.offset);
  const line = source.slice(start, end === -1 ? undefined : end);
  if (line.trim() === '') return null;
  const column = p.offset - start;
  const from = Math.max(0, Math.min(column - 40, line.length - EXCERPT_CHARS));
  const shown = line.slice(from, from + EXCERPT_CHARS);
  const carets = '^'.repeat(Math.max(1, Math.min(p.length, shown.length - (column - from))));
  return `${from > 0 ? '…' : ''}${shown}${from + EXCERPT_CHARS < line.length ? '…' : ''}\n${' '.repeat(column - from + (from > 0 ? 1 : 0))}${carets}`;
}

/** One problem: where it is, what is wrong, a button that selects the spot, and the line with a caret. */
function Problem({ problem, source, onShow }: { problem: ImportProblem; source: string; onShow(p: ImportProblem): void }) {
  const lines = excerpt(source, problem);
  return (
    <>
      <p class="import-box__where">
        <strong>
          Line {problem.line}, column {problem.column}:
        </strong>{' '}
        {problem.message}{' '}
        <button type="button" class="button button--quiet button--small" onClick={() => onShow(problem)}>
          Show
        </button>
      </p>
      {lines !== null && (
        <pre class="import-box__excerpt" aria-hidden="true">
          {lines}
        </pre>
      )}
    </>
  );
}

/**
 * The “PyTorch model” box: paste an nn.Sequential(...), a model class or what print(model)
 * prints, and build the stack from it. The code is read in a worker, so that no paste, however
 * long or strange, stops the page; the limits are said before anything is pasted. Problems are
 * listed with their line and column, the line itself and a caret; “Show” selects the spot in the
 * box. Nothing is changed until the code reads without problems, and the text is never cleared.
 */
export function ImportBox({ onImport }: Props) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  /** A paste too long for the importer, held back from the box (laying it out would stall the page). */
  const [held, setHeld] = useState<{ text: string; start: number; end: number } | null>(null);
  const importer = useImportJob(createImportWorker);

  const onPaste = (e: ClipboardEvent): void => {
    const el = e.currentTarget as HTMLTextAreaElement;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (el.value.length - (el.selectionEnd - el.selectionStart) + text.length <= MAX_SOURCE_CHARS) return;
    e.preventDefault();
    setHeld({ text, start: el.selectionStart, end: el.selectionEnd });
  };
  const insertHeld = (): void => {
    if (!held) return;
    setCode((c) => c.slice(0, held.start) + held.text + c.slice(held.end));
    setHeld(null);
  };

  const build = (): void => {
    const source = code;
    importer.read(source).then(
      (result) => {
        if (result.layers === null) {
          setOutcome({ kind: 'problems', result, source });
          return;
        }
        const assumed = onImport(result.layers, result.input);
        setOutcome({ kind: 'built', result, source, notes: [...result.notes, ...assumed] });
      },
      (error: Error) => setOutcome({ kind: 'failed', message: error.message }),
    );
  };
  const show = (p: ImportProblem): void => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(p.offset, p.offset + Math.max(1, p.length));
  };
  const problems = outcome?.kind === 'problems' ? outcome.result.problems : [];

  return (
    <div class="import-box">
      <label for={id} class="import-box__label">
        PyTorch model
      </label>
      <p class="import-box__hint" id={`${id}-hint`}>
        Paste an <code>nn.Sequential(...)</code>, the layers inside one, a model class, or what <code>print(model)</code> prints, and build the stack from
        it. A line <code>x = torch.randn(N, C, H, W)</code> sets the input. The calculator takes {LIMIT_TEXT.layers} (the most a link to the stack
        holds) and reads {LIMIT_TEXT.source}.
      </p>
      <textarea
        id={id}
        ref={area}
        rows={7}
        wrap="off"
        spellcheck={false}
        autoComplete="off"
        placeholder={'model = nn.Sequential(\n    nn.Conv2d(3, 16, kernel_size=3, padding=1),\n    nn.ReLU(),\n    ...\n)'}
        value={code}
        aria-describedby={`${id}-hint${outcome?.kind === 'problems' ? ` ${id}-problems` : ''}`}
        aria-invalid={outcome?.kind === 'problems' ? 'true' : undefined}
        onInput={(e) => setCode((e.currentTarget as HTMLTextAreaElement).value)}
        onPaste={onPaste}
      />
      {held && (
        <div class="import-box__held" role="alert">
          <p>
            The pasted text is {held.text.length.toLocaleString('en-US')} characters long: more than the importer reads ({LIMIT_TEXT.source}, its own
            limit), so it was kept aside rather than put in the box, where laying it out would stall the page. The code of a large model is under 20,000
            characters.
          </p>
          <button type="button" class="button button--quiet button--small" onClick={insertHeld}>
            Put it in the box anyway
          </button>{' '}
          <button type="button" class="button button--quiet button--small" onClick={() => setHeld(null)}>
            Discard it
          </button>
        </div>
      )}
      <div class="import-box__actions">
        <button type="button" class="button" onClick={build} disabled={code.trim() === ''} aria-describedby={`${id}-status`}>
          Build stack from code
        </button>
        <span class="import-box__status" id={`${id}-status`} role="status">
          {importer.busy ? `Reading ${code.length.toLocaleString('en-US')} characters in a background thread…` : ''}
        </span>
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'problems' && (
          <div class="import-box__problems" id={`${id}-problems`}>
            <p>
              The stack was not changed: {problems.length === 1 && !outcome.result.moreProblems ? 'one problem' : `${outcome.result.moreProblems ? 'more than ' : ''}${problems.length} problems`}{' '}
              in the code.
            </p>
            <ul>
              {problems.slice(0, MAX_LISTED).map((p) => (
                <li key={`${p.offset}-${p.message}`}>
                  <Problem problem={p} source={outcome.source} onShow={show} />
                </li>
              ))}
            </ul>
            {problems.length > MAX_LISTED && <p>… and {problems.length - MAX_LISTED} more.</p>}
            {outcome.result.moreProblems && <p>Reading stopped after {LIMIT_TEXT.problems} (the importer’s own limit): fix these first.</p>}
          </div>
        )}
        {outcome?.kind === 'built' && (
          <div class={`import-box__built${outcome.result.stopped ? ' import-box__built--partial' : ''}`}>
            <p>
              Built {outcome.result.layers!.length === 1 ? 'one layer' : `${outcome.result.layers!.length} layers`} from the code
              {outcome.result.input
                ? `, with the input (${outcome.result.input.batch}, ${outcome.result.input.channels}, ${outcome.result.input.height}, ${outcome.result.input.width})`
                : ''}
              {outcome.result.stopped ? ', up to where it cannot be followed:' : '.'}
            </p>
            {outcome.result.stopped && <Problem problem={outcome.result.stopped} source={outcome.source} onShow={show} />}
            {outcome.notes.map((n) => (
              <p key={n} class="import-box__note">
                {n}
              </p>
            ))}
          </div>
        )}
        {outcome?.kind === 'failed' && (
          <p class="import-box__problems">
            The code could not be read: {outcome.message}. The stack was not changed; try again.
          </p>
        )}
      </div>
    </div>
  );
}
