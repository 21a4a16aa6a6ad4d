import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { LIMITS, parseShape } from './model';

interface Props {
  label: string;
  value: readonly number[];
  onChange(shape: number[]): void;
}

const show = (shape: readonly number[]): string => shape.join(', ');

/**
 * A text box for a tensor shape, "2, 3, 20". What the reader types stays as typed; text that is not
 * a shape is explained and not used (the widget keeps the last good shape), and on leaving the box
 * it returns to that shape.
 */
export function ShapeField({ label, value, onChange }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(show(value));
  // The last shape this box reported. Effects run after paint, so when the value changes the reader
  // may already have typed on: only a change made elsewhere (a button, Reset, a link) replaces the text.
  const reported = useRef(value.join(','));
  useEffect(() => {
    if (value.join(',') === reported.current) return;
    reported.current = value.join(',');
    setDraft(show(value));
  }, [value.join(',')]);
  const problem = parseShape(draft) ? undefined : `“${draft}” is not a shape: use 1 to ${LIMITS.h0Dims} whole numbers from 1 to ${LIMITS.size}, separated by commas`;
  return (
    <div class="number-field rnn-shape-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellcheck={false}
        value={draft}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          setDraft(text);
          const shape = parseShape(text);
          if (!shape) return;
          reported.current = shape.join(',');
          onChange(shape);
        }}
        onBlur={() => problem && setDraft(show(value))}
      />
      {problem && (
        <p class="field-error" id={`${id}-error`}>
          {problem}; still using ({show(value)}).
        </p>
      )}
    </div>
  );
}
