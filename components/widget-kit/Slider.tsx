import { useId } from 'preact/hooks';
import { nearestStopIndex } from './stops';

interface CommonProps {
  label: string;
  value: number;
  onInput(value: number): void;
  /** Text shown beside the label and read by screen readers, e.g. "0.01". */
  format?(value: number): string;
  /** A hint under the slider. */
  hint?: string;
}

interface LinearProps extends CommonProps {
  min: number;
  max: number;
  step: number;
  stops?: undefined;
}

interface StopsProps extends CommonProps {
  /** The values the slider steps through, in order (for log-like scales: 0.001, 0.01, 0.1 …). */
  stops: readonly number[];
}

/**
 * A labelled range slider with its value shown. Keyboard: arrows step, Page Up/Down jump, Home
 * and End go to the ends (the native input's behaviour). Given `stops`, it steps through that
 * list instead of an evenly spaced range.
 */
export function Slider(props: LinearProps | StopsProps) {
  const { label, value, onInput, format = String, hint } = props;
  const id = useId();
  const stops = props.stops;
  const position = stops ? nearestStopIndex(stops, value) : value;
  const text = format(value);
  return (
    <div class="control control--slider">
      <label for={id} class="control__label">
        <span>{label}</span>
        <output for={id} class="control__value">
          {text}
        </output>
      </label>
      <input
        id={id}
        type="range"
        min={stops ? 0 : props.min}
        max={stops ? stops.length - 1 : props.max}
        step={stops ? 1 : props.step}
        value={position}
        aria-valuetext={text}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => {
          const raw = Number((e.currentTarget as HTMLInputElement).value);
          onInput(stops ? (stops[raw] ?? value) : raw);
        }}
      />
      {hint && (
        <p id={`${id}-hint`} class="control__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
