import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { parseStrictNumber } from '../../lib/common';
import { readNumber } from './number-text';
import { useDraft } from './useDraft';

interface Props {
  /** The visible label (may contain markup such as a subscript). */
  label: ComponentChildren;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
  /** Require a whole number. */
  integer?: boolean;
  /** Extra class for sizing. */
  class?: string;
}

/**
 * A text box for one number. What the reader types stays as typed, also after leaving the box; a
 * value that is not a number, is out of range or is too long to read is marked, explained, and not
 * used (the widget keeps the last good value).
 */
export function NumberField({ label, value, min, max, onChange, integer = false, class: className }: Props) {
  const id = useId();
  const [draft, setDraft] = useDraft(String(value), (d) => parseStrictNumber(d) === value);

  const read = readNumber(draft, { min, max, integer });
  const problem = read.ok ? undefined : read.message;

  return (
    <div class={`number-field ${className ?? ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellcheck={false}
        value={draft}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          setDraft(text);
          const r = readNumber(text, { min, max, integer });
          if (r.ok) onChange(r.value);
        }}
      />
      {problem && (
        <p class="field-error" id={`${id}-error`}>
          {problem}; still using {String(value).replace('-', '−')}.
        </p>
      )}
    </div>
  );
}
