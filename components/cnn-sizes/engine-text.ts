/** Words for the engine check: one short cell per layer and a sentence for the whole stack. */
import type { EngineCheck, EngineLayerCheck, StackResult } from '../../lib/ml/layer-stack';
import { formatShape } from '../../lib/ml/layer-stack';

/** The engine column's text for one layer, and whether it is good news. */
export function engineCell(check: EngineLayerCheck): { text: string; tone: 'good' | 'bad' | 'muted' } {
  switch (check.verdict) {
    case 'same':
      return { text: '✓ same', tone: 'good' };
    case 'both-fail':
      return { text: '✓ fails too', tone: 'good' };
    case 'different':
      return { text: check.engineShape ? `✗ ${formatShape(check.engineShape)}` : '✗ parameters differ', tone: 'bad' };
    case 'engine-fails':
      return { text: '✗ engine error', tone: 'bad' };
    case 'engine-accepts':
      return { text: '✗ engine accepts', tone: 'bad' };
    case 'skipped':
      return { text: check.engineParams ? '✓ params only' : 'not built', tone: 'muted' };
    case 'not-run':
      return { text: '—', tone: 'muted' };
  }
}

const list = (indices: readonly number[]): string => {
  const names = indices.map((i) => String(i + 1));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
};

/** One paragraph saying what the engine check found, in words (also the text read out when it changes). */
export function engineSummary(check: EngineCheck, result: StackResult): string {
  const by = (pred: (l: EngineLayerCheck) => boolean): number[] => check.layers.filter(pred).map((l) => l.index);
  const bad = check.layers.find((l) => l.verdict === 'different' || l.verdict === 'engine-fails' || l.verdict === 'engine-accepts');
  if (bad) {
    const row = result.rows[bad.index];
    const expected = row?.output ? formatShape([1, ...row.output.slice(1)]) : 'an error';
    const got = bad.engineError ? `threw “${bad.engineError}”` : bad.engineShape ? `produced ${formatShape(bad.engineShape)}` : 'counted other parameters';
    return `Engine check found a mismatch at layer ${bad.index + 1}: the table expects ${expected} for one image, the engine ${got}.`;
  }
  const ran = by((l) => l.ran);
  const failed = by((l) => l.verdict === 'both-fail');
  const workSkipped = by((l) => l.verdict === 'skipped' && l.engineParams !== null);
  const tooLarge = by((l) => l.verdict === 'skipped' && l.engineParams === null);
  const notRun = by((l) => l.verdict === 'not-run');
  const parts = [
    ran.length === check.layers.length && failed.length === 0
      ? `Engine check: a real forward pass through our engine (one image, in a worker) produced the same shapes and parameter counts as the table for all ${ran.length} layers.`
      : `Engine check: a real forward pass through our engine (one image, in a worker) agreed with the table on the ${ran.length - failed.length} ${ran.length - failed.length === 1 ? 'layer' : 'layers'} it ran.`,
  ];
  if (failed.length > 0) parts.push(`It failed where the table reports an error (layer ${list(failed)}).`);
  if (workSkipped.length > 0) {
    parts.push(
      `To stay within a few seconds it skipped the forward pass of layer${workSkipped.length > 1 ? 's' : ''} ${list(workSkipped)}, but built ${workSkipped.length > 1 ? 'them' : 'it'} and counted the same parameters.`,
    );
  }
  if (tooLarge.length > 0) {
    parts.push(`It did not build layer${tooLarge.length > 1 ? 's' : ''} ${list(tooLarge)}: over 160 MB of numbers, more than a browser tab should hold for a check.`);
  }
  if (notRun.length > 0) parts.push(`Layer${notRun.length > 1 ? 's' : ''} ${list(notRun)} could not be run: the error before ${notRun.length > 1 ? 'them leaves their' : 'it leaves its'} input unknown.`);
  return parts.join(' ');
}
