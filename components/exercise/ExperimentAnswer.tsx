import type { ExperimentSpec } from '../../lib/course/exercises';
import { changesFromStart, currentWidgetState, setUpLink } from './experiment-runner';

interface Props {
  spec: ExperimentSpec;
  /** The widget state given as the answer so far. */
  state: Readonly<Record<string, unknown>>;
  describedBy: string;
  disabled: boolean;
  onChange(state: Record<string, unknown>): void;
}

/** An experiment's answer: a link that sets the widget up, and a button that takes the widget's current settings as the answer. */
export function ExperimentAnswer({ spec, state, describedBy, disabled, onChange }: Props) {
  const changes = changesFromStart(spec, state);
  return (
    <div class="exercise__experiment">
      <p>
        <a href={setUpLink(spec)}>Set up the widget for this exercise</a> (reloads the page with the exercise’s starting settings). You may change:{' '}
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
      <button type="button" class="exercise__button" disabled={disabled} aria-describedby={`${describedBy}-answer`} onClick={() => onChange(currentWidgetState(spec))}>
        Use the widget’s current settings
      </button>
    </div>
  );
}
