import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Output } from '../../lib/notebook';
import { useTheme } from '../charts/theme-colors';
import type { CellEditor } from '../notebook/editor';
import { OutputArea } from '../notebook/OutputArea';
import '../notebook/notebook.css';

interface Props {
  /** Names the editor for screen readers. */
  label: string;
  /** The code to start from (the saved answer, or the starter). */
  code: string;
  /** What the student's code printed in the last check. */
  outputs: readonly Output[];
  onChange(code: string): void;
  /** Ctrl/Cmd+Enter or Shift+Enter in the editor. */
  onCheck(): void;
  /** Puts `code` in the editor (Reset to starter code) when it changes. */
  reset: { readonly code: string; readonly n: number };
}

/** The code of a code exercise, in the notebook's editor (CodeMirror, the engine's completions), with what it printed below. */
export function CodeAnswer({ label, code, outputs, onChange, onCheck, reset }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<CellEditor | null>(null);
  const [ready, setReady] = useState(false);
  const theme = useTheme();
  const keysId = `${useId()}-keys`;
  const handlers = useRef({ onChange, onCheck });
  handlers.current = { onChange, onCheck };

  useEffect(() => {
    let cancelled = false;
    void import('../notebook/editor').then(({ createEditor }) => {
      if (cancelled || !host.current) return;
      editor.current = createEditor(host.current, {
        doc: code,
        label,
        describedBy: keysId,
        dark: document.documentElement.dataset.theme === 'dark',
        onRun: () => handlers.current.onCheck(),
        onRunAndAdvance: () => handlers.current.onCheck(),
        onChange: (text) => handlers.current.onChange(text),
      });
      setReady(true);
    });
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
    };
  }, []);

  useEffect(() => editor.current?.setDark(theme === 'dark'), [theme, ready]);
  useEffect(() => {
    if (reset.n > 0) editor.current?.setCode(reset.code);
  }, [reset.n]);

  return (
    <div class="exercise__code code-cell">
      <p class="visually-hidden" id={keysId}>
        Control+Enter checks your code. Press Escape, then Tab, to leave the editor.
      </p>
      {!ready && (
        <pre class="exercise__code-static">
          <code>{code}</code>
        </pre>
      )}
      <div class="code-cell__editor" ref={host} hidden={!ready} />
      {outputs.length > 0 && (
        <div class="code-cell__output" role="log" aria-label={`Output of ${label}`}>
          <OutputArea outputs={outputs} count={null} />
        </div>
      )}
    </div>
  );
}
