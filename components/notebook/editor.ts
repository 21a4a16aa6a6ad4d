/**
 * The code editor of a cell: CodeMirror 6 with TypeScript highlighting, bracket matching, syntax
 * errors marked as you type (from the parse tree) and after a run (the compiler's), completion of
 * the engine's names with their signatures and docs (generated at build time), and the notebook's keys. Loaded only when a cell comes near the viewport (a dynamic import).
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript, javascriptLanguage } from '@codemirror/lang-javascript';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting, syntaxTree } from '@codemirror/language';
import { linter, lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import completionData from 'virtual:notebook-completions';
import { completionsFor, withLibrary, type CompletionData, type CompletionEntry, type LibraryCompletions } from './completion-source';

/** A key the cell's owner adds, in CodeMirror's notation ("Mod-Shift-ArrowUp"), and what it does. */
export interface EditorKey {
  readonly key: string;
  run(): void;
}

/** What a cell's editor needs from the cell. */
export interface EditorOptions {
  readonly doc: string;
  /** Accessible name of the editor, e.g. "Code of cell 1". */
  readonly label: string;
  /** Id of the element that explains the keys. */
  readonly describedBy: string;
  readonly dark: boolean;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Shift+Enter. */
  onRunAndAdvance(): void;
  onChange(doc: string): void;
  /** More keys (moving the cell, ...): taken before the editor's own. */
  readonly keys?: readonly EditorKey[];
  /** The completions of the lesson library the cell asks for, if it asks for one. */
  readonly library?: LibraryCompletions;
}

/** The editor of one cell. */
export interface CellEditor {
  readonly view: EditorView;
  setDark(dark: boolean): void;
  /** Changes the editor's accessible name (the cell moved). */
  setLabel(label: string): void;
  /** Replaces the whole code, as one edit the reader can undo (Ctrl+Z). Calls onChange. */
  setCode(code: string): void;
  /** Marks the compiler's syntax error (line and column from 1), or clears the marks. */
  markError(error: { line: number; column?: number; message: string } | null): void;
  destroy(): void;
}

// Token classes (colours in notebook.css, one set per theme, close to the site's code blocks).
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword], class: 'tok-keyword' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], class: 'tok-string' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], class: 'tok-constant' },
  { tag: [tags.lineComment, tags.blockComment], class: 'tok-comment' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.function(tags.definition(tags.variableName))], class: 'tok-function' },
  { tag: [tags.typeName, tags.className, tags.namespace], class: 'tok-type' },
  { tag: [tags.definition(tags.variableName)], class: 'tok-definition' },
  { tag: tags.invalid, class: 'tok-invalid' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--code-bg)', color: 'var(--text)', borderRadius: '0 0 var(--radius) var(--radius)' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)', padding: '0.6rem 0' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--text-muted)', border: 'none' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 28%, transparent)',
  },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'color-mix(in srgb, var(--success) 28%, transparent)', outline: '1px solid var(--success)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'color-mix(in srgb, var(--danger) 28%, transparent)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-raised)', color: 'var(--text)', border: '1px solid var(--border-strong)' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-mono)', maxHeight: '14em' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--bg-raised)' },
  '.cm-completionDetail': { fontStyle: 'normal', color: 'inherit', opacity: '0.75' },
  '.cm-completionInfo': { maxWidth: 'min(28rem, 80vw)', padding: '0.4rem 0.6rem' },
  '.nb-completion-info code': { display: 'block', fontFamily: 'var(--font-mono)', fontSize: '0.8rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  '.nb-completion-info p': { margin: '0.3rem 0 0', fontFamily: 'var(--font-ui)', fontSize: '0.82rem' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--danger)', textUnderlineOffset: '3px' },
});

/** Syntax errors in the parse tree (its error nodes), at most five. */
function parseErrors(state: EditorState): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { doc } = state;
  syntaxTree(state).iterate({
    enter(node) {
      if (!node.type.isError || diagnostics.length >= 5) return;
      const at = Math.min(node.from, doc.length);
      const next = doc.sliceString(at, Math.min(doc.length, at + 12)).split(/\s/)[0];
      const message = at >= doc.length || !next ? 'Syntax error: the cell ends too early (a bracket or quote left open?)' : `Syntax error: unexpected “${next}”`;
      diagnostics.push({ from: at, to: Math.min(doc.length, Math.max(node.to, at + 1)), severity: 'error', message });
    },
  });
  return diagnostics;
}

