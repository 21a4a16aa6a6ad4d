import { useId } from 'preact/hooks';
import { formatArg, readArgument, type ArgSpec, type ArgValue } from '../../lib/ml/layer-stack';
import { useDraft } from '../widget-kit/useDraft';

interface Props {
  spec: ArgSpec;
  value: ArgValue;
  onChange(value: ArgValue): void;
}

/** What the editor shows beside an argument: its default, or that it is required. */
function hint(spec: ArgSpec): string {
  return spec.default === undefined ? 'required' : `default ${formatArg(spec, spec.default)}`;
}

/**
 * One constructor argument of a layer: a checkbox for True/False, a list for a fixed set of
 * strings, otherwise a text box read with Python's syntax (3, (3, 5), None, 'same'). A value that
 * cannot be used is explained and not used; the widget keeps the last good one, and leaving the
 * box puts that back.
 */
export function ArgField({ spec, value, onChange }: Props) {
  const id = useId();
  const text = formatArg(spec, value);
  const [draft, setDraft] = useDraft(text, (d) => {
    const read = readArgument(spec, d);
    return read.ok && formatArg(spec, read.value) === text;
  });

  if (spec.kind === 'bool') {
    return (
      <label class="arg-field arg-field--bool">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
        <code>{spec.name}</code>
      </label>
    );
  }
  if (spec.kind === 'choice') {
    return (
      <div class="arg-field">
        <label for={id}>
          <code>{spec.name}</code>
        </label>
        <select id={id} value={String(value)} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
          {(spec.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o === 'None' ? 'None' : `'${o}'`}
            </option>
          ))}
        </select>
      </div>
    );
  }

  const read = readArgument(spec, draft);
  const problem = read.ok ? undefined : read.message;
  return (
    <div class="arg-field">
      <label for={id}>
        <code>{spec.name}</code> <span class="arg-field__hint">{hint(spec)}</span>
      </label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellcheck={false}
        value={draft}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => {
          const next = (e.currentTarget as HTMLInputElement).value;
          setDraft(next);
          const r = readArgument(spec, next);
          if (r.ok) onChange(r.value);
        }}
        onBlur={() => problem && setDraft(text)}
      />
      {problem && (
        <p class="field-error" id={`${id}-error`}>
          {problem}; still using {text}.
        </p>
      )}
    </div>
  );
}
