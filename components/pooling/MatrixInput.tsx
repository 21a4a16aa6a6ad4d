import { useId } from 'preact/hooks';
import { describeMatrixLimits, formatMatrix, parseMatrix, type Matrix, type MatrixLimits } from '../../lib/course/pooling';
import { useDraft } from '../widget-kit/useDraft';

interface Props {
  label: string;
  /** The matrix in use. */
  value: Matrix;
  limits: MatrixLimits;
  onChange(rows: Matrix): void;
  /** A hint under the box. */
  hint?: string;
}

const same = (a: Matrix, b: Matrix): boolean => a.length === b.length && a.every((row, r) => row.length === b[r]?.length && row.every((v, c) => v === b[r]?.[c]));

/** Lines in the first `max` lines of text (a pasted novel is not split to size the box). */
function lineCount(text: string, max: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines < max; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * A text box for a small matrix, one row per line. What the reader types stays as typed; a line
 * that cannot be read is pointed at, and the widget keeps the last matrix that could. The limits
 * are said under the box; text longer than they allow is refused before it is read.
 */
export function MatrixInput({ label, value, limits, onChange, hint }: Props) {
  const id = useId();
  // Follows presets, shifts, Reset and links unless the draft already means this matrix.
  const [draft, setDraft] = useDraft(formatMatrix(value), (d) => {
    const parsed = parseMatrix(d, limits);
    return parsed.ok && same(parsed.rows, value);
  });
  const parsed = parseMatrix(draft, limits);
  const note = parsed.ok
    ? [parsed.note, hint, describeMatrixLimits(limits)].filter(Boolean).join(' ')
    : `${parsed.message[0]?.toUpperCase() ?? ''}${parsed.message.slice(1)}. Still using the last matrix that could be read. ${describeMatrixLimits(limits)}`;
  return (
    <div class="matrix-input">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={Math.max(3, lineCount(draft, limits.maxRows))}
        spellcheck={false}
        autoComplete="off"
        value={draft}
        aria-invalid={parsed.ok ? undefined : 'true'}
        aria-describedby={`${id}-note`}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLTextAreaElement).value;
          setDraft(text);
          const r = parseMatrix(text, limits);
          if (r.ok) onChange(r.rows);
        }}
      />
      <p id={`${id}-note`} class={parsed.ok ? 'matrix-input__hint' : 'field-error'}>
        {note}
      </p>
    </div>
  );
}
