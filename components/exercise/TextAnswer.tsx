import type { NumericSpec, ShapeSpec } from '../../lib/course/exercises';

interface Props {
  spec: NumericSpec | ShapeSpec;
  value: string;
  /** Id of the element that describes the field (its format, the feedback). */
  describedBy: string;
  invalid: boolean;
  disabled: boolean;
  onInput(text: string): void;
  /** Enter in the field. */
  onSubmit(): void;
}

/** The answer field of a numeric or shape exercise: one line of text, with the units after it. */
export function TextAnswer({ spec, value, describedBy, invalid, disabled, onInput, onSubmit }: Props) {
  const label = spec.kind === 'numeric' ? 'Your answer (a number)' : 'Your answer (a shape)';
  const example = spec.kind === 'numeric' ? `e.g. 1,024${spec.units ? ` or 1024 ${spec.units}` : ''}` : 'e.g. (5, 3, 40), [5, 3, 40] or torch.Size([5, 3, 40])';
  return (
    <div class="exercise__field">
      <label>
        <span class="exercise__label">{label}</span>
        <span class="exercise__input-row">
          <input
            class="exercise__text-input"
            type="text"
            inputMode={spec.kind === 'numeric' ? 'decimal' : 'text'}
            autoComplete="off"
            spellcheck={false}
            value={value}
            placeholder={example}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            disabled={disabled}
            onInput={(e) => onInput(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onSubmit();
              }
            }}
          />
          {spec.kind === 'numeric' && spec.units && <span class="exercise__units">{spec.units}</span>}
        </span>
      </label>
    </div>
  );
}
