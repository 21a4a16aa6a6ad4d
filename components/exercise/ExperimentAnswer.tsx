import { useEffect, useState } from 'preact/hooks';
import type { ExperimentSpec } from '../../lib/course/exercises';
import { changesFromStart, currentWidgetState, type ExperimentWidget, loadExperimentWidget, setUpLink } from './experiment-runner';

interface Props {
  spec: ExperimentSpec;
  /** The widget state given as the answer so far. */
  state: Readonly<Record<string, unknown>>;
  describedBy: string;
  disabled: boolean;
  onChange(state: Record<string, unknown>): void;
}

/** The widget's URL fields, loaded from its lesson's package: undefined until they arrive, an Error if they cannot. */
function useExperimentWidget(spec: ExperimentSpec): ExperimentWidget | Error | undefined {
  const [widget, setWidget] = useState<ExperimentWidget | Error | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadExperimentWidget(spec).then(
      (w) => live && setWidget(w),
      (e: unknown) => live && setWidget(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [spec.id]);
  return widget;
}

/** An experiment's answer: a link that sets the widget up, and a button that takes the widget's current settings as the answer. */
export function ExperimentAnswer({ spec, state, describedBy, disabled, onChange }: Props) {
  const widget = useExperimentWidget(spec);
  if (widget instanceof Error) return <p class="exercise__note exercise__note--error">This experiment cannot be answered here: {widget.message}</p>;
  const changes = widget ? changesFromStart(spec, widget, state) : [];
  return (
    <div class="exercise__experiment">
      <p>
        {widget ? <a href={setUpLink(spec, widget)}>Set up the widget for this exercise</a> : 'Set up the widget for this exercise'} (reloads the page with the exercise’s starting settings). You may change:{' '}
        {spec.mayChange.map((name, i) => (
          <span key={name}>
            {i > 0 ? ', ' : ''}
            <code>{name}</code>
          </span>
        ))}
        .
      </p>
      <p class="exercise__label" id={`${describedBy}-answer`}>
        Your answer: {changes.length === 0 ? 'the starting settings (nothing changed yet)' : changes.join(', ')}
      </p>
      <button type="button" class="exercise__button" disabled={disabled || !widget} aria-describedby={`${describedBy}-answer`} onClick={() => widget && onChange(currentWidgetState(widget))}>
        Use the widget’s current settings
      </button>
    </div>
  );
}
