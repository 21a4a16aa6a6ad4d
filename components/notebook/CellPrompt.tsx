import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { Prompt } from './useCellDocument';

/**
 * A question a cell asks before it changes the reader's code, inline under its bar: the question
 * and two buttons. The first button takes the focus when it appears; Escape answers no.
 */
export function CellPrompt({ prompt, onAnswer }: { prompt: Prompt; onAnswer(confirmed: boolean): void }) {
  const id = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  // Focus moves as the prompt is rendered, before the browser handles another key: with a (later)
  // effect, an Escape pressed straight after Reset reached the Reset button and was lost.
  useLayoutEffect(() => confirm.current?.focus(), [prompt]);
  return (
    <div
      class="code-cell__prompt"
      role="group"
      aria-labelledby={id}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onAnswer(false);
      }}
    >
      <p id={id}>{prompt.text}</p>
      <div class="code-cell__prompt-actions">
        <button type="button" ref={confirm} class="code-cell__button code-cell__button--run" onClick={() => onAnswer(true)}>
          {prompt.confirm}
        </button>
        <button type="button" class="code-cell__button" onClick={() => onAnswer(false)}>
          {prompt.cancel}
        </button>
      </div>
    </div>
  );
}
