import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NotebookSummary } from './store';

interface Props {
  readonly list: readonly NotebookSummary[];
  /** The open notebook's name. */
  readonly current: string | undefined;
  readonly disabled: boolean;
  onOpen(name: string): void;
  onNew(): void;
  onDuplicate(name: string): void;
  onDelete(name: string): void;
}

const when = (ms: number): string => {
  const d = new Date(ms);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
};

/** One notebook of the list: open, duplicate, and delete after a confirmation in place. */
function Item({ item, open, disabled, onOpen, onDuplicate, onDelete }: { item: NotebookSummary; open: boolean; disabled: boolean } & Pick<Props, 'onOpen' | 'onDuplicate' | 'onDelete'>) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const metaId = useId();
  // As the buttons are swapped, before the browser handles another key (see CellPrompt).
  useLayoutEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  return (
    <li class={`nb-list__item${open ? ' nb-list__item--open' : ''}`}>
      <button type="button" class="nb-list__open" aria-current={open ? 'true' : undefined} aria-describedby={metaId} onClick={() => onOpen(item.name)} disabled={disabled}>
        {item.name}
      </button>
      <span class="nb-list__meta" id={metaId}>
        {item.cells} cell{item.cells === 1 ? '' : 's'} · saved {when(item.updated)}
      </span>
      {confirming ? (
        <span class="nb-list__confirm" role="group" aria-label={`Delete “${item.name}”?`}>
          <span>Delete for good?</span>
          <button type="button" class="nb-list__action nb-list__action--danger" onClick={() => onDelete(item.name)} aria-label={`Yes, delete “${item.name}”`}>
            Delete
          </button>
          <button type="button" class="nb-list__action" ref={cancel} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <span class="nb-list__actions">
          <button type="button" class="nb-list__action" onClick={() => onDuplicate(item.name)} aria-label={`Duplicate “${item.name}”`} disabled={disabled}>
            Duplicate
          </button>
          <button type="button" class="nb-list__action" ref={deleteButton} onClick={() => setConfirming(true)} aria-label={`Delete “${item.name}”`} disabled={disabled}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}

/** The notebooks saved in this browser, with New, and Open, Duplicate and Delete for each. */
export function NotebookList({ list, current, disabled, onOpen, onNew, onDuplicate, onDelete }: Props) {
  return (
    <section class="nb-list" aria-labelledby="nb-list-title">
      <div class="nb-list__head">
        <h2 id="nb-list-title">Your notebooks</h2>
        <button type="button" class="button" onClick={onNew} disabled={disabled}>
          New notebook
        </button>
      </div>
      <ul class="nb-list__items" aria-labelledby="nb-list-title">
        {list.map((item) => (
          <Item key={item.name} item={item} open={item.name === current} disabled={disabled} onOpen={onOpen} onDuplicate={onDuplicate} onDelete={onDelete} />
        ))}
      </ul>
    </section>
  );
}
