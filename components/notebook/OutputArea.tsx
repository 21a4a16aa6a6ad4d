import { useState } from 'preact/hooks';
import { errorPlace, mergeStreams, type DisplayItem, type ErrorOutput, type Output } from '../../lib/notebook';
import { ChartView } from './ChartView';
import { HeatmapView } from './HeatmapView';
import { TableView } from './TableView';

/** Lines of printed text shown before "Show all". */
export const SHOWN_LINES = 40;

/** Printed text, cut to SHOWN_LINES lines with a "Show all" button. */
function StreamText({ name, text }: { name: 'stdout' | 'stderr'; text: string }) {
  const [all, setAll] = useState(false);
  const lines = text.replace(/\n$/, '').split('\n');
  const cut = !all && lines.length > SHOWN_LINES;
  return (
    <div class={`nb-out__stream nb-out__stream--${name}`}>
      {/* Focusable: a wide printout scrolls sideways, and keyboard users must be able to scroll it. */}
      <pre tabIndex={0}>{cut ? lines.slice(0, SHOWN_LINES).join('\n') : lines.join('\n')}</pre>
      {lines.length > SHOWN_LINES && (
        <button type="button" class="nb-link" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show less' : `Show all (${lines.length.toLocaleString('en-US')} lines)`}
        </button>
      )}
    </div>
  );
}

function ErrorView({ error }: { error: ErrorOutput }) {
  const where = errorPlace(error);
  return (
    <div class="nb-out__error">
      <p>
        <strong>
          {error.name}
          {where}
        </strong>
        : {error.message}
      </p>
      {error.stack.length > 1 && <pre class="nb-out__stack">{error.stack.join('\n')}</pre>}
    </div>
  );
}

function DisplayView({ item }: { item: DisplayItem }) {
  switch (item.kind) {
    case 'text':
      return (
        <pre class="nb-out__text" tabIndex={0}>
          {item.text}
        </pre>
      );
    case 'table':
      return <TableView item={item} />;
    case 'chart':
      return <ChartView item={item} />;
    case 'heatmap':
      return <HeatmapView item={item} />;
  }
}

/** A cell's outputs in order: printed text, displays, the value of the last expression, errors. All of it rendered as text and our own charts. */
export function OutputArea({ outputs, count }: { outputs: readonly Output[]; count: number | null }) {
  return (
    <>
      {mergeStreams(outputs).map((o, i) => {
        switch (o.type) {
          case 'stream':
            return <StreamText key={i} name={o.name} text={o.text} />;
          case 'value':
            return (
              <div key={i} class="nb-out__value">
                <span class="nb-out__prompt" aria-hidden="true">
                  Out[{count ?? ' '}]:
                </span>
                <pre tabIndex={0}>
                  <span class="visually-hidden">Value: </span>
                  {o.text}
                </pre>
              </div>
            );
          case 'display':
            return <DisplayView key={i} item={o.item} />;
          case 'error':
            return <ErrorView key={i} error={o} />;
          case 'notice':
            return (
              <p key={i} class="nb-out__notice">
                {o.text}
              </p>
            );
        }
      })}
    </>
  );
}
