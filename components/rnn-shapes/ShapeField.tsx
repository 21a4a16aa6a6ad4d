import { useId } from 'preact/hooks';
import { useDraft } from '../widget-kit/useDraft';
import { parseShape, readShape } from './shape-text';

interface Props {
  label: string;
  value: readonly number[];
  onChange(shape: number[]): void;
}

const show = (shape: readonly number[]): string => shape.join(', ');

/**
 * A text box for a tensor shape, "2, 3, 20". What the reader types stays as typed, also after
 * leaving the box; text that is not a shape is explained (which size is wrong and why, or that the
 * text is too long to read) and not used: the widget keeps the last good shape.
 */
export function ShapeField({ label, value, onChange }: Props) {
  const id = useId();
  const [draft, setDraft] = useDraft(show(value), (d) => parseShape(d)?.join(',') === value.join(','));
  const read = readShape(draft);
  return (
    <div class="number-field rnn-shape-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellcheck={false}
        value={draft}
        aria-invalid={read.ok ? undefined : 'true'}
        aria-describedby={read.ok ? undefined : `${id}-error`}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          setDraft(text);
          const shape = parseShape(text);
          if (shape) onChange(shape);
        }}
      />
      {!read.ok && (
        <p class="field-error" id={`${id}-error`}>
          {read.message[0]?.toUpperCase()}
          {read.message.slice(1)}; still using ({show(value)}).
        </p>
      )}
    </div>
  );
}
