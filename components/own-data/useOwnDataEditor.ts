import { useMemo, useState } from 'preact/hooks';
import {
  IDENTITY_SCALE,
  MAX_POINTS,
  fitScale,
  fromScaled,
  ownPointsProblem,
  parsePointsCsv,
  type LabelledPoint,
  type OwnPoints,
} from '../../lib/ml/datasets';
import { ownTask, type OwnClassificationTask } from '../../lib/ml/training';
import { type OwnData, useOwnData } from './useOwnData';

/** The largest file read, in bytes: 2,000 rows of long numbers fit in far less. */
export const MAX_FILE_BYTES = 1_000_000;

/** What the editor last said: a refused file or point (an alert), or what was done (a status). */
export type EditorMessage = { kind: 'error' | 'done'; text: string } | undefined;

/** A widget's own data with the actions of its editor: draw, type or load points, undo, clear. */
export interface OwnDataEditor extends OwnData {
  /** The class that clicks on the plot and Add point add. */
  drawClass: 0 | 1;
  setDrawClass(k: 0 | 1): void;
  /** The training task of the points, when there are enough of them to train on. */
  task: OwnClassificationTask | undefined;
  /** The task of the points as they are (perhaps too few to train on), for the plots to show them. */
  shownTask: OwnClassificationTask;
  /** What is missing before training can start, or null. */
  problem: string | null;
  message: EditorMessage;
  /** Adds a point of the selected class at (s1, s2) in the networks' units (a click on the plot). */
  addScaled(s1: number, s2: number): void;
  /** Adds a point of the selected class at (x1, x2) in the data's own units (the form). */
  addRaw(x1: number, x2: number): void;
  /** Reads a CSV file; a bad file leaves everything as it was and says why. */
  loadFile(file: File): Promise<void>;
  /** Removes every point (Undo brings them back). */
  clear(): void;
}

const EMPTY: OwnPoints = { points: [], scale: IDENTITY_SCALE, labels: ['0', '1'], source: { kind: 'drawn' } };
const tidy = (v: number): number => Number(v.toPrecision(6));

/** The own-data editor of widget `name` (its data kept in the browser under that name). */
export function useOwnDataEditor(name: string): OwnDataEditor {
  const data = useOwnData(name);
  const [drawClass, setDrawClass] = useState<0 | 1>(1);
  const [message, setMessage] = useState<EditorMessage>();
  const own = data.own;
  const problem = own ? ownPointsProblem(own.points, own.labels) : ownPointsProblem([]);
  const shownTask = useMemo(() => ownTask(own ?? EMPTY), [own]);
  const task = problem ? undefined : shownTask;

  const addRaw = (x1: number, x2: number): void => {
    const base = own ?? EMPTY;
    if (base.points.length >= MAX_POINTS) {
      setMessage({ kind: 'error', text: `Not added: expected at most ${MAX_POINTS.toLocaleString('en-US')} points, and there are ${base.points.length.toLocaleString('en-US')} already.` });
      return;
    }
    const point: LabelledPoint = [tidy(x1), tidy(x2), drawClass];
    setMessage(undefined);
    data.change({ ...base, points: [...base.points, point] });
  };

  return {
    ...data,
    drawClass,
    setDrawClass,
    task,
    shownTask,
    problem,
    message,
    addRaw,
    addScaled: (s1, s2) => addRaw(...fromScaled((own ?? EMPTY).scale, s1, s2)),
    async loadFile(file) {
      const refuse = (why: string): void => setMessage({ kind: 'error', text: `“${file.name}” was not loaded: ${why} Your data and the runs are unchanged.` });
      if (file.size > MAX_FILE_BYTES) {
        refuse(`expected a file of at most ${MAX_FILE_BYTES / 1_000_000} MB, got ${(file.size / 1_000_000).toFixed(1)} MB.`);
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        refuse(`the browser could not read it (${(e as Error).message}).`);
        return;
      }
      const parsed = parsePointsCsv(text);
      if (!parsed.ok) {
        refuse(/[.!?]$/.test(parsed.error) ? parsed.error : `${parsed.error}.`);
        return;
      }
      const { points, labels } = parsed.file;
      data.change({ points, labels, scale: fitScale(points), source: { kind: 'file', name: file.name } });
      setMessage({ kind: 'done', text: `Loaded ${points.length} points from “${file.name}”.` });
    },
    clear() {
      if (!own || own.points.length === 0) return;
      data.change(undefined);
      setMessage({ kind: 'done', text: 'Cleared. Undo brings the points back.' });
    },
    undo() {
      data.undo();
      setMessage(undefined);
    },
  };
}
