/**
 * A parser for the statements that define a PyTorch model as people write them, and for what
 * print(model) prints:
 *
 *   import torch.nn as nn
 *   num_classes = 10
 *   model = nn.Sequential(nn.Conv2d(3, 16, kernel_size=(3, 3), padding=1), nn.ReLU(inplace=True), ...)
 *
 *   class Net(nn.Module):
 *       def __init__(self, num_classes: int = 10):
 *           super().__init__()
 *           self.features = nn.Sequential(...)
 *       def forward(self, x):
 *           return self.classifier(torch.flatten(self.features(x), 1))
 *
 *   AlexNet(
 *     (features): Sequential(
 *       (0): Conv2d(3, 64, kernel_size=(11, 11), stride=(4, 4), padding=(2, 2))
 *
 * It builds a small syntax tree (numbers, strings, dotted names, calls with positional, keyword and
 * printed-child arguments, tuples and lists, arithmetic) and a flat list of statements, each with
 * its indentation, so that import-pytorch.ts can find the blocks of a class. A statement it cannot
 * read becomes an `error` item (with its line and column) and the parser goes on with the next.
 * What the tree means is decided in import-pytorch.ts.
 *
 * Nothing here recurses without a bound: brackets are limited by the tokenizer, and operator
 * chains and unary signs by MAX_NESTING, so a hostile paste cannot overflow the stack.
 */
import { MAX_NESTING, MAX_PROBLEMS } from '../limits';
import { SourceError, tokenize, type Span, type Token } from './tokenize';

/** A dotted name such as `nn.Conv2d` or `num_classes`. */
export interface NameExpr {
  readonly type: 'name';
  readonly parts: readonly string[];
  readonly span: Span;
}

/**
 * One argument of a call: positional (name null), keyword, or a child as print(model) writes it,
 * `(features): Sequential(...)` (child is the key; `repeat` counts `(0-2): 3 x ReLU()`).
 */
export interface CallArg {
  readonly name: string | null;
  readonly nameSpan: Span | null;
  readonly value: Expr;
  readonly child?: string;
  readonly repeat?: number;
}

/** A call such as `nn.Conv2d(3, 16, 3)`; its span runs from the name to the closing bracket. */
export interface CallExpr {
  readonly type: 'call';
  readonly callee: NameExpr;
  readonly args: readonly CallArg[];
  readonly span: Span;
}

/** An expression of the supported subset of Python. */
export type Expr =
  | { readonly type: 'number'; readonly value: number; readonly isInt: boolean; readonly text: string; readonly span: Span }
  | { readonly type: 'string'; readonly value: string; readonly span: Span }
  | NameExpr
  | CallExpr
  | { readonly type: 'tuple'; readonly items: readonly Expr[]; readonly span: Span }
  | { readonly type: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly type: 'unary'; readonly op: '-' | '+'; readonly operand: Expr; readonly span: Span };

/** A parameter of a `def`, with its default value if it has one. */
export interface Param {
  readonly name: string;
  readonly default: Expr | null;
  readonly span: Span;
}

/** What every statement has: where it is and how far it is indented (spaces before it). */
interface At {
  readonly span: Span;
  readonly indent: number;
}

/**
 * A statement: an import (ignored), `target = value`, `target += value`, a bare expression,
 * `return`, the header of a block (`class Net(nn.Module):`, `def forward(self, x):`, `if ...:`),
 * a line that defines nothing (`super().__init__()`, `pass`, a docstring, `print(...)`), another
 * keyword statement (`raise`, `assert`, ...), or a line that could not be read.
 */
export type Statement = At &
  (
    | { readonly type: 'import' }
    | { readonly type: 'assign'; readonly target: string; readonly targetSpan: Span; readonly value: Expr }
    | { readonly type: 'augassign'; readonly target: string; readonly op: string; readonly value: Expr }
    | { readonly type: 'expr'; readonly value: Expr }
    | { readonly type: 'return'; readonly value: Expr | null }
    | { readonly type: 'header'; readonly keyword: string; readonly name: string | null; readonly params: readonly Param[] }
    | { readonly type: 'skip'; readonly what: string }
    | { readonly type: 'keyword'; readonly keyword: string }
    | { readonly type: 'error'; readonly error: SourceError }
  );