// Inside these nodes nothing is completed: the reader is writing text, not code.
const NO_COMPLETION = new Set(['String', 'TemplateString', 'LineComment', 'BlockComment', 'RegExp']);

/** The signature and the doc line of an entry, shown beside the list. */
function completionInfo(entry: CompletionEntry): () => Node {
  return () => {
    const box = document.createElement('div');
    box.className = 'nb-completion-info';
    const signature = document.createElement('code');
    signature.textContent = entry.kind === 'namespace' || entry.kind === 'type' ? `${entry.kind} ${entry.name}` : `${entry.name}${entry.kind === 'property' || entry.kind === 'variable' ? ': ' : ''}${entry.detail}`;
    const doc = document.createElement('p');
    doc.textContent = entry.doc;
    box.append(signature, doc);
    return box;
  };
}

const options = new Map<CompletionEntry, Completion>();
const toOption = (entry: CompletionEntry): Completion => {
  let option = options.get(entry);
  if (!option) {
    option = { label: entry.name, type: entry.kind, detail: entry.kind === 'namespace' || entry.kind === 'type' ? entry.kind : '', info: completionInfo(entry) };
    options.set(entry, option);
  }
  return option;
};

/** The engine's names, the kernel's globals, namespace members and Tensor members (see completion-source.ts), from `data`. */
const notebookCompletions =
  (data: CompletionData) =>
  (context: CompletionContext): CompletionResult | null => {
    if (NO_COMPLETION.has(syntaxTree(context.state).resolveInner(context.pos, -1).name)) return null;
    const line = context.state.doc.lineAt(context.pos);
    const found = completionsFor(line.text.slice(0, context.pos - line.from), data, context.explicit);
    return found ? { from: line.from + found.from, options: found.entries.map(toOption), validFor: /^[\w$]*$/ } : null;
  };

/** Creates a cell's editor in `parent`. */
export function createEditor(parent: HTMLElement, options: EditorOptions): CellEditor {
  const dark = new Compartment();
  const attributes = new Compartment();
  const contentAttributes = (label: string) => EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': options.describedBy });
  // The last run's error, shown until the code is edited (the linter would otherwise replace it).
  let runError: Diagnostic | null = null;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        Prec.highest(
          keymap.of([
            { key: 'Shift-Enter', run: () => (options.onRunAndAdvance(), true) },
            { key: 'Mod-Enter', run: () => (options.onRun(), true) },
            ...(options.keys ?? []).map((k) => ({ key: k.key, run: () => (k.run(), true), preventDefault: true })),
          ]),
        ),
        lineNumbers(),
        history(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        javascript({ typescript: true }),
        javascriptLanguage.data.of({ autocomplete: notebookCompletions(options.library ? withLibrary(completionData, options.library) : completionData) }),
        autocompletion({ activateOnTypingDelay: 150 }),
        syntaxHighlighting(highlight),
        // Syntax errors as the reader types, and the last run's error until the code changes.
        linter((v) => [...parseErrors(v.state), ...(runError ? [runError] : [])], { delay: 400 }),
        lintGutter(),
        keymap.of([...closeBracketsKeymap, ...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        // Long lines wrap: a phone shows the whole line, and the editor never scrolls sideways.
        EditorView.lineWrapping,
        theme,
        dark.of(EditorView.darkTheme.of(options.dark)),
        attributes.of(contentAttributes(options.label)),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          runError = null;
          options.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    setDark: (isDark) => view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(isDark)) }),
    setLabel: (label) => view.dispatch({ effects: attributes.reconfigure(contentAttributes(label)) }),
    setCode: (code) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }),
    markError(error) {
      runError = null;
      if (error) {
        const { doc } = view.state;
        const line = doc.line(Math.min(Math.max(1, error.line), doc.lines));
        const from = Math.min(line.to, line.from + Math.max(0, (error.column ?? 1) - 1));
        const to = Math.min(doc.length, error.column ? from + 1 : Math.max(line.to, from + 1));
        runError = { from, to, severity: 'error', message: error.message };
      }
      view.dispatch(setDiagnostics(view.state, [...parseErrors(view.state), ...(runError ? [runError] : [])]));
    },
    destroy: () => view.destroy(),
  };
}
