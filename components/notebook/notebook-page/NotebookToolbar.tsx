import { useEffect, useRef, useState } from 'preact/hooks';
import { limitLabel, timeLimits } from '../CodeCellView';
import { pageKernel } from '../page-kernel';

interface Props {
  readonly timeLimit: number;
  setTimeLimit(seconds: number): void;
  onRunAll(): void;
  onExportIpynb(): void;
  onExportTs(): void;
  onImport(file: File): void;
  readonly disabled: boolean;
}

/** The notebook's commands: Run all, Stop, Restart, the time limit; Export .ipynb and .ts, Import .ipynb. */
export function NotebookToolbar({ timeLimit, setTimeLimit, onRunAll, onExportIpynb, onExportTs, onImport, disabled }: Props) {
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  useEffect(() => pageKernel().subscribe((e) => e.type === 'state' && setBusy(e.busy)), []);
  return (
    <div class="nb-toolbar">
      <div class="nb-toolbar__group" role="group" aria-label="Kernel">
        <button type="button" class="code-cell__button code-cell__button--run" onClick={onRunAll} disabled={disabled}>
          Run all
        </button>
        <button type="button" class="code-cell__button" onClick={() => pageKernel().stop()} disabled={disabled || !busy}>
          Stop
        </button>
        <button type="button" class="code-cell__button" onClick={() => pageKernel().restart()} disabled={disabled}>
          Restart
        </button>
        <label class="code-cell__limit">
          Time limit
          <select value={String(timeLimit)} onChange={(e) => setTimeLimit(Number((e.currentTarget as HTMLSelectElement).value))}>
            {timeLimits(timeLimit).map((s) => (
              <option key={s} value={String(s)}>
                {limitLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="nb-toolbar__group" role="group" aria-label="Files">
        <button type="button" class="code-cell__button" onClick={onExportIpynb} disabled={disabled}>
          Export .ipynb
        </button>
        <button type="button" class="code-cell__button" onClick={onExportTs} disabled={disabled}>
          Export .ts
        </button>
        <button type="button" class="code-cell__button" onClick={() => file.current?.click()} disabled={disabled}>
          Import .ipynb
        </button>
        <input
          ref={file}
          type="file"
          accept=".ipynb,application/x-ipynb+json,application/json"
          hidden
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const chosen = input.files?.[0];
            input.value = ''; // the same file can be chosen again
            if (chosen) onImport(chosen);
          }}
        />
      </div>
    </div>
  );
}
