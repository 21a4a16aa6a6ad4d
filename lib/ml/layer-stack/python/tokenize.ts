/**
 * A tokenizer for the small part of Python that model definitions use: names, numbers, strings,
 * brackets and operators, comments, line continuations. Newlines count only outside brackets, as
 * in Python, so a call may span many lines.
 */

import { MAX_NESTING } from '../limits';

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

const OPERATORS = [
  '**=', '//=', '**', '//', '->', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '@=', '|=', '&=',
  '(', ')', '[', ']', '{', '}', ',', '=', '.', '+', '-', '*', '/', '%', ':', ';', '@', '<', '>', '|', '&', '^', '~',
];
/** The operators by length, longest tried first, so that `**=` is not read as `**` and `=`. */
const OPERATORS_BY_LENGTH = [3, 2, 1].map((n) => new Set(OPERATORS.filter((o) => o.length === n)));
const OPENING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
// Sticky (y): each matches at lastIndex only, so the tokenizer never copies the rest of the text.
const NUMBER = /(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** The match of a sticky pattern at `offset`, or null. */
function matchAt(pattern: RegExp, source: string, offset: number): string | null {
  pattern.lastIndex = offset;
  return pattern.exec(source)?.[0] ?? null;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isNameStart = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** The operator at `offset`, longest first, or undefined. */
function operatorAt(source: string, offset: number): string | undefined {
  for (const [i, set] of OPERATORS_BY_LENGTH.entries()) {
    const text = source.slice(offset, offset + 3 - i);
    if (set.has(text)) return text;
  }
  return undefined;
}

/** Splits `source` into tokens; throws a SourceError at the first character it cannot read. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const brackets: Token[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  const here = (length: number): Span => ({ line, column: offset - lineStart + 1, offset, length });
  const token = (type: Token['type'], text: string, length: number): Token => ({ type, text, line, column: offset - lineStart + 1, offset, length });
  const push = (type: Token['type'], text: string, length: number): void => {
    tokens.push(token(type, text, length));
    offset += length;
  };
  const newline = (): void => {
    offset += 1;
    line += 1;
    lineStart = offset;
  };

  while (offset < source.length) {
    const code = source.charCodeAt(offset);
    if (code === 10) {
      if (brackets.length === 0 && tokens.length > 0 && tokens[tokens.length - 1]!.type !== 'newline') tokens.push(token('newline', '\n', 1));
      newline();
    } else if (code === 32 || code === 13 || code === 9 || code === 12) {
      offset += 1;
    } else if (code === 35) {
      // # comment: skip to the end of the line
      const end = source.indexOf('\n', offset);
      offset = end === -1 ? source.length : end;
    } else if (code === 92 && (source[offset + 1] === '\n' || source.startsWith('\r\n', offset + 1))) {
      offset += source[offset + 1] === '\r' ? 2 : 1;
      newline();
    } else if (code === 34 || code === 39) {
      readString(source, here(0), (text, length, lines) => {
        push('string', text, length);
        if (lines > 0) {
          line += lines;
          lineStart = source.lastIndexOf('\n', offset - 1) + 1;
        }
      });
    } else if (isDigit(code) || (code === 46 && isDigit(source.charCodeAt(offset + 1)))) {
      const text = matchAt(NUMBER, source, offset)!;
      if (/[jJ]$/.test(text)) throw new SourceError(`${text} is a complex number; layer sizes are whole numbers`, here(text.length));
      if (isNameStart(source.charCodeAt(offset + text.length)) || isDigit(source.charCodeAt(offset + text.length))) {
        throw new SourceError(`“${source.slice(offset, offset + 40).split(/[\s,()]/)[0]}” is not a number`, here(text.length + 1));
      }
      push('number', text, text.length);
    } else if (isNameStart(code)) {
      const text = matchAt(NAME, source, offset)!;
      const after = source.charCodeAt(offset + text.length);
      if (text.length <= 2 && /^[rbuf]{1,2}$/i.test(text) && (after === 34 || after === 39)) {
        offset += text.length; // a string prefix (r'', b'', f''): read the string that follows
        continue;
      }
      push('name', text, text.length);
    } else {
      const op = operatorAt(source, offset);
      if (op === undefined) throw new SourceError(`unexpected character “${source[offset]}”`, here(1));
      const opToken = token('op', op, op.length);
      if (op in OPENING) {
        brackets.push(opToken);
        if (brackets.length > MAX_NESTING) {
          throw new SourceError(`brackets are nested more than ${MAX_NESTING} deep here; the importer follows at most ${MAX_NESTING} levels (its own limit)`, opToken);
        }
      }
      if (op === ')' || op === ']' || op === '}') {
        const open = brackets.pop();
        if (open === undefined) throw new SourceError(`“${op}” closes a bracket that was never opened`, opToken);
        if (OPENING[open.text] !== op) {
          throw new SourceError(`“${op}” does not match the “${open.text}” opened at line ${open.line}, column ${open.column}`, opToken);
        }
      }
      tokens.push(opToken);
      offset += op.length;
    }
  }
  const unclosed = brackets.at(-1);
  if (unclosed) throw new SourceError(`“${unclosed.text}” is never closed`, unclosed);
  if (tokens.length > 0 && tokens.at(-1)!.type !== 'newline') push('newline', '', 0);
  tokens.push(token('end', '', 0));
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
