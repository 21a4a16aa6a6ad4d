import { useEffect, useState } from 'preact/hooks';
import type { SaveState } from './useNotebooks';

interface Props {
  readonly name: string;
  readonly save: SaveState;
  /** 'memory': notebooks are not stored (IndexedDB is unavailable). */
  readonly storage: 'indexeddb' | 'memory';
  /** Renames; resolves to an error message, or undefined when renamed. */
  rename(name: string): Promise<string | undefined>;
}

function saveText(save: SaveState, storage: Props['storage']): string {
  if (storage === 'memory') return 'Kept in this page only';
  switch (save.kind) {
    case 'saved':
      return 'Saved';
    case 'pending':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${save.message}`;
  }
}

/** The open notebook's name (a field to rename it) and whether its latest edits are saved. */
export function NotebookHeader({ name, save, storage, rename }: Props) {
  const [draft, setDraft] = useState(name);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    setDraft(name);
    setProblem(undefined);
  }, [name]);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setProblem(await rename(draft));
  };

  const failed = save.kind === 'failed' && storage !== 'memory';
  return (
    <div class="nb-header">
      <form class="nb-header__name" onSubmit={(e) => void submit(e)}>
        <label for="nb-name">Notebook name</label>
        <input
          id="nb-name"
          type="text"
          value={draft}
          maxLength={200}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'nb-name-problem' : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setDraft(name);
              setProblem(undefined);
            }
          }}
        />
        <button type="submit" class="code-cell__button" disabled={draft === name}>
          Rename
        </button>
      </form>
      {problem && (
        <p class="nb-header__problem" id="nb-name-problem" role="alert">
          {problem}
        </p>
      )}
      <p class={`nb-save nb-save--${failed ? 'failed' : save.kind}`} role="status">
        {saveText(save, storage)}
      </p>
    </div>
  );
}
