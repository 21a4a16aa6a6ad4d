interface Props {
  hints: readonly string[];
  texts: Readonly<Record<string, string>>;
  /** How many are shown (in order). */
  revealed: number;
  onReveal(): void;
}

/** The hints, revealed one at a time on request; a new hint is announced. */
export function Hints({ hints, texts, revealed, onReveal }: Props) {
  if (hints.length === 0) return null;
  const shown = hints.slice(0, revealed);
  return (
    <div class="exercise__hints">
      <div aria-live="polite">
        {shown.length > 0 && (
          <ol class="exercise__hint-list" aria-label="Hints">
            {shown.map((h, i) => (
              <li key={i}>
                <span class="exercise__hint-label">Hint {i + 1}:</span> <span dangerouslySetInnerHTML={{ __html: texts[h] ?? h }} />
              </li>
            ))}
          </ol>
        )}
      </div>
      {revealed < hints.length && (
        <button type="button" class="exercise__button" onClick={onReveal}>
          {revealed === 0 ? 'Show a hint' : 'Show another hint'} ({revealed + 1} of {hints.length})
        </button>
      )}
    </div>
  );
}
