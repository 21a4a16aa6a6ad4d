import type { ComponentChildren, CSSProperties } from 'preact';
import { useRef } from 'preact/hooks';
import { ChartExport, type ChartExportSpec } from './ChartExport';
import './charts.css';

interface Props extends ChartExportSpec {
  /** The picture: a map, a value grid, or a keyboard control (GridCursor) wrapped round one. */
  children: ComponentChildren;
  /** A caption: the frame becomes a figure with it above the picture, the export control beside it. */
  caption?: ComponentChildren;
  /** The caption's id, for a picture named by it (aria-labelledby). */
  captionId?: string;
  class?: string;
  style?: CSSProperties;
}

/**
 * A picture with its export control above it, beside its caption if it has one, and outside the
 * picture: a keyboard control wrapped round the picture keeps its arrow keys and its single tab
 * stop, and the export button is never inside it. The export draws every SVG, canvas and table
 * inside the picture.
 */
export function ExportFrame({ children, caption, captionId, class: className, style, ...spec }: Props) {
  const picture = useRef<HTMLDivElement>(null);
  const control = <ChartExport target={picture} {...spec} />;
  const body = (
    <div ref={picture} class="export-frame__picture">
      {children}
    </div>
  );
  const attributes = { ...(style ? { style } : {}) };
  if (caption === undefined) {
    return (
      <div class={`export-frame ${className ?? ''}`} {...attributes}>
        <div class="chart-export-row">{control}</div>
        {body}
      </div>
    );
  }
  return (
    <figure class={`export-frame export-frame--captioned ${className ?? ''}`} {...attributes}>
      <figcaption class="export-frame__caption" {...(captionId ? { id: captionId } : {})}>
        {caption}
      </figcaption>
      {control}
      {body}
    </figure>
  );
}
