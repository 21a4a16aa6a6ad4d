import { useId, useLayoutEffect, useState } from 'preact/hooks';
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
  // Follow changes made elsewhere (a button, Reset, a link) without overwriting what the reader is
  // typing: a layout effect runs in the same task as the render that brought the new value, so no
  // keystroke can come in between, and a draft that already means this shape is left alone.
  const key = value.join(',');
  useLayoutEffect(() => {
    setDraft((d) => (parseShape(d)?.join(',') === key ? d : show(value)));
  }, [key]);
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
          if (shape) onChange(shape);
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
