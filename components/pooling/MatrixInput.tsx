import { useId } from 'preact/hooks';
import { formatMatrix, parseMatrix, type Matrix, type MatrixLimits } from '../../lib/pooling/matrix-text';
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

/**
 * A text box for a small matrix, one row per line. What the reader types stays as typed; a line
 * that cannot be read is pointed at, and the widget keeps the last matrix that could.
 */
export function MatrixInput({ label, value, limits, onChange, hint }: Props) {
  const id = useId();
  // Follows presets, shifts, Reset and links unless the draft already means this matrix.
  const [draft, setDraft] = useDraft(formatMatrix(value), (d) => {
    const parsed = parseMatrix(d, limits);
    return parsed.ok && same(parsed.rows, value);
  });
  const parsed = parseMatrix(draft, limits);
  const rows = draft.split('\n').length;
  return (
    <div class="matrix-input">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={Math.min(limits.maxRows, Math.max(3, rows))}
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
        {parsed.ok ? hint : `${parsed.message[0]?.toUpperCase() ?? ''}${parsed.message.slice(1)}. Still using the last matrix that could be read.`}
      </p>
    </div>
  );
}
