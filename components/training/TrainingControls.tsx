import { Select } from '../widget-kit/Select';
import { stepsPerSecond } from './useTrainingRun';

interface Props {
  playing: boolean;
  /** A run has stopped (diverged or finished) and cannot be played on without Reset. */
  stopped: boolean;
  onPlay(): void;
  onPause(): void;
  onStep(): void;
  onReset(): void;
  onNewSeed(): void;
  /** The speed and its control (left out: no control). */
  speed?: number;
  onSpeed?(speed: number): void;
  /** The speeds offered, values as numbers' text (left out: updates a second for small networks, SPEEDS). */
  speeds?: readonly SpeedOption[];
}

/** A speed the control offers: its value as the URL spells it, and its name. */
export interface SpeedOption {
  readonly value: string;
  readonly label: string;
}

/**
 * The speeds offered, as the URL spells them: updates per 60 Hz frame, which is how they were
 * first offered (so old links keep their speed); each run's worker keeps the rate itself.
 */
const SPEEDS: readonly SpeedOption[] = [
  { value: '1', label: `${stepsPerSecond(1)} updates a second` },
  { value: '5', label: `${stepsPerSecond(5)} updates a second` },
  { value: '20', label: `${stepsPerSecond(20)} updates a second` },
  { value: '0', label: 'As fast as possible' },
];

/** Play or Pause, Step (exactly one update, or what the widget's Step is), Reset (same seed, same run), New seed, and speed. */
export function TrainingControls({ playing, stopped, onPlay, onPause, onStep, onReset, onNewSeed, speed, onSpeed, speeds = SPEEDS }: Props) {
  return (
    <div class="training-controls" role="group" aria-label="Training">
      {playing ? (
        <button type="button" class="button" onClick={onPause}>
          Pause
        </button>
      ) : (
        <button type="button" class="button" onClick={onPlay} disabled={stopped}>
          Play
        </button>
      )}
      <button type="button" class="button button--quiet" onClick={onStep} disabled={stopped}>
        Step
      </button>
      <button type="button" class="button button--quiet" onClick={onReset}>
        Reset
      </button>
      <button type="button" class="button button--quiet" onClick={onNewSeed}>
        New seed
      </button>
      {speed !== undefined && onSpeed && (
        <Select label="Speed" value={String(speed)} options={speeds} onChange={(v) => onSpeed(Number(v))} />
      )}
    </div>
  );
}
