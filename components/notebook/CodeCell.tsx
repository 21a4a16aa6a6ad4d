import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { WidgetBoundary } from '../widget-kit/WidgetBoundary';
import { CodeCellView } from './CodeCellView';

interface Props {
  /** The cell's TypeScript. */
  code: string;
  /** What the cell does, e.g. "Define your activation": names the cell for screen readers. */
  label: string;
  /** Seconds a run may take before it is stopped and the kernel restarted (default 10). */
  timeLimit?: number;
  /** The code as highlighted HTML, shown until the editor has loaded (CodeCell.astro passes it). */
  children?: ComponentChildren;
}

/**
 * A lesson's code cell: TypeScript the reader can edit and run, with the engine in scope, on the
 * page's one kernel (in a sandbox), with its own Run all, Restart and time limit. Shift+Enter runs
 * and moves to the next cell, Ctrl/Cmd+Enter runs in place.
 */
export default function CodeCell({ code: initial, label, timeLimit = 10, children }: Props) {
  // The code outlives a crash of the cell's view (WidgetBoundary's Retry), so an edit is never lost.
  const code = useRef(initial);
  const names = { region: `Code cell: ${label}`, editor: `Code of cell “${label}”`, output: `Output of cell “${label}”` };
  return (
    <WidgetBoundary name={`code cell “${label}”`}>
      <CodeCellView code={code} names={names} timeLimit={timeLimit} pageControls>
        {children}
      </CodeCellView>
    </WidgetBoundary>
  );
}
