import { createContext, type RefObject } from 'preact';
import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';
import { type ChartTable, exportFileStem, toCsv } from './chart-table';
import { downloadBlob } from '../widget-kit/download';
import { chartPng, chartSvg, type LegendKey } from './svg-export';
import { withEmbeddedFonts } from './svg-fonts';
import './charts.css';

/** The name of the widget a chart is in, for its export's file names ("softmax widget" → softmax-….svg); WidgetBoundary provides it. */
export const ExportScope = createContext<string | undefined>(undefined);

/** What a chart hands its export control: how to name and title the files, where it is drawn, and its data. */
export interface ChartExportSpec {
  /** The chart's name in file names, e.g. "Loss" → vanishing-gradients-experiment-run-a-loss.csv. */
  name: string;
  /** The chart's title, written into the SVG's <title> and its heading (by default `name`). */
  title?: string;
  /** The chart's legend, drawn in the export's heading. */
  legend?: readonly LegendKey[];
  /** The data as plotted; without it the menu offers no CSV. */
  exportData?: () => ChartTable;
  /** The button's own words where one widget has several charts' buttons side by side ("Export f(z)"); by default "Export", named "Export <title>" for screen readers. */
  buttonText?: string;
}

interface Props extends ChartExportSpec {
  /** The element the chart is drawn in (an SVG, a canvas, or an element holding its layers). */
  target: RefObject<Element>;
}

/** The words to drop from a widget's name in file names. */
const FILLER = /\b(widget|experiment)\b/gi;

/** The file name stem: the widget's name, the labelled region the chart sits in inside the widget (e.g. "Run A"), the chart's name. */
function fileStem(widget: string | undefined, el: Element, name: string): string {
  const region = el.closest('section[aria-label]');
  // Only a region inside the widget (WidgetBoundary's element carries data-widget), not the page's.
  const part = widget && region?.closest('[data-widget]') ? (region.getAttribute('aria-label') ?? undefined) : undefined;
  return exportFileStem([widget?.replace(FILLER, ''), part, name]);
}

/**
 * A chart's export control: a small "Export" button that discloses three buttons, SVG, PNG and
 * Data (CSV), which download the chart as the reader sees it (theme colours inlined) and the data
 * it plots. The buttons sit in a popover (the browser's top layer, so no chart's overflow or
 * containment clips them) anchored under the button: Enter or Space opens it, Tab moves into it,
 * Escape or a click elsewhere closes it, and focus returns to the button (WAI-ARIA disclosure).
 */
export function ChartExport({ target, name, title = name, legend, exportData, buttonText }: Props) {
  const widget = useContext(ExportScope);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const id = useId();
  const menu = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const el = menu.current;
    if (!el) return undefined;
    const onToggle = (e: Event): void => {
      const opened = (e as ToggleEvent).newState === 'open';
      setOpen(opened);
      // Closed with Escape or by a choice while focus was inside: the browser gives focus back to
      // the button; make sure it is not left on a hidden element where it does not.
      if (!opened && el.contains(document.activeElement)) toggle.current?.focus();
    };
    el.addEventListener('toggle', onToggle);
    return () => el.removeEventListener('toggle', onToggle);
  }, []);

  const save = async (kind: 'svg' | 'png' | 'csv'): Promise<void> => {
    const el = target.current;
    if (!el) return;
    setError(undefined);
    const stem = fileStem(widget, el, name);
    try {
      if (kind === 'csv' && exportData) {
        downloadBlob(new Blob([toCsv(exportData())], { type: 'text/csv;charset=utf-8' }), `${stem}.csv`);
      } else {
        // The fonts are fetched only now, when the reader asks for a picture, and only those its text needs.
        const picture = await withEmbeddedFonts(chartSvg(el, { title, ...(legend ? { legend } : {}) }));
        const blob = kind === 'svg' ? new Blob([picture.svg], { type: 'image/svg+xml' }) : await chartPng(picture);
        downloadBlob(blob, `${stem}.${kind}`);
      }
      menu.current?.hidePopover();
    } catch (e) {
      setError(`Could not export the chart: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div class="chart-export">
      <button ref={toggle} type="button" class="chart-export__toggle" popovertarget={id} aria-expanded={open} aria-controls={id} aria-label={buttonText ? undefined : `Export ${title}`}>
        {buttonText ?? 'Export'}
      </button>
      <div ref={menu} id={id} class="chart-export__menu" popover="auto" role="group" aria-label={`${buttonText ?? `Export ${title}`} as`}>
        <button type="button" onClick={() => void save('svg')}>
          SVG
        </button>
        <button type="button" onClick={() => void save('png')}>
          PNG
        </button>
        {exportData && (
          <button type="button" onClick={() => void save('csv')}>
            Data (CSV)
          </button>
        )}
        {error && (
          <p class="chart-export__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
