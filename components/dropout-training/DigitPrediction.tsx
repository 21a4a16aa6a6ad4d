import type { Classification } from '../../lib/course/dropout';
import { ProbabilityBars } from '../charts/ProbabilityBars';
import { describeReading } from './reading';

interface Props {
  /** "Run A: no remedy". */
  name: string;
  /** The epoch whose network read the digit, or undefined before the first snapshot. */
  epoch: number | undefined;
  /** The network's reading, or undefined while there is no digit or no network yet. */
  reading: Classification | undefined;
  /** Why the network could not read it. */
  error: string | undefined;
  width: number;
}

const DIGIT_LABELS = Array.from({ length: 10 }, (_, d) => String(d));

/** One run's reading of the drawn digit: the predicted class in words and the ten probabilities as bars. */
export function DigitPrediction({ name, epoch, reading, error, width }: Props) {
  return (
    <section class="digit-prediction" aria-label={`Reading by ${name}`}>
      <h4 class="digit-prediction__name">{name}</h4>
      <p class="digit-prediction__text" data-testid="reading">
        {error ? `Could not read it: ${error}` : reading && epoch !== undefined ? `After epoch ${epoch}, ${describeReading(reading)}.` : 'Waiting for the network…'}
      </p>
      {/* The values fit above the bars from about 36 pixels a bar; narrower, the sentence above gives the top three. */}
      {reading && <ProbabilityBars probabilities={reading.probabilities} labels={DIGIT_LABELS} width={width} height={120} values={width >= 400} />}
    </section>
  );
}
