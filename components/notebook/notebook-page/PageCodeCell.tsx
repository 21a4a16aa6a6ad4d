import { memo } from 'preact/compat';
import { useMemo, useRef } from 'preact/hooks';
import type { CodeCellData } from '../../../lib/notebook';
import { WidgetBoundary } from '../../widget-kit/WidgetBoundary';
import { CodeCellView } from '../CodeCellView';
import type { CellHandle } from '../page-kernel';
import { CELL_KEYS_HELP, CellActions, cellKeys, type CellApi } from './cell-api';

interface Props {
  readonly cell: CodeCellData;
  /** The cell's number (1 = first), for its names. */
  readonly number: number;
  readonly total: number;
  readonly timeLimit: number;
  readonly api: CellApi;
  readonly handleRef: { current: CellHandle | null };
}

const languageName = (language: string): string => language.charAt(0).toUpperCase() + language.slice(1);

/**
 * A code cell of the notebook page: the lessons' cell view, its outputs kept in the notebook,
 * with the page's move and delete buttons. A cell in another language (an imported Python
 * notebook) shows as code that does not run, with a button that marks it as TypeScript.
 */
export const PageCodeCell = memo(function PageCodeCell({ cell, number, total, timeLimit, api, handleRef }: Props) {
  // The editor owns the text from here on; edits flow out through setSource.
  const code = useRef(cell.source);
  const keys = useMemo(() => cellKeys(api, cell.id), [api, cell.id]);
  const names = { region: `Code cell ${number}`, editor: `Code of cell ${number}`, output: `Output of cell ${number}` };
  const foreign = cell.language;
  return (
    <WidgetBoundary name={`code cell ${number}`}>
      <CodeCellView
        code={code}
        names={names}
        timeLimit={timeLimit}
        pageControls={false}
        saved={{ outputs: cell.outputs, count: cell.executionCount }}
        onCodeChange={(source) => api.setSource(cell.id, source)}
        onOutputs={(outputs, count) => api.setOutputs(cell.id, outputs, count)}
        onAdvance={() => api.advance(cell.id)}
        {...(foreign !== undefined ? { notRunnable: `${languageName(foreign)} code: not run here (cells run TypeScript)` } : {})}
        actions={
          <>
            {foreign !== undefined && (
              <button type="button" class="code-cell__button" onClick={() => api.markTypeScript(cell.id)}>
                Mark as TypeScript
              </button>
            )}
            <CellActions api={api} id={cell.id} number={number} total={total} />
          </>
        }
        keys={keys}
        keysHelp={CELL_KEYS_HELP}
        handleRef={handleRef}
      />
    </WidgetBoundary>
  );
});
