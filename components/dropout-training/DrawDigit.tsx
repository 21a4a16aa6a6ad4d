import { useId, useMemo, useState } from 'preact/hooks';
import type { Dataset } from '../../lib/ml/datasets';
import { digitForNetwork, enlarge, FIELD_SIDE, hasInk, type NetworkParameters } from '../../lib/course/dropout';
import { NumberField } from '../widget-kit/NumberField';
import { DigitImage } from './DigitImage';
import { DigitPad } from './DigitPad';
import { DigitPrediction } from './DigitPrediction';
import { useClassifier } from './useClassifier';

/** One run as the pad's readings name it, with its latest network. */
export interface ReadingRun {
  /** "Run A: no remedy". */
  name: string;
  network: NetworkParameters | undefined;
}

interface Props {
  runs: readonly [ReadingRun, ReadingRun];
  /** The validation digits (the runs' own split), to load one into the pad; undefined while the data loads. */
  validation: Dataset | undefined;
  /** Width available, in CSS pixels. */
  width: number;
}

const blank = (): Float32Array => new Float32Array(FIELD_SIDE * FIELD_SIDE);

/** One run's reading of the digit the networks see. */
function RunReading({ run, pixels, width }: { run: ReadingRun; pixels: Float32Array; width: number }) {
  const { classifier, error } = useClassifier(run.network);
  const reading = useMemo(() => classifier?.classify(pixels), [classifier, pixels]);
  return <DigitPrediction name={run.name} epoch={run.network?.epoch} reading={reading} error={error} width={width} />;
}

/**
 * Draw a digit (or load a validation digit and edit it), see it as the networks see it (MNIST's
 * normalisation, 14 × 14 at 16 grey levels), and how each run's current network reads it.
 */
export function DrawDigit({ runs, validation, width }: Props) {
  const title = useId();
  const [ink, setInk] = useState(blank);
  const [pick, setPick] = useState(1);
  const [source, setSource] = useState<string>();
  const seen = useMemo(() => digitForNetwork(ink, FIELD_SIDE), [ink]);
  const wide = width >= 720;
  const cell = Math.max(6, Math.min(10, Math.floor((width - 4) / FIELD_SIDE)));
  const barsWidth = Math.max(220, Math.min(420, wide ? width - FIELD_SIDE * cell - 180 : width));
  const load = (): void => {
    if (!validation) return;
    const i = pick - 1;
    const side = Math.sqrt(validation.features);
    setInk(enlarge(validation.x.subarray(i * validation.features, (i + 1) * validation.features), side, FIELD_SIDE / side));
    setSource(`Validation digit ${pick}, a ${validation.y[i] ?? '?'}, drawn 2 × 2 on the pad`);
  };

  return (
    <section class="draw-digit" aria-labelledby={title}>
      <h3 id={title} class="draw-digit__title">
        Draw a digit
      </h3>
      <p class="draw-digit__intro">
        Both networks read what you draw in evaluation mode (as after <code>model.eval()</code>: dropout off, every unit kept), with their weights
        from the end of the last epoch, so their readings change as they train.
      </p>
      <div class={`draw-digit__body ${wide ? 'draw-digit__body--wide' : ''}`}>
        <div class="draw-digit__input">
          <DigitPad
            ink={ink}
            side={FIELD_SIDE}
            cell={cell}
            onChange={(next) => {
              setInk(next);
              setSource((s) => (s && !s.endsWith('edited') ? `${s}, edited` : s));
            }}
          />
          <div class="draw-digit__controls">
            <button
              type="button"
              class="button"
              onClick={() => {
                setInk(blank());
                setSource(undefined);
              }}
            >
              Clear
            </button>
            <NumberField label={`Validation digit (1–${validation?.n ?? 500})`} value={pick} min={1} max={validation?.n ?? 500} integer onChange={setPick} class="draw-digit__pick" />
            <button type="button" class="button" disabled={!validation} onClick={load}>
              Load it into the pad
            </button>
          </div>
          {source && <p class="draw-digit__source">{source}.</p>}
        </div>
        {seen && hasInk(seen.pixels) ? (
          <>
            <figure class="draw-digit__seen">
              <DigitImage pixels={seen.pixels} side={14} size={112} label="The drawn digit as the networks see it, 14 × 14 pixels" />
              <figcaption>What the networks see: your ink scaled to a 20-pixel box, centred by its centre of mass in 28 × 28 as MNIST's digits are, then 14 × 14 at 16 grey levels.</figcaption>
            </figure>
            <div class="draw-digit__readings">
              {runs.map((run) => (
                <RunReading key={run.name} run={run} pixels={seen.pixels} width={barsWidth} />
              ))}
            </div>
          </>
        ) : (
          <p class="draw-digit__empty" role="status">
            {seen ? 'Too faint to read: draw a bolder digit.' : 'Draw a digit in the pad (or load one from the validation set), and both networks will read it.'}
          </p>
        )}
      </div>
    </section>
  );
}
