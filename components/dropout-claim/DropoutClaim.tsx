import { CLAIM_METRICS, CLAIM_METRIC_IDS, CLAIM_REMEDIES, claimVerdict, RATE_STOPS, remedyNames, remedyWords, spreadText, summariseClaim, type ClaimMetric, type ClaimRemedy, type SizeSummary } from '../../lib/course/dropout';
import { SeedDots } from '../charts/SeedDots';
import { useElementWidth } from '../charts/useElementWidth';
import { useDigits } from '../dropout-training/useDigits';
import { Notices } from '../widget-kit/Notices';
import { ScrollX } from '../widget-kit/ScrollX';
import { Select } from '../widget-kit/Select';
import { Slider } from '../widget-kit/Slider';
import { Toolbar } from '../widget-kit/Toolbar';
import { useUrlState } from '../widget-kit/useUrlState';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { useState } from 'preact/hooks';
import { CLAIM_EPOCH_STOPS, CLAIM_PLACEMENTS, CLAIM_SHIFT_OPTIONS, claimSchema, gridOf, MAX_SEEDS, SIZE_OPTIONS, type ClaimValues } from './model';
import { useClaimGrid, type GridRuns } from './useClaimGrid';
import './dropout-claim.css';

/** The claim island: the same network without and with run B's remedy (dropout, shifts or both) over seeds and training sizes, and what the runs say. */
export default function DropoutClaim() {
  return (
    <WidgetBoundary name="dropout claim">
      <ClaimView />
    </WidgetBoundary>
  );
}

const METRIC_OPTIONS: readonly { value: ClaimMetric; label: string }[] = CLAIM_METRIC_IDS.map((id) => ({ value: id, label: CLAIM_METRICS[id].label.replace(/^./, (c) => c.toUpperCase()) }));
const digitsText = (n: number): string => n.toLocaleString('en');

function ClaimView() {
  const { values, update, reset, notices, dismissNotices } = useUrlState(claimSchema);
  const { digits, error: digitsError } = useDigits();
  const grid = gridOf(values);
  const runs = useClaimGrid(grid, digits);
  const summaries = summariseClaim(runs.runs);
  const [metric, setMetric] = useState<ClaimMetric>('finalLoss');
  const [chartRef, width] = useElementWidth<HTMLDivElement>(560);
  const busy = runs.phase === 'running';
  const remedy = values['claim-remedy'];
  const hasDropout = remedy !== 'shifts';
  const hasShifts = remedy !== 'dropout';

  return (
    <div class="dropout-claim">
      <Notices notices={notices} onDismiss={dismissNotices} />
      <SizeChoice values={values} onChange={(sizes) => update({ 'claim-sizes': sizes })} />
      <div class="dropout-claim__controls">
        <Slider label="Seeds" min={1} max={MAX_SEEDS} step={1} value={values['claim-seeds']} onInput={(v) => update({ 'claim-seeds': v })} />
        <Slider label="Epochs" stops={CLAIM_EPOCH_STOPS} value={values['claim-epochs']} onInput={(v) => update({ 'claim-epochs': v })} />
        <Select label="Remedy (run B)" value={remedy} options={CLAIM_REMEDIES} onChange={(v) => update({ 'claim-remedy': v })} />
        {hasDropout && (
          <>
            <Slider label="Dropout rate p (run B)" stops={RATE_STOPS} value={values['claim-p']} onInput={(v) => update({ 'claim-p': v })} />
            <Select label="Dropout placement (run B)" value={values['claim-at']} options={CLAIM_PLACEMENTS} onChange={(v) => update({ 'claim-at': v })} />
          </>
        )}
        {hasShifts && (
          <Select
            label="Random shifts (run B)"
            value={String(values['claim-shift'])}
            options={CLAIM_SHIFT_OPTIONS}
            onChange={(v) => update({ 'claim-shift': Number(v) })}
          />
        )}
      </div>
      <div class="dropout-claim__buttons" role="group" aria-label="Experiment">
        <button type="button" class="button" onClick={runs.run} disabled={busy || !digits}>
          Run
        </button>
        <button type="button" class="button button--quiet" onClick={runs.stop} disabled={!busy}>
          Stop
        </button>
      </div>
      <Status runs={runs} sizes={grid.sizes.length} seeds={grid.seeds.length} epochs={grid.epochs} remedy={remedy} />
      {(runs.error ?? digitsError) && (
        <p class="dropout-claim__error" role="alert">
          {runs.error ?? `Could not load the digits: ${digitsError ?? ''}`}
        </p>
      )}
      <ClaimTable summaries={summaries} remedy={remedy} />
      <Verdict summaries={summaries} remedy={remedy} />
      <div ref={chartRef} class="dropout-claim__chart">
        <Select label="Chart shows the difference in" value={metric} options={METRIC_OPTIONS} onChange={(v) => setMetric(v)} />
        <ClaimChart summaries={summaries} metric={metric} sizes={grid.sizes} width={width} remedy={remedy} />
      </div>
      <Toolbar onReset={reset} resetLabel="Default settings" />
    </div>
  );
}

