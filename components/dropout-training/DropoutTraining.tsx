import { useMemo } from 'preact/hooks';
import { DIGITS_PATH, dropoutScript, type DigitSet, type DropoutJobParams, type DropoutSettings, type DropoutSnapshot } from '../../lib/course/dropout';
import type { ScriptSource } from '../widget-kit/CopyPyTorch';
import { siteFileUrl } from '../widget-kit/site-file';
import { DECAY_STOPS, DROPOUT_PRESETS, dropoutSchema, EPOCH_STOPS, LR_STOPS, PLACEMENT_OPTIONS, RATE_STOPS, remediesOf, runSettings, SHIFT_OPTIONS, SIZE_STOPS, splitDigits } from '../../lib/course/dropout';
import { Comparison, useComparisonLayout } from '../training/Comparison';
import { type PairJob, useJobPair } from '../training/useJobPair';
import { Select } from '../widget-kit/Select';
import { Slider } from '../widget-kit/Slider';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { DrawDigit } from './DrawDigit';
import { DropoutRunPanel } from './DropoutRunPanel';
import { keepEpochParts } from './epoch-parts';
import { FirstLayerFilters } from './FirstLayerFilters';
import { useFrameDelayed } from '../widget-kit/useFrameDelayed';
import { PACE_OPTIONS, paceSchema, paceStepsPerSecond, secondsPerEpoch, type Pace } from './pace';
import { SpeedReadout } from './SpeedReadout';
import { describeComparison } from './summary';
import { useDigits } from './useDigits';
import './dropout-training.css';
import './draw-digit.css';

/** The dropout job as the pair reads it: a step is a minibatch update, and Step runs to the end of the epoch. */
function dropoutPairJob(stepsPerEpoch: number): PairJob<DropoutSnapshot> {
  return {
    createWorker: () => new Worker(new URL('./dropout.worker.ts', import.meta.url), { type: 'module' }),
    stepOf: (snapshot) => snapshot.steps,
    stopped: (snapshot) => snapshot.done,
    stepsFor: (asked) => stepsPerEpoch - (asked % stepsPerEpoch),
    keep: keepEpochParts,
  };
}

/** The dropout island: the lesson's CNN trained on the digits without a remedy and with run B's (dropout, random shifts or both), side by side in two workers. */
export default function DropoutTraining() {
  return (
    <WidgetBoundary name="dropout experiment">
      <Experiment />
    </WidgetBoundary>
  );
}

/** Runs A and B as "Copy as PyTorch" sources; the scripts download the digits from this site. */
function scriptSources(digits: DigitSet, settings: readonly [DropoutSettings, DropoutSettings]): ScriptSource[] {
  const dataUrl = new URL(siteFileUrl(DIGITS_PATH), window.location.href).href;
  return (['A', 'B'] as const).map((run, i) => ({
    label: `run ${run}`,
    script: () => dropoutScript(settings[i] as DropoutSettings, digits, { title: `Dropout, run ${run}`, dataUrl }),
  }));
}

