/** Where a student stands: each exercise's status and points, and the total, from saved progress. */
import type { ExerciseSpec } from '../exercises';
import type { ProgressRecord } from './record';

/** An exercise's status: untouched, answered but not checked, or the last check's verdict. */
export type ExerciseStatus = 'not-started' | 'unchecked' | 'wrong' | 'partial' | 'correct';

/** One exercise's line on the progress page. */
export interface ExerciseStanding {
  readonly id: string;
  readonly kind: ExerciseSpec['kind'];
  readonly status: ExerciseStatus;
  /** Points earned by the last check (score × points). */
  readonly earned: number;
  readonly points: number;
  readonly attempts: number;
}

/** The status of one exercise given its record (or none). */
export function exerciseStatus(record: ProgressRecord | undefined): ExerciseStatus {
  if (!record) return 'not-started';
  if (!record.result) return 'unchecked';
  if (record.result.correct) return 'correct';
  return record.result.score > 0 ? 'partial' : 'wrong';
}

/** Each exercise's standing, in the given order, and the totals. */
export function progressSummary(
  exercises: readonly ExerciseSpec[],
  records: ReadonlyMap<string, ProgressRecord>,
): { readonly standings: readonly ExerciseStanding[]; readonly earned: number; readonly points: number; readonly correct: number } {
  const standings = exercises.map((spec) => {
    const record = records.get(spec.id);
    const earned = record?.result ? record.result.score * spec.points : 0;
    return { id: spec.id, kind: spec.kind, status: exerciseStatus(record), earned, points: spec.points, attempts: record?.attempts ?? 0 };
  });
  return {
    standings,
    earned: standings.reduce((n, s) => n + s.earned, 0),
    points: standings.reduce((n, s) => n + s.points, 0),
    correct: standings.filter((s) => s.status === 'correct').length,
  };
}

/** Points for display: whole numbers as they are, fractions to two decimals ("1.5", "0.67"). */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : String(Number(points.toFixed(2)));
}
