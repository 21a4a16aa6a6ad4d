import { useMemo } from 'preact/hooks';
import { formatFixed } from '../../lib/common';
import { bestEpoch, type DropoutSnapshot, type EpochRecord } from '../../lib/course/dropout';
import { LineChart, type Series } from '../charts/LineChart';
import { ScrollX } from '../widget-kit/ScrollX';
import { useFrameDelayed } from '../widget-kit/useFrameDelayed';
import { ExportFrame } from '../charts/ExportFrame';
import { ConfusionMatrix, confusionTable } from './ConfusionMatrix';
import { EpochTable } from './EpochTable';
import { MisclassifiedDigits } from './MisclassifiedDigits';

interface Props {
  /** "Run A: no remedy". */
  label: string;
  snapshot: DropoutSnapshot | undefined;
  error: string | undefined;
  /** Epochs the run trains for (the charts' x-range). */
  epochs: number;
  /** Side of a digit image in pixels. */
  side: number;
  /** Width available to the panel, in CSS pixels. */
  width: number;
  /** Animation frames to wait before drawing a new epoch's charts (run B's panel waits one more than run A's; see below). */
  stagger: number;
}

const pct = (v: number | undefined): string => (v !== undefined && Number.isFinite(v) ? `${formatFixed(100 * v, 1)} %` : '–');
const num = (v: number | undefined): string => (v !== undefined && Number.isFinite(v) ? formatFixed(v, 3) : '–');

/** The series of one metric, training and validation, over epochs. */
function metricSeries(history: readonly EpochRecord[], metric: 'Loss' | 'Accuracy'): Series[] {
  const x = history.map((r) => r.epoch);
  return [
    { key: 'train', label: 'training', x, y: history.map((r) => r[`train${metric}`]), color: 'var(--chart-1)' },
    { key: 'validation', label: 'validation', x, y: history.map((r) => r[`validation${metric}`]), color: 'var(--chart-2)', dash: '6 3' },
  ];
}

/** One run of the dropout experiment: where it is, its loss and accuracy per epoch, and what it gets wrong. */
export function DropoutRunPanel({ label, snapshot, error, epochs, side, width, stagger }: Props) {
  const s = snapshot;
  // A new epoch redraws two charts, a confusion matrix, up to 24 digit images and a table in each run:
  // drawn all in one frame, that frame's layout, paint and commit held the main thread over 50 ms.
  // They are spread over frames instead: the charts, then (two frames on) the matrix and the digits,
  // then the table; run B's parts a frame after run A's.
  const history = useFrameDelayed(s?.history, stagger) ?? [];
  const view = useFrameDelayed(s?.validation, stagger + 2);
  const tableHistory = useFrameDelayed(s?.history, stagger + 4) ?? [];
  // The status line above them follows the run at once.
  const last = s?.history.at(-1);
  const best = history.length > 0 ? bestEpoch(history) : undefined;
  const chartWidth = Math.max(240, width);
  const at = (epoch: number): EpochRecord | undefined => history[epoch];
  // Early stopping's point is marked once the validation loss has risen after it (before that it is simply the latest epoch).
  const marker = best && best.epoch > 0 && best.epoch < (last?.epoch ?? 0) ? { marker: { x: best.epoch, label: `lowest validation loss (epoch ${best.epoch})` } } : {};
  // Charts, matrix, digits and table change once an epoch (keepEpochParts keeps their inputs between
  // reports): built again only then, not at each progress report.
  const charts = useMemo(
    () => (
      <>
        <LineChart
          title="Loss per epoch"
          series={metricSeries(history, 'Loss')}
          band={{ between: ['train', 'validation'], color: 'var(--chart-2)', label: 'gap' }}
          {...marker}
          width={chartWidth}
          height={160}
          xDomain={[0, epochs]}
          xLabel="epoch"
          yScale="linear"
          describe={(e) => {
            const r = at(e);
            const lowest = bestEpoch(history.slice(0, e + 1));
            return r ? `Epoch ${e}: training loss ${num(r.trainLoss)}, validation loss ${num(r.validationLoss)}, gap ${num(r.validationLoss - r.trainLoss)}; lowest validation loss up to here ${num(lowest.validationLoss)} at epoch ${lowest.epoch}.` : 'No data yet.';
          }}
        />
        <LineChart
          title="Accuracy per epoch"
          series={metricSeries(history, 'Accuracy')}
          band={{ between: ['validation', 'train'], color: 'var(--chart-2)', label: 'gap' }}
          {...marker}
          width={chartWidth}
          height={160}
          xDomain={[0, epochs]}
          yDomain={[0, 1]}
          xLabel="epoch"
          yScale="linear"
          describe={(e) => {
            const r = at(e);
            return r ? `Epoch ${e}: training accuracy ${pct(r.trainAccuracy)}, validation accuracy ${pct(r.validationAccuracy)}, gap ${formatFixed(100 * (r.trainAccuracy - r.validationAccuracy), 1)} points.` : 'No data yet.';
          }}
        />
      </>
    ),
    [history, epochs, chartWidth],
  );
  const mistakes = useMemo(
    () => (
      <>
        <ScrollX label={`${label}: confusion matrix`} class="dropout-run__confusion">
          {view && (
            <ExportFrame name="Confusion matrix" title={`Confusion matrix, validation set, epoch ${view.epoch}`} exportData={() => confusionTable(view.confusion)}>
              <ConfusionMatrix counts={view.confusion} caption={`Confusion matrix, validation set (${view.confusion.reduce((n, c) => n + c, 0)} digits), epoch ${view.epoch}: rows (↓) are the true digit, columns (→) the prediction`} />
            </ExportFrame>
          )}
        </ScrollX>
        <div class="dropout-run__wrong">{view && <MisclassifiedDigits view={view} side={side} />}</div>
      </>
    ),
    [view, label, side],
  );
  const table = useMemo(
    () => <EpochTable label={label} history={tableHistory} best={tableHistory.length > 0 ? bestEpoch(tableHistory).epoch : undefined} />,
    [tableHistory, label],
  );
  // Side by side the panel is a subgrid (training.css): three rows above the charts, three per chart, three below.
  return (
    <section class="run dropout-run" aria-label={label} style={{ '--run-rows': 12 }}>
      <header class="run__head">
        <h3 class="run__label">{label}</h3>
      </header>
      <p class="run__status" aria-live="off">
        <span>
          Epoch <strong data-testid="epoch">{s?.epoch ?? 0}</strong> of {epochs}
        </span>
        <span>
          Update <strong data-testid="step">{s?.steps ?? 0}</strong>
          {s ? ` (${s.stepsPerEpoch} an epoch)` : ''}
        </span>
        <span>
          Validation loss <strong data-testid="loss">{s ? num(last?.validationLoss) : '…'}</strong>
        </span>
        <span>
          Validation accuracy <strong data-testid="accuracy">{s ? pct(last?.validationAccuracy) : '…'}</strong>
        </span>
      </p>
      <div class="run__messages">
        {error && (
          <p class="run__alert" role="alert">
            The training worker failed: {error}. Press Reset to start it again.
          </p>
        )}
        {s?.done && <p class="run__note">Finished: {s.epoch} epochs. Press Reset to run again, or change a setting.</p>}
      </div>
      {charts}
      {mistakes}
      {table}
    </section>
  );
}
