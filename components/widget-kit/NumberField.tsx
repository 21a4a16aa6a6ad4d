import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { parseStrictNumber } from '../../lib/url-state';
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

function describeRange(min: number, max: number): string {
  const fmt = (v: number): string => v.toLocaleString('en-US').replace('-', '−');
  return `${fmt(min)} to ${fmt(max)}`;
}

/**
 * A text box for one number. What the reader types stays as typed; a value that is not a number or
 * is out of range is marked, explained, and not used (the widget keeps the last good value), and
 * on leaving the box it returns to that value.
 */
export function NumberField({ label, value, min, max, onChange, integer = false, class: className }: Props) {
  const id = useId();
  const [draft, setDraft] = useDraft(String(value), (d) => parseStrictNumber(d) === value);

  const parsed = parseStrictNumber(draft);
  const problem =
    parsed === undefined
      ? `“${draft}” is not a number`
      : parsed < min || parsed > max
        ? `use a number from ${describeRange(min, max)}`
        : integer && !Number.isInteger(parsed)
          ? 'use a whole number'
          : undefined;

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
          const v = parseStrictNumber(text);
          if (v !== undefined && v >= min && v <= max && (!integer || Number.isInteger(v))) onChange(v);
        }}
        onBlur={() => problem && setDraft(String(value))}
      />
      {problem && (
        <p class="field-error" id={`${id}-error`}>
          {problem}; still using {String(value).replace('-', '−')}.
        </p>
      )}
    </div>
  );
}
