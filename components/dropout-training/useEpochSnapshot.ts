import { useRef } from 'preact/hooks';
import type { DropoutSnapshot } from '../../lib/course/dropout';

/**
 * The run's snapshot with the parts that change only at an epoch's end (the history, the validation
 * view, the network's parameters) kept from the previous snapshot while the epoch is the same.
 * Every progress report arrives as a fresh copy (a structured clone), so without this every chart,
 * digit image and filter of the run would be drawn again at each report for nothing; with it, what
 * draws them can skip work between epochs by comparing identities. `runKey` names the run's
 * settings: a run with other settings shares nothing with the previous one.
 */
export function useEpochSnapshot(snapshot: DropoutSnapshot | undefined, runKey: string): DropoutSnapshot | undefined {
  const kept = useRef<{ key: string; raw: DropoutSnapshot; snapshot: DropoutSnapshot } | undefined>(undefined);
  const last = kept.current?.key === runKey ? kept.current : undefined;
  if (snapshot === undefined) {
    kept.current = undefined;
    return undefined;
  }
  if (last?.raw === snapshot) return last.snapshot; // rendered again for another reason: the same object, so memos hold
  const previous = last?.snapshot;
  const next = previous && sameEpoch(previous, snapshot) ? { ...snapshot, history: previous.history, validation: previous.validation, network: previous.network } : snapshot;
  kept.current = { key: runKey, raw: snapshot, snapshot: next };
  return next;
}

/** True when `b` holds the same per-epoch parts as `a` (the runs are deterministic: the same epoch of the same settings is the same). */
function sameEpoch(a: DropoutSnapshot, b: DropoutSnapshot): boolean {
  return a.history.length === b.history.length && a.validation.epoch === b.validation.epoch && a.network.epoch === b.network.epoch;
}