/** The statements read, in order; `truncated` when reading stopped at MAX_PROBLEMS errors. */
export interface ParsedProgram {
  readonly statements: readonly Statement[];
  readonly truncated: boolean;
}

/** Keywords that open a block, with what they start (for messages). */
export const BLOCK_KEYWORDS: Readonly<Record<string, string>> = {
  class: 'a class definition',
  def: 'a function definition',
  if: 'an if statement',
  elif: 'an elif block',
  else: 'an else block',
  for: 'a for loop',
  while: 'a while loop',
  with: 'a with block',
  try: 'a try block',
  except: 'an except block',
  finally: 'a finally block',
  async: 'an async definition',
};

/** Keywords that make a statement of their own, with what it is (for messages). */
export const STATEMENT_KEYWORDS: Readonly<Record<string, string>> = {
  return: 'a return statement',
  lambda: 'a lambda',
  pass: 'a pass statement',
  raise: 'a raise statement',
  assert: 'an assert statement',
  del: 'a del statement',
  global: 'a global statement',
  nonlocal: 'a nonlocal statement',
  yield: 'a yield statement',
  break: 'a break statement',
  continue: 'a continue statement',
};

/** Parses `source` into statements; never throws for bad input, it reports it as `error` items. */
export function parseProgram(source: string): ParsedProgram {
  let tokens: Token[];
  try {
    tokens = tokenize(source);
  } catch (error) {
    if (error instanceof SourceError) return { statements: [{ type: 'error', error, span: error.span, indent: 0 }], truncated: false };
    throw error;
  }
  const parser = new Parser(tokens);
  const statements: Statement[] = [];
  let errors = 0;
  while (!parser.atEnd()) {
    const indent = parser.indent();
    try {
      statements.push(parser.statement(indent));
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      statements.push({ type: 'error', error, span: error.span, indent });
      parser.skipStatement();
      errors += 1;
      if (errors >= MAX_PROBLEMS) return { statements, truncated: !parser.atEnd() };
    }
  }
  return { statements, truncated: false };
}

/** Parses one expression (an argument typed into the widget's editor, such as `(3, 3)`). */
export function parseExpression(source: string): Expr {
  const parser = new Parser(tokenize(source));
  const expr = parser.expression();
  parser.expectStatementEnd();
  if (!parser.atEnd()) throw new SourceError('expected a single value', parser.peek());
  return expr;
}

/** Joins two spans into one running from the start of `a` to the end of `b`. */
export function cover(a: Span, b: Span): Span {
  return { line: a.line, column: a.column, offset: a.offset, length: b.offset + b.length - a.offset };
}

const AUGMENTED = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '|=', '&=']);
const tooDeep = (what: string): string => `${what} more than ${MAX_NESTING} deep; the importer follows at most ${MAX_NESTING} levels (its own limit)`;

