import { useEffect, useRef, useState } from 'preact/hooks';
import { formatFixed } from '../../lib/common';
import { addSample, measureRate, type RateSample } from './rate';

interface Props {
  /** Run A's updates so far (the runs are kept in step). */
  steps: number | undefined;
  stepsPerEpoch: number;
  playing: boolean;
}

/** Updates a second and epochs a minute, measured live from the runs' progress while they play. */
export function SpeedReadout({ steps, stepsPerEpoch, playing }: Props) {
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
  return (
    <p class="dropout-widget__speed" aria-live="off">
      Speed, measured while playing:{' '}
      {rate ? (
        <>
          <strong data-testid="steps-per-second">{formatFixed(rate.stepsPerSecond, 0)}</strong> updates a second per run,{' '}
          <strong data-testid="epochs-per-minute">{formatFixed(rate.epochsPerMinute, 1)}</strong> epochs a minute
        </>
      ) : (
        'press Play'
      )}
      .
    </p>
  );
}
