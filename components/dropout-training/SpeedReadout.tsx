import { useEffect, useRef, useState } from 'preact/hooks';
import { formatFixed } from '../../lib/common';
import { addSample, keepsPace, measureRate, type RateSample } from './rate';

interface Props {
  /** Run A's updates so far (the runs are kept in step). */
  steps: number | undefined;
  stepsPerEpoch: number;
  playing: boolean;
  /** The seconds an epoch asked for (undefined: as fast as the CPU allows). */
  secondsPerEpoch?: number | undefined;
}

/** Updates a second, epochs a minute and seconds an epoch, measured live from the runs' progress while they play, against the speed asked for. */
export function SpeedReadout({ steps, stepsPerEpoch, playing, secondsPerEpoch }: Props) {
  const samples = useRef<RateSample[]>([]);
  const [rate, setRate] = useState<ReturnType<typeof measureRate>>();
  useEffect(() => {
    if (!playing || steps === undefined) {
      samples.current = [];
      return;
    }
    samples.current = addSample(samples.current, { time: performance.now(), steps });
    const measured = measureRate(samples.current, stepsPerEpoch);
    if (measured) setRate(measured);
  }, [steps, playing, stepsPerEpoch]);
  const measuredSeconds = rate ? 60 / rate.epochsPerMinute : undefined;
  const asked = secondsPerEpoch === undefined ? 'as fast as the CPU allows' : `${secondsPerEpoch} s an epoch`;
  const behind = measuredSeconds !== undefined && secondsPerEpoch !== undefined && !keepsPace(measuredSeconds, secondsPerEpoch);
  // Each part on a line of its own, of a height that does not change while the runs play: a
  // paragraph that changed height (the measured figures wrapping one more or one less word, the pace
  // note coming and going with the machine's load) would move the rest of the page, which is then
  // laid out and painted again, a long task at every change.
  return (
    <p class="dropout-widget__speed" aria-live="off">
      <span class="dropout-widget__speed-line">Speed asked: {asked}.</span>{' '}
      <span class="dropout-widget__speed-line dropout-widget__speed-line--measured">
        Measured while playing:{' '}
        {rate && measuredSeconds !== undefined ? (
          <>
            <strong data-testid="steps-per-second">{formatFixed(rate.stepsPerSecond, rate.stepsPerSecond < 10 ? 1 : 0)}</strong> updates a second per run,{' '}
            <strong data-testid="epochs-per-minute">{formatFixed(rate.epochsPerMinute, 1)}</strong> epochs a minute (
            <strong data-testid="seconds-per-epoch">{formatFixed(measuredSeconds, 1)}</strong> s an epoch).
          </>
        ) : (
          'press Play.'
        )}
      </span>{' '}
      {secondsPerEpoch !== undefined && (
        <span class="dropout-widget__speed-line" data-testid="pace-note">
          {behind ? 'This machine cannot keep the pace asked.' : ''}
        </span>
      )}
    </p>
  );
}
