import { useId } from 'preact/hooks';
import { useDraft } from '../widget-kit/useDraft';
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
  const [draft, setDraft] = useDraft(show(value), (d) => parseShape(d)?.join(',') === value.join(','));
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
