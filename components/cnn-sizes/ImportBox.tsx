import { useId, useRef, useState } from 'preact/hooks';
import { importPyTorch, type ImportProblem, type Layer, type StackInput } from '../../lib/layer-stack';

interface Props {
  /** Receives the layers read from the code, and the input if the code set one. */
  onImport(layers: readonly Layer[], input: StackInput | null): void;
}

type Outcome = { kind: 'problems'; problems: readonly ImportProblem[] } | { kind: 'built'; count: number; notes: readonly string[]; input: StackInput | null } | null;

/** How many problems are listed at most (the rest are counted). */
const MAX_LISTED = 6;

/**
 * The “PyTorch model” box: paste an nn.Sequential(...) and build the stack from it. Problems are
 * listed with their line and column, the line itself and a caret; “Show” selects the spot in the
 * box. Nothing is changed until the code reads without problems, and the text is never cleared.
 */
export function ImportBox({ onImport }: Props) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);

  const build = (): void => {
    const r = importPyTorch(code);
    if (r.layers === null) {
      setOutcome({ kind: 'problems', problems: r.problems });
      return;
    }
    onImport(r.layers, r.input);
    setOutcome({ kind: 'built', count: r.layers.length, notes: r.notes, input: r.input });
  };
  const show = (p: ImportProblem): void => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(p.offset, p.offset + Math.max(1, p.length));
  };
  const lines = code.split('\n');

  return (
    <div class="import-box">
      <label for={id} class="import-box__label">
        PyTorch model
      </label>
      <p class="import-box__hint" id={`${id}-hint`}>
        Paste an <code>nn.Sequential(...)</code>, or the layers inside one, and build the stack from it. A line{' '}
        <code>x = torch.randn(N, C, H, W)</code> sets the input.
      </p>
      <textarea
        id={id}
        ref={area}
        rows={7}
        spellcheck={false}
        autoComplete="off"
        placeholder={'model = nn.Sequential(\n    nn.Conv2d(3, 16, kernel_size=3, padding=1),\n    nn.ReLU(),\n    ...\n)'}
        value={code}
        aria-describedby={`${id}-hint${outcome?.kind === 'problems' ? ` ${id}-problems` : ''}`}
        aria-invalid={outcome?.kind === 'problems' ? 'true' : undefined}
        onInput={(e) => setCode((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="import-box__actions">
        <button type="button" class="button" onClick={build} disabled={code.trim() === ''}>
          Build stack from code
        </button>
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'problems' && (
          <div class="import-box__problems" id={`${id}-problems`}>
            <p>
              The stack was not changed: {outcome.problems.length === 1 ? 'one problem' : `${outcome.problems.length} problems`} in the code.
            </p>
            <ul>
              {outcome.problems.slice(0, MAX_LISTED).map((p) => (
                <li key={`${p.offset}-${p.message}`}>
                  <p class="import-box__where">
                    <strong>
                      Line {p.line}, column {p.column}:
                    </strong>{' '}
                    {p.message}{' '}
                    <button type="button" class="button button--quiet button--small" onClick={() => show(p)}>
                      Show
                    </button>
                  </p>
                  {lines[p.line - 1] !== undefined && lines[p.line - 1]!.trim() !== '' && (
                    <pre class="import-box__excerpt" aria-hidden="true">
                      {`${lines[p.line - 1]}\n${' '.repeat(p.column - 1)}${'^'.repeat(Math.max(1, Math.min(p.length, (lines[p.line - 1]?.length ?? 0) - p.column + 1)))}`}
                    </pre>
                  )}
                </li>
              ))}
            </ul>
            {outcome.problems.length > MAX_LISTED && <p>… and {outcome.problems.length - MAX_LISTED} more.</p>}
          </div>
        )}
        {outcome?.kind === 'built' && (
          <div class="import-box__built">
            <p>
              Built {outcome.count === 1 ? 'one layer' : `${outcome.count} layers`} from the code
              {outcome.input ? `, with the input (${outcome.input.batch}, ${outcome.input.channels}, ${outcome.input.height}, ${outcome.input.width})` : ''}.
            </p>
            {outcome.notes.map((n) => (
              <p key={n} class="import-box__note">
                {n}
              </p>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
