import type { ChoiceSpec } from '../../lib/course/exercises';

interface Props {
  spec: ChoiceSpec;
  chosen: readonly string[];
  /** The options' text as HTML (rendered at build time), by its Markdown. */
  texts: Readonly<Record<string, string>>;
  describedBy: string;
  disabled: boolean;
  onChange(chosen: string[]): void;
}

/** The options of a choice exercise: radio buttons (one answer) or checkboxes (several), in a labelled group. */
export function ChoiceAnswer({ spec, chosen, texts, describedBy, disabled, onChange }: Props) {
  const name = `choice-${spec.id}`;
  const toggle = (id: string, on: boolean): void => {
    if (!spec.multiple) onChange([id]);
    else onChange(spec.options.map((o) => o.id).filter((o) => (o === id ? on : chosen.includes(o))));
  };
  return (
    <fieldset class="exercise__choices" aria-describedby={describedBy} disabled={disabled}>
      <legend class="exercise__label">{spec.multiple ? 'Choose every right answer' : 'Choose one answer'}</legend>
      {spec.options.map((option) => (
        <label key={option.id} class="exercise__choice">
          <input type={spec.multiple ? 'checkbox' : 'radio'} name={name} value={option.id} checked={chosen.includes(option.id)} onChange={(e) => toggle(option.id, e.currentTarget.checked)} />
          <span dangerouslySetInnerHTML={{ __html: texts[option.text] ?? option.text }} />
        </label>
      ))}
    </fieldset>
  );
}