function Experiment() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(dropoutSchema);
  const speed = useUrlState(paceSchema);
  const pace = speed.values.pace;
  const { digits, error: digitsError } = useDigits();
  const settingsA = runSettings(values, 'a');
  const settingsB = runSettings(values, 'b');
  const keyA = JSON.stringify(settingsA);
  const keyB = JSON.stringify(settingsB);
  const stepsPerEpoch = Math.ceil(settingsA.trainSize / settingsA.batchSize);
  const job = useMemo(() => dropoutPairJob(stepsPerEpoch), [stepsPerEpoch]);
  const request = (settings: typeof settingsA, key: string, d: DigitSet | undefined) => ({ params: d ? { settings, digits: d } : null, key });
  const pair = useJobPair<DropoutJobParams, DropoutSnapshot>(job, request(settingsA, keyA, digits), request(settingsB, keyB, digits), paceStepsPerSecond(pace, stepsPerEpoch));
  const { runA, runB } = pair;
  const snapshotA = runA.snapshot;
  const snapshotB = runB.snapshot;
  const layout = useComparisonLayout();
  const { panelWidth } = layout;
  const side = digits?.side ?? 14;
  const nameA = 'Run A: no remedy';
  const remedies = remediesOf(values);
  const nameB = `Run B: ${remedies}`;

  const panelA = useMemo(
    () => <DropoutRunPanel label={nameA} snapshot={snapshotA} error={runA.error ?? digitsError} epochs={values.epochs} side={side} width={panelWidth} stagger={0} />,
    [snapshotA, runA.error, digitsError, values.epochs, side, panelWidth],
  );
  const panelB = useMemo(
    () => <DropoutRunPanel label={nameB} snapshot={snapshotB} error={runB.error ?? digitsError} epochs={values.epochs} side={side} width={panelWidth} stagger={1} />,
    [snapshotB, runB.error, digitsError, values.epochs, side, panelWidth, nameB],
  );
  const validation = useMemo(() => (digits ? splitDigits(digits, values.n, values.seed).validation : undefined), [digits, values.n, values.seed]);
  const width = layout.sideBySide ? 2 * panelWidth + 24 : panelWidth;
  // The networks change once an epoch: the drawn digit's reading and the filters are redrawn then, not
  // at every report, and six frames after the epoch's end, when the run panels have drawn theirs (DropoutRunPanel).
  const networkA = useFrameDelayed(snapshotA?.network, 6);
  const networkB = useFrameDelayed(snapshotB?.network, 6);
  const after = useMemo(() => {
    const networks = [
      { name: nameA, short: 'Run A', network: networkA },
      { name: nameB, short: 'Run B', network: networkB },
    ] as const;
    return (
      <div class="dropout-widget__after">
        <DrawDigit runs={networks} validation={validation} width={width} />
        <FirstLayerFilters runs={networks} cell={layout.sideBySide ? 14 : 10} />
      </div>
    );
  }, [networkA, networkB, nameB, validation, width, layout.sideBySide]);
  const summary = describeComparison(
    { name: 'Run A (no remedy)', short: 'Run A', history: snapshotA?.history ?? [] },
    { name: `Run B (${remedies})`, short: 'Run B', history: snapshotB?.history ?? [] },
    values.epochs,
  );

  return (
    <>
      <Comparison
        layout={layout}
        pair={pair}
        presets={DROPOUT_PRESETS.map((p) => ({ label: p.label, select: () => update(p.settings) }))}
        presetsLabel="The lesson's runs"
        onNewSeed={() => update({ seed: (values.seed % 999_999) + 1 })}
        speed={Number(pace)}
        onSpeed={(v) => speed.update({ pace: String(v) as Pace })}
        speeds={PACE_OPTIONS}
        settings={
          <>
            <Slider label="Training digits" stops={SIZE_STOPS} value={values.n} format={(v) => v.toLocaleString('en')} onInput={(v) => update({ n: v })} />
            <Slider label="Dropout rate p (run B)" stops={RATE_STOPS} value={values.p} onInput={(v) => update({ p: v })} />
            <Select label="Dropout placement (run B)" value={values.at} options={PLACEMENT_OPTIONS} onChange={(v) => update({ at: v })} />
            <Select label="Random shifts (run B)" value={String(values.shift) as (typeof SHIFT_OPTIONS)[number]['value']} options={SHIFT_OPTIONS} onChange={(v) => update({ shift: Number(v) })} />
            <Slider label="Weight decay" stops={DECAY_STOPS} value={values.wd} onInput={(v) => update({ wd: v })} />
            <Slider label="Epochs" stops={EPOCH_STOPS} value={values.epochs} onInput={(v) => update({ epochs: v })} />
            <Slider label="Learning rate" stops={LR_STOPS} value={values.lr} onInput={(v) => update({ lr: v })} />
          </>
        }
        panels={[panelA, panelB]}
        after={after}
        summary={summary}
        notices={[...notices, ...speed.notices]}
        onDismissNotices={() => {
          dismissNotices();
          speed.dismissNotices();
        }}
        onDefaultSettings={() => {
          reset();
          speed.reset();
        }}
        {...(digits ? { scripts: scriptSources(digits, [settingsA, settingsB]) } : {})}
      />
      <SpeedReadout steps={snapshotA?.steps} stepsPerEpoch={stepsPerEpoch} playing={pair.playing} secondsPerEpoch={secondsPerEpoch(pace)} />
      <p class="dropout-widget__note">
        Both runs share seed {values.seed}: the same split, initial weights and minibatch order. Step trains one epoch ({stepsPerEpoch} updates
        of 32 digits). Random shifts move each training digit of a minibatch by a new random whole number of pixels across and down, zeros
        filling in; the validation digits are never shifted. Data: {digits ? digits.n.toLocaleString('en') : '3,000'} MNIST digits (Y. LeCun, C. Cortes and C. J. C. Burges), CC BY-SA 3.0,
        at 14 × 14 pixels; 500 of them (50 of each) are the validation set.
      </p>
    </>
  );
}
