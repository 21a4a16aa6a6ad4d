import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * The text of a box that edits a value: what the reader types stays as typed, and a change made
 * elsewhere (a preset, Reset, a link) replaces it unless it already means the new value.
 * `text` is the value in use, written out; `means(draft)` says whether a draft reads as it.
 *
 * The draft follows in a layout effect: it runs in the same task as the render that brought the new
 * value, so no keystroke can come in between (an effect after paint could run for an older value
 * between two keystrokes and revert what the reader typed).
 */
export function useDraft(text: string, means: (draft: string) => boolean): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(text);
  useLayoutEffect(() => {
    setDraft((d) => (means(d) ? d : text));
  }, [text]);
  return [draft, setDraft];
}
