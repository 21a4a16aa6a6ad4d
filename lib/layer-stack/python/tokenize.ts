/**
 * A tokenizer for the small part of Python that model definitions use: names, numbers, strings,
 * brackets and operators, comments, line continuations. Newlines count only outside brackets, as
 * in Python, so a call may span many lines.
 */

/** A place in the source: 1-based line and column, and the 0-based offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A source range: where it starts and how many characters it covers. */
export interface Span extends Position {
  readonly length: number;
}

/** One token. `newline` ends a statement; `end` ends the text. */
export interface Token extends Span {
  readonly type: 'name' | 'number' | 'string' | 'op' | 'newline' | 'end';
  /** The source text (for strings: the value without quotes). */
  readonly text: string;
}

/** A problem in the source, pointed at by line and column. */
export class SourceError extends Error {
  /** An error at `span` with a message for the reader. */
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

const OPERATORS = ['**', '//', '->', '==', '!=', '<=', '>=', '(', ')', '[', ']', '{', '}', ',', '=', '.', '+', '-', '*', '/', '%', ':', ';', '@', '<', '>'];
const OPENING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const NUMBER = /^(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Splits `source` into tokens; throws a SourceError at the first character it cannot read. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const brackets: Token[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  const here = (length: number): Span => ({ line, column: offset - lineStart + 1, offset, length });
  const push = (type: Token['type'], text: string, length: number): void => {
    tokens.push({ type, text, ...here(length) });
    offset += length;
  };
  const newline = (): void => {
    offset += 1;
    line += 1;
    lineStart = offset;
  };

  while (offset < source.length) {
    const ch = source[offset]!;
    const rest = source.slice(offset, offset + 200);
    if (ch === '\n') {
      if (brackets.length === 0 && tokens.length > 0 && tokens.at(-1)!.type !== 'newline') tokens.push({ type: 'newline', text: '\n', ...here(1) });
      newline();
    } else if (ch === '\r' || ch === ' ' || ch === '\t' || ch === '\f') {
      offset += 1;
    } else if (ch === '#') {
      while (offset < source.length && source[offset] !== '\n') offset += 1;
    } else if (ch === '\\' && (source[offset + 1] === '\n' || source.startsWith('\r\n', offset + 1))) {
      offset += source[offset + 1] === '\r' ? 2 : 1;
      newline();
    } else if (ch === '"' || ch === "'") {
      readString(source, here(0), (text, length, lines) => {
        push('string', text, length);
        if (lines > 0) {
          line += lines;
          lineStart = source.lastIndexOf('\n', offset - 1) + 1;
        }
      });
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[offset + 1] ?? ''))) {
      const text = NUMBER.exec(rest)![0];
      if (/[jJ]$/.test(text)) throw new SourceError(`${text} is a complex number; layer sizes are whole numbers`, here(text.length));
      if (NAME.test(source.slice(offset + text.length, offset + text.length + 1))) {
        throw new SourceError(`“${rest.split(/[\s,()]/)[0]}” is not a number`, here(text.length + 1));
      }
      push('number', text, text.length);
    } else if (NAME.test(rest)) {
      const text = NAME.exec(rest)![0];
      if (/^[rbuf]{1,2}$/i.test(text) && (source[offset + text.length] === '"' || source[offset + text.length] === "'")) {
        offset += text.length; // a string prefix (r'', b'', f''): read the string that follows
        continue;
      }
      push('name', text, text.length);
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, offset));
      if (op === undefined) throw new SourceError(`unexpected character “${ch}”`, here(1));
      const token: Token = { type: 'op', text: op, ...here(op.length) };
      if (op in OPENING) brackets.push(token);
      if (op === ')' || op === ']' || op === '}') {
        const open = brackets.pop();
        if (open === undefined) throw new SourceError(`“${op}” closes a bracket that was never opened`, token);
        if (OPENING[open.text] !== op) {
          throw new SourceError(`“${op}” does not match the “${open.text}” opened at line ${open.line}, column ${open.column}`, token);
        }
      }
      tokens.push(token);
      offset += op.length;
    }
  }
  const unclosed = brackets.at(-1);
  if (unclosed) throw new SourceError(`“${unclosed.text}” is never closed`, unclosed);
  if (tokens.length > 0 && tokens.at(-1)!.type !== 'newline') push('newline', '', 0);
  tokens.push({ type: 'end', text: '', ...here(0) });
  return tokens;
}

/** Reads a quoted string (single, double or triple quotes) starting at `at`. */
function readString(source: string, at: Span, done: (text: string, length: number, lines: number) => void): void {
  const quote = source.startsWith('"""', at.offset) || source.startsWith("'''", at.offset) ? source.slice(at.offset, at.offset + 3) : source[at.offset]!;
  let i = at.offset + quote.length;
  let text = '';
  while (i < source.length && !source.startsWith(quote, i)) {
    if (source[i] === '\n' && quote.length === 1) break;
    if (source[i] === '\\' && i + 1 < source.length) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    text += source[i];
    i += 1;
  }
  if (!source.startsWith(quote, i)) throw new SourceError(`this string is never closed (expected ${quote})`, { ...at, length: 1 });
  const length = i + quote.length - at.offset;
  const lines = (source.slice(at.offset, at.offset + length).match(/\n/g) ?? []).length;
  done(text, length, lines);
}
