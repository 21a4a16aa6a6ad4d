import { useId, useState } from 'preact/hooks';
import { classCounts, MAX_POINTS, MIN_POINTS_PER_CLASS, pointsToCsv, samplePoints, type OwnPoints } from '../../lib/ml/datasets';
import { formatValue, parseStrictNumber } from '../../lib/common';
import { Rng } from '../../lib/engine';
import { downloadBlob } from '../widget-kit/download';
import type { OwnDataEditor } from './useOwnDataEditor';
import './own-data.css';

interface Props {
  editor: OwnDataEditor;
  /** The square the plots show, [−extent, extent]² in the networks' units. */
  extent: number;
}

const CLASS_COLOR = ['var(--chart-4)', 'var(--chart-1)'] as const;
const CLASS_COLOR_NAME = ['orange', 'blue'] as const;
const quoted = (label: string): string => `‘${label}’`;

/** "80 points from “moons.csv”: 40 of class 0 (‘upper’), 40 of class 1 (‘lower’)." */
function summary(own: OwnPoints | undefined): string {
  if (!own || own.points.length === 0) return 'No points yet: click the decision boundary plot, add a point by its coordinates, or load a CSV file.';
  const [zero, one] = classCounts(own.points);
  const from = own.source.kind === 'file' ? ` from “${own.source.name}”` : ', drawn';
  const named = (k: 0 | 1): string => (own.labels[k] === String(k) ? '' : ` (${quoted(own.labels[k])})`);
  return `${own.points.length} points${from}: ${zero} of class 0${named(0)}, ${one} of class 1${named(1)}.`;
}

/** How the points become the networks' inputs, in words. */
function scaling(own: OwnPoints | undefined, extent: number): string {
  const range = `−${extent} to ${extent}`;
  if (!own || own.source.kind === 'drawn') {
    return `Points you draw are in the networks' own units: the plots span ${range} on both axes, and the networks take x1 and x2 as they are.`;
  }
  const span = (k: 0 | 1): string => `${['x1', 'x2'][k]} from ${formatValue(own.scale.centre[k] - own.scale.half[k], 4)} to ${formatValue(own.scale.centre[k] + own.scale.half[k], 4)}`;
  return `Each feature is mapped from its smallest to its largest value in the file onto −1 to 1, the range the networks' inputs are made for (${span(0)}, ${span(1)}). The plots show the scaled points (they span ${range}); points added later go through the same map.`;
}

/** Downloads the sample file: two moons in units of their own. */
function downloadSample(): void {
  const { points, labels } = samplePoints(new Rng(16));
  downloadBlob(new Blob([pointsToCsv(points, labels)], { type: 'text/csv' }), 'moons-sample.csv');
}

/**
 * The reader's own data for a training widget: the class of new points, Undo and Clear, a form to
 * add a point by its coordinates (the keyboard's way to draw), Load CSV… (or drop a file here),
 * a sample file, and what happened, in words.
 */
export function OwnDataPanel({ editor, extent }: Props) {
  const id = useId();
  const { own, drawClass } = editor;
  const labels = own?.labels ?? ['0', '1'];
  const [x1, setX1] = useState('');
  const [x2, setX2] = useState('');
  const [formError, setFormError] = useState<string>();
  const [dragging, setDragging] = useState(false);

  const addTyped = (e: Event): void => {
    e.preventDefault();
    const a = parseStrictNumber(x1);
    const b = parseStrictNumber(x2);
    if (a === undefined || b === undefined) {
      const [name, text] = a === undefined ? ['x1', x1] : ['x2', x2];
      setFormError(`${name}: expected a number, got ${text.trim() === '' ? 'nothing' : `‘${text}’`}.`);
      return;
    }
    setFormError(undefined);
    editor.addRaw(a, b);
  };

  return (
    <section
      class={dragging ? 'own-data own-data--drop' : 'own-data'}
      aria-labelledby={`${id}-title`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer?.files[0];
        if (file) void editor.loadFile(file);
      }}
    >
      <h3 class="own-data__title" id={`${id}-title`}>
        Your data
      </h3>
      <p class="own-data__summary" data-testid="own-data-summary">
        {summary(own)}
      </p>
      {editor.problem && <p class="own-data__problem">{editor.problem}</p>}

      <div class="own-data__row">
        <fieldset class="own-data__classes">
          <legend>Class of new points</legend>
          {([0, 1] as const).map((k) => (
            <label key={k} class="own-data__class">
              <input type="radio" name={`${id}-class`} checked={drawClass === k} onChange={() => editor.setDrawClass(k)} />
              <span class="own-data__swatch" style={{ background: CLASS_COLOR[k] }} aria-hidden="true" />
              Class {k}
              {labels[k] !== String(k) ? ` (${quoted(labels[k])})` : ''}, {CLASS_COLOR_NAME[k]}
            </label>
          ))}
        </fieldset>
        <div class="own-data__actions">
          <button type="button" class="button button--quiet" onClick={editor.undo} disabled={!editor.canUndo}>
            Undo
          </button>
          <button type="button" class="button button--quiet" onClick={editor.clear} disabled={!own || own.points.length === 0}>
            Clear
          </button>
        </div>
      </div>

      <form class="own-data__form" onSubmit={addTyped} aria-label="Add a point by its coordinates">
        <label>
          x1
          <input type="text" inputMode="decimal" autoComplete="off" spellcheck={false} value={x1} onInput={(e) => setX1(e.currentTarget.value)} aria-invalid={formError?.startsWith('x1') ? 'true' : undefined} />
        </label>
        <label>
          x2
          <input type="text" inputMode="decimal" autoComplete="off" spellcheck={false} value={x2} onInput={(e) => setX2(e.currentTarget.value)} aria-invalid={formError?.startsWith('x2') ? 'true' : undefined} />
        </label>
        <button type="submit" class="button button--quiet">
          Add point
        </button>
      </form>
      {formError && (
        <p class="field-error" role="alert">
          {formError}
        </p>
      )}

      <div class="own-data__actions">
        <label class="button button--quiet own-data__file">
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            class="visually-hidden"
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              // Cleared, so that choosing the same file again (after fixing it) loads it again.
              input.value = '';
              if (file) void editor.loadFile(file);
            }}
          />
          Load CSV…
        </label>
        <button type="button" class="button button--quiet" onClick={downloadSample}>
          Download a sample CSV
        </button>
      </div>
      {editor.message?.kind === 'error' && (
        <p class="own-data__error" role="alert">
          {editor.message.text}
        </p>
      )}
      <p class="own-data__status" role="status">
        {editor.message?.kind === 'done' ? editor.message.text : ''}
      </p>

      <details class="own-data__help">
        <summary>The file, the scaling and where the data is kept</summary>
        <p>
          A CSV file with the header line <code>x1,x2,label</code>, then one point a line: two numbers and a label. At most {MAX_POINTS.toLocaleString('en-US')} points, at least {MIN_POINTS_PER_CLASS} of each class. The labels
          may be any two values: 0 and 1 keep their meaning, other labels become class 0 and class 1 in the order they first appear. Values may be quoted as in any spreadsheet's CSV. Or drop a file on this box.
        </p>
        <p>{scaling(own, extent)}</p>
        <p>
          Both runs train on these points: a fifth of them, chosen by the seed, are held out as the test set (ringed on the plot).{' '}
          {editor.persistence?.kind === 'memory'
            ? 'This browser is not keeping data for the site, so the points last only until the page is closed.'
            : 'The points are kept in this browser only: a copied link says “Your data” but does not carry them.'}
        </p>
      </details>
    </section>
  );
}