/** The training sizes as a group of checkboxes; the last one checked cannot be unchecked. */
function SizeChoice({ values, onChange }: { values: ClaimValues; onChange(sizes: ClaimValues['claim-sizes']): void }) {
  const chosen = values['claim-sizes'];
  return (
    <fieldset class="dropout-claim__sizes">
      <legend>Training digits</legend>
      {SIZE_OPTIONS.map((size) => {
        const on = chosen.includes(size);
        return (
          <label key={size} class="dropout-claim__size">
            <input
              type="checkbox"
              checked={on}
              disabled={on && chosen.length === 1}
              onChange={() => onChange(SIZE_OPTIONS.filter((s) => (s === size ? !on : chosen.includes(s))))}
            />
            {digitsText(Number(size))}
          </label>
        );
      })}
    </fieldset>
  );
}

function statusText(runs: GridRuns, sizes: number, seeds: number, epochs: number, remedy: ClaimRemedy): string {
  const grid = `${runs.total} runs (${sizes} size${sizes === 1 ? '' : 's'} × ${seeds} seed${seeds === 1 ? '' : 's'} × without and with ${remedyWords(remedy)}, ${epochs} epoch${epochs === 1 ? '' : 's'} each)`;
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(0)} s`;
  switch (runs.phase) {
    case 'idle':
      return `Press Run to train ${grid}.`;
    case 'stopped':
      return `Stopped after ${runs.runs.length} of ${runs.total} runs (${seconds(runs.elapsedMs)}).`;
    case 'done':
      return `Done: ${runs.runs.length} of ${grid} finished in ${seconds(runs.elapsedMs)}.`;
    case 'running': {
      const now = runs.running.map(({ task, progress }) => `${digitsText(task.settings.trainSize)} digits, seed ${task.settings.seed}, run ${task.arm.toUpperCase()}: epoch ${progress.epoch} of ${progress.epochs}`);
      return `Running: ${runs.runs.length} of ${runs.total} runs done${now.length > 0 ? `; ${now.join('; ')}` : ''}.`;
    }
  }
}

function Status({ runs, sizes, seeds, epochs, remedy }: { runs: GridRuns; sizes: number; seeds: number; epochs: number; remedy: ClaimRemedy }) {
  const partial = runs.running.reduce((sum, r) => sum + r.progress.epoch / Math.max(1, r.progress.epochs), 0);
  return (
    <div class="dropout-claim__status">
      <progress max={runs.total} value={runs.runs.length + partial} aria-label="Runs done" />
      <p role="status">{statusText(runs, sizes, seeds, epochs, remedy)}</p>
    </div>
  );
}

function ClaimTable({ summaries, remedy }: { summaries: readonly SizeSummary[]; remedy: ClaimRemedy }) {
  return (
    <ScrollX label="Results by training size" class="dropout-claim__table-wrap">
      <table class="dropout-claim__table">
        <caption>
          {remedyNames(remedy).possessive} difference (run B minus run A) by training size: median over seeds (range), and the seeds where {remedyWords(remedy)} helped
        </caption>
        <thead>
          <tr>
            <th scope="col">Training digits</th>
            {CLAIM_METRIC_IDS.map((m) => (
              <th key={m} scope="col">
                {METRIC_OPTIONS.find((o) => o.value === m)?.label}
                {m === 'finalAccuracy' ? ' (points)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summaries.length === 0 && (
            <tr>
              <td colSpan={1 + CLAIM_METRIC_IDS.length}>No pair of runs has finished yet.</td>
            </tr>
          )}
          {summaries.map((s) => (
            <tr key={s.trainSize}>
              <th scope="row">{digitsText(s.trainSize)}</th>
              {CLAIM_METRIC_IDS.map((m) => (
                <td key={m}>
                  {spreadText(s, m)}
                  <br />
                  <span class="dropout-claim__helped">
                    helped in {s[m].helped} of {s[m].seeds}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}

/** The computed verdict: what the evidence is, then a finding per metric. */
function Verdict({ summaries, remedy }: { summaries: readonly SizeSummary[]; remedy: ClaimRemedy }) {
  const { intro, findings } = claimVerdict(summaries, remedy);
  return (
    <div class="dropout-claim__verdict" aria-live="polite">
      <p>{intro}</p>
      {findings.length > 0 && (
        <ul>
          {findings.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ClaimChart({ summaries, metric, sizes, width, remedy }: { summaries: readonly SizeSummary[]; metric: ClaimMetric; sizes: readonly number[]; width: number; remedy: ClaimRemedy }) {
  const { label, format } = CLAIM_METRICS[metric];
  const what = `${remedyNames(remedy).possessive} difference in ${label}`;
  const scale = metric === 'finalAccuracy' ? 100 : 1;
  const dots = summaries.flatMap((s) => s.differences.map((d) => ({ x: s.trainSize, seed: d.seed, y: scale * d[metric] })));
  const medians = summaries.map((s) => ({ x: s.trainSize, y: scale * s[metric].median }));
  const description =
    summaries.length === 0
      ? `${what} against training size: no runs finished yet.`
      : `${what} (run B minus run A) against training size, one dot per seed, the median joined by a line, zero marked: ${summaries
          .map((s) => `${digitsText(s.trainSize)} digits, median ${format(s[metric].median)}, seeds ${s.differences.map((d) => format(d[metric])).join(', ')}`)
          .join('; ')}.`;
  return (
    <SeedDots
      title={`Difference in ${label}${metric === 'finalAccuracy' ? ' (points)' : ''}`}
      dots={dots}
      medians={medians}
      xValues={[...sizes].sort((a, b) => a - b)}
      xLabel="training digits"
      yLabel={`difference in ${label}${metric === 'finalAccuracy' ? ' (points)' : ''}`}
      zeroLabel="0: no difference"
      description={description}
      width={width}
      height={220}
    />
  );
}