class Parser {
  #i = 0;
  /** How deeply the expression being read is nested (calls, brackets, signs, operator chains). */
  #depth = 0;
  /** For each token, the indentation of the line it is on (by its first token). */
  readonly #lineIndent: number[];
  constructor(private readonly tokens: readonly Token[]) {
    let indent = 0;
    this.#lineIndent = tokens.map((t, i) => {
      if (i === 0 || tokens[i - 1]!.type === 'newline') indent = t.column - 1;
      return indent;
    });
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.#i + ahead, this.tokens.length - 1)]!;
  }
  atEnd(): boolean {
    while (this.peek().type === 'newline' || this.isOp(';')) this.#i += 1;
    return this.peek().type === 'end';
  }
  /** Spaces before the current statement's line; a statement after `;` shares its line's indentation. */
  indent(): number {
    return this.#lineIndent[Math.min(this.#i, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.#i += 1;
    return token;
  }
  private isOp(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === 'op' && t.text === text;
  }
  private isName(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === 'name' && t.text === text;
  }

  /** Skips to the start of the next statement (after an error). */
  skipStatement(): void {
    while (this.peek().type !== 'newline' && this.peek().type !== 'end' && !this.isOp(';')) this.#i += 1;
  }

  expectStatementEnd(): void {
    const t = this.peek();
    if (t.type === 'newline' || t.type === 'end' || this.isOp(';')) return;
    if (t.type === 'op' && (t.text === '.' || t.text === '(' || t.text === '[')) {
      throw new SourceError(`${t.text === '.' ? 'calling a method on a result' : 'calling or indexing a result'} is not supported here`, t);
    }
    throw new SourceError(`expected the end of the statement, found ${describe(t)}; is a comma missing?`, t);
  }

  statement(indent: number): Statement {
    const first = this.peek();
    const at = { span: first as Span, indent };
    if (first.type === 'name' && (first.text === 'import' || first.text === 'from')) {
      this.skipStatement();
      return { type: 'import', ...at };
    }
    if (first.type === 'name' && (first.text === 'print' || first.text === 'super') && this.isOp('(', 1)) {
      this.skipStatement(); // print(model(x).shape), super().__init__(): no layers in them
      return { type: 'skip', what: first.text === 'print' ? 'print(...)' : 'super().__init__()', ...at };
    }
    if (first.type === 'name' && Object.hasOwn(BLOCK_KEYWORDS, first.text)) return this.header(first, indent);
    if (first.type === 'op' && first.text === '@') {
      this.skipStatement();
      return { type: 'skip', what: 'a decorator', ...at };
    }
    if (first.type === 'name' && first.text === 'return') {
      this.next();
      const end = this.peek();
      const value = end.type === 'newline' || end.type === 'end' || this.isOp(';') ? null : this.expressionList();
      this.expectStatementEnd();
      return { type: 'return', value, ...at };
    }
    if (first.type === 'name' && first.text === 'pass') {
      this.next();
      this.expectStatementEnd();
      return { type: 'skip', what: 'pass', ...at };
    }
    if (first.type === 'name' && Object.hasOwn(STATEMENT_KEYWORDS, first.text)) {
      this.skipStatement();
      return { type: 'keyword', keyword: first.text, ...at };
    }
    const start = this.expressionList();
    if (start.type === 'string') {
      this.expectStatementEnd();
      return { type: 'skip', what: 'a docstring', span: start.span, indent };
    }
    const op = this.peek();
    if (op.type === 'op' && (op.text === '=' || AUGMENTED.has(op.text))) {
      if (start.type !== 'name') throw new SourceError('only a plain name can be assigned to here, such as model = ...', start.span);
      this.next();
      const value = this.expression();
      this.expectStatementEnd();
      const span = cover(start.span, value.span);
      if (op.text === '=') return { type: 'assign', target: start.parts.join('.'), targetSpan: start.span, value, span, indent };
      return { type: 'augassign', target: start.parts.join('.'), op: op.text, value, span, indent };
    }
    if (this.isOp(':')) throw new SourceError('type annotations are not supported here; write name = value', this.peek());
    this.expectStatementEnd();
    return { type: 'expr', value: start, span: start.span, indent };
  }

  /** `class Name(...):`, `def name(params):` and the other block headers, up to their colon. */
  private header(keyword: Token, indent: number): Statement {
    this.next();
    if (keyword.text === 'async') return this.header(this.peek(), indent);
    let name: string | null = null;
    let params: Param[] = [];
    if ((keyword.text === 'class' || keyword.text === 'def') && this.peek().type === 'name') {
      name = this.next().text;
      if (keyword.text === 'def' && this.isOp('(')) params = this.params();
    }
    // The rest of the header (bases, a condition, `-> None`) matters not: skip to its colon.
    let depth = 0;
    while (this.peek().type !== 'end' && this.peek().type !== 'newline') {
      const t = this.next();
      if (t.type === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth += 1;
      else if (t.type === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth -= 1;
      else if (t.type === 'op' && t.text === ':' && depth === 0) break;
    }
    // An inline body (`if x: y`) belongs to the block; it is skipped with it.
    this.skipStatement();
    return { type: 'header', keyword: keyword.text, name, params, span: keyword, indent };
  }

  /** A def's parameters: names, with annotations skipped and defaults read. */
  private params(): Param[] {
    this.next(); // (
    const params: Param[] = [];
    while (!this.isOp(')') && this.peek().type !== 'end') {
      if (this.isOp('*') || this.isOp('**') || this.isOp('/')) {
        this.next();
      } else if (this.peek().type === 'name') {
        const nameToken = this.next();
        if (this.isOp(':')) this.skipAnnotation();
        let value: Expr | null = null;
        if (this.isOp('=')) {
          this.next();
          value = this.expression();
        }
        params.push({ name: nameToken.text, default: value, span: nameToken });
      } else {
        throw new SourceError(`expected a parameter name, found ${describe(this.peek())}`, this.peek());
      }
      if (this.isOp(',')) this.next();
      else if (!this.isOp(')')) throw new SourceError(`expected “,” or “)” in the parameters, found ${describe(this.peek())}`, this.peek());
    }
    this.next(); // )
    return params;
  }

  /** Skips `: int`, `: Optional[nn.Module]` and the like, up to the `,`, `=` or `)` after it. */
  private skipAnnotation(): void {
    this.next();
    let depth = 0;
    while (this.peek().type !== 'end') {
      if (depth === 0 && (this.isOp(',') || this.isOp('=') || this.isOp(')'))) return;
      const t = this.next();
      if (t.type === 'op' && (t.text === '(' || t.text === '[')) depth += 1;
      else if (t.type === 'op' && (t.text === ')' || t.text === ']')) depth -= 1;
    }
  }

  expression(): Expr {
    return this.deeper('this expression is nested', this.peek(), () => this.additive());
  }

  /** `a, b, c` (a tuple without brackets, as when pasting the inside of an nn.Sequential), or one expression. */
  private expressionList(): Expr {
    const first = this.expression();
    if (!this.isOp(',')) return first;
    const items = [first];
    let last: Span = first.span;
    while (this.isOp(',')) {
      last = this.next();
      const t = this.peek();
      if (t.type === 'newline' || t.type === 'end' || this.isOp('=') || this.isOp(';')) break;
      const item = this.expression();
      items.push(item);
      last = item.span;
    }
    return { type: 'tuple', items, span: cover(first.span, last) };
  }

  /** A left-to-right chain of operators; each link nests the tree one level deeper. */
  private chain(operators: readonly string[], operand: () => Expr): Expr {
    let left = operand();
    let links = 0;
    while (operators.some((op) => this.isOp(op))) {
      const token = this.next();
      links += 1;
      if (links + this.#depth > MAX_NESTING * 2) throw new SourceError(tooDeep('this chain of operators nests'), token);
      const right = operand();
      left = { type: 'binary', op: token.text, left, right, span: cover(left.span, right.span) };
    }
    return left;
  }

  private additive(): Expr {
    return this.chain(['+', '-'], () => this.multiplicative());
  }

  private multiplicative(): Expr {
    return this.chain(['*', '/', '//', '%'], () => this.unary());
  }

  /** Runs `read` one level deeper; refuses to go past the nesting limit (`what` names the cause). */
  private deeper<T>(what: string, at: Token, read: () => T): T {
    this.#depth += 1;
    try {
      if (this.#depth > MAX_NESTING * 2) throw new SourceError(tooDeep(what), at);
      return read();
    } finally {
      this.#depth -= 1;
    }
  }

  private unary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const token = this.next();
      const operand = this.deeper('these signs nest', token, () => this.unary());
      return { type: 'unary', op: token.text === '-' ? '-' : '+', operand, span: cover(token, operand.span) };
    }
    const base = this.primary();
    if (this.isOp('**')) {
      const power = this.next();
      const exponent = this.deeper('these powers nest', power, () => this.unary());
      return { type: 'binary', op: '**', left: base, right: exponent, span: cover(base.span, exponent.span) };
    }
    return base;
  }

  private primary(): Expr {
    const token = this.peek();
    if (token.type === 'number') {
      this.next();
      const clean = token.text.replace(/_/g, '');
      const isInt = /^\d+$/.test(clean);
      if (isInt && clean.length > 1 && clean.startsWith('0')) throw new SourceError(`leading zeros in ${token.text} are not allowed in Python`, token);
      return { type: 'number', value: Number(clean), isInt, text: token.text, span: token };
    }
    if (token.type === 'string') {
      this.next();
      return { type: 'string', value: token.text, span: token };
    }
    if (token.type === 'name') return this.nameOrCall();
    if (this.isOp('(') || this.isOp('[')) return this.bracketed();
    if (this.isOp('*') || this.isOp('**')) throw new SourceError('unpacking (*layers) is not supported here; write the layers out', token);
    if (this.isOp('{')) throw new SourceError('dictionaries are not supported here', token);
    throw new SourceError(`expected a value, found ${describe(token)}`, token);
  }

  private nameOrCall(): Expr {
    const first = this.next();
    if (Object.hasOwn(STATEMENT_KEYWORDS, first.text) || Object.hasOwn(BLOCK_KEYWORDS, first.text)) throw new SourceError(`“${first.text}” is not supported here`, first);
    const parts = [first.text];
    let last: Token = first;
    while (this.isOp('.') && this.peek(1).type === 'name') {
      this.next();
      last = this.next();
      parts.push(last.text);
    }
    const name: NameExpr = { type: 'name', parts, span: cover(first, last) };
    if (!this.isOp('(')) return name;
    this.next();
    const args: CallArg[] = [];
    let sawKeyword = false;
    while (!this.isOp(')')) {
      const child = this.childKey();
      if (child !== null) {
        args.push({ name: null, nameSpan: child.span, value: this.expression(), child: child.key, ...(child.repeat === 1 ? {} : { repeat: child.repeat }) });
        if (this.isOp(',')) this.next();
        continue; // print() separates children by line breaks, not commas
      }
      const isKeyword = this.peek().type === 'name' && this.isOp('=', 1);
      if (isKeyword) {
        const key = this.next();
        this.next();
        if (args.some((a) => a.name === key.text)) throw new SourceError(`keyword argument repeated: ${key.text}`, key);
        args.push({ name: key.text, nameSpan: key, value: this.expression() });
        sawKeyword = true;
      } else {
        const value = this.expression();
        if (sawKeyword) throw new SourceError('a positional argument cannot follow keyword arguments', value.span);
        args.push({ name: null, nameSpan: null, value });
      }
      if (this.isOp(',')) this.next();
      else if (!this.isOp(')')) throw new SourceError(`expected “,” or “)” in the arguments of ${parts.join('.')}(...), found ${describe(this.peek())}`, this.peek());
    }
    const close = this.next();
    return { type: 'call', callee: name, args, span: cover(first, close) };
  }

  /**
   * A child as print(model) writes it: `(features): `, `(0): `, or `(0-2): 3 x ` for repeated
   * identical children (PyTorch 2.2 and later). Returns null, reading nothing, if this is not one.
   */
  private childKey(): { key: string; repeat: number; span: Span } | null {
    if (!this.isOp('(')) return null;
    const key = this.peek(1);
    if (key.type !== 'name' && key.type !== 'number') return null;
    if (this.isOp(')', 2) && this.isOp(':', 3)) {
      const open = this.next();
      this.next();
      this.next();
      const colon = this.next();
      return { key: key.text, repeat: 1, span: cover(open, colon) };
    }
    const to = this.peek(3);
    const count = this.peek(6);
    if (key.type === 'number' && this.isOp('-', 2) && to.type === 'number' && this.isOp(')', 4) && this.isOp(':', 5) && count.type === 'number' && this.isName('x', 7)) {
      const open = this.next();
      for (let n = 0; n < 6; n += 1) this.next();
      const times = this.next();
      return { key: `${key.text}-${to.text}`, repeat: Number(count.text), span: cover(open, times) };
    }
    return null;
  }

  private bracketed(): Expr {
    const open = this.next();
    const closer = open.text === '(' ? ')' : ']';
    const items: Expr[] = [];
    let trailingComma = false;
    while (!this.isOp(closer)) {
      items.push(this.expression());
      trailingComma = false;
      if (this.isOp(',')) {
        this.next();
        trailingComma = true;
      } else if (!this.isOp(closer)) {
        throw new SourceError(`expected “,” or “${closer}”, found ${describe(this.peek())}`, this.peek());
      }
    }
    const close = this.next();
    // (x) is just x in Python; (x,) and [x] are sequences.
    if (open.text === '(' && items.length === 1 && !trailingComma) return items[0]!;
    return { type: 'tuple', items, span: cover(open, close) };
  }
}

function describe(token: Token): string {
  if (token.type === 'end') return 'the end of the text';
  if (token.type === 'newline') return 'the end of the line';
  if (token.type === 'string') return `the string “${token.text}”`;
  return `“${token.text}”`;
}
