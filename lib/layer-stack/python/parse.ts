/**
 * A parser for the statements that define a PyTorch model as people write them:
 *
 *   import torch.nn as nn
 *   num_classes = 10
 *   model = nn.Sequential(nn.Conv2d(3, 16, kernel_size=(3, 3), padding=1), nn.ReLU(inplace=True), ...)
 *
 * It builds a small syntax tree (numbers, strings, dotted names, calls with positional and keyword
 * arguments, tuples and lists, arithmetic) and reports each statement it cannot read with its line
 * and column, then goes on with the next statement. What the tree means is decided in import.ts.
 */
import { SourceError, tokenize, type Span, type Token } from './tokenize';

/** A dotted name such as `nn.Conv2d` or `num_classes`. */
export interface NameExpr {
  readonly type: 'name';
  readonly parts: readonly string[];
  readonly span: Span;
}

/** One argument of a call: positional (name null) or keyword. */
export interface CallArg {
  readonly name: string | null;
  readonly nameSpan: Span | null;
  readonly value: Expr;
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

/** A statement: an import (ignored), `target = value`, or a bare expression. */
export type Statement =
  | { readonly type: 'import'; readonly span: Span }
  | { readonly type: 'assign'; readonly target: string; readonly targetSpan: Span; readonly value: Expr; readonly span: Span }
  | { readonly type: 'expr'; readonly value: Expr; readonly span: Span };

/** The statements read, and an error for each statement that could not be read. */
export interface ParsedProgram {
  readonly statements: readonly Statement[];
  readonly errors: readonly SourceError[];
}

const STATEMENT_KEYWORDS: Record<string, string> = {
  class: 'a class definition',
  def: 'a function definition',
  return: 'a return statement',
  if: 'an if statement',
  for: 'a for loop',
  while: 'a while loop',
  with: 'a with block',
  try: 'a try block',
  lambda: 'a lambda',
  async: 'an async definition',
  pass: 'a pass statement',
  raise: 'a raise statement',
  assert: 'an assert statement',
  del: 'a del statement',
  global: 'a global statement',
  else: 'an else block',
  elif: 'an elif block',
  except: 'an except block',
  finally: 'a finally block',
  yield: 'a yield statement',
  break: 'a break statement',
  continue: 'a continue statement',
};

/** Parses `source` into statements; never throws for bad input, it reports it in `errors`. */
export function parseProgram(source: string): ParsedProgram {
  let tokens: Token[];
  try {
    tokens = tokenize(source);
  } catch (error) {
    if (error instanceof SourceError) return { statements: [], errors: [error] };
    throw error;
  }
  const parser = new Parser(tokens);
  const statements: Statement[] = [];
  const errors: SourceError[] = [];
  while (!parser.atEnd()) {
    try {
      const statement = parser.statement();
      if (statement) statements.push(statement);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      errors.push(error);
      parser.skipStatement();
    }
  }
  return { statements, errors };
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
function cover(a: Span, b: Span): Span {
  return { line: a.line, column: a.column, offset: a.offset, length: b.offset + b.length - a.offset };
}

class Parser {
  #i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.#i + ahead, this.tokens.length - 1)]!;
  }
  atEnd(): boolean {
    while (this.peek().type === 'newline' || this.isOp(';')) this.#i += 1;
    return this.peek().type === 'end';
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

  statement(): Statement | null {
    const first = this.peek();
    if (first.type === 'name' && (first.text === 'import' || first.text === 'from')) {
      this.skipStatement();
      return { type: 'import', span: first };
    }
    if (first.type === 'name' && first.text === 'print' && this.isOp('(', 1)) {
      this.skipStatement(); // print(model(x).shape) and the like: output, not part of the model
      return null;
    }
    if (first.type === 'name' && Object.hasOwn(STATEMENT_KEYWORDS, first.text)) {
      throw new SourceError(
        `this line starts ${STATEMENT_KEYWORDS[first.text]}; paste the nn.Sequential(...) itself, or a list of layers, not the code around it`,
        first,
      );
    }
    if (first.type === 'op' && first.text === '@') throw new SourceError('decorators are not supported here; paste the nn.Sequential(...) itself', first);
    const start = this.expressionList();
    if (this.isOp('=')) {
      if (start.type !== 'name') throw new SourceError('only a plain name can be assigned to here, such as model = ...', start.span);
      this.next();
      const value = this.expression();
      this.expectStatementEnd();
      return { type: 'assign', target: start.parts.join('.'), targetSpan: start.span, value, span: cover(start.span, value.span) };
    }
    if (this.isOp(':')) throw new SourceError('type annotations and blocks are not supported here', this.peek());
    this.expectStatementEnd();
    return { type: 'expr', value: start, span: start.span };
  }

  expression(): Expr {
    return this.additive();
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

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text;
      const right = this.multiplicative();
      left = { type: 'binary', op, left, right, span: cover(left.span, right.span) };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const op = this.next().text;
      const right = this.unary();
      left = { type: 'binary', op, left, right, span: cover(left.span, right.span) };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const token = this.next();
      const operand = this.unary();
      return { type: 'unary', op: token.text === '-' ? '-' : '+', operand, span: cover(token, operand.span) };
    }
    const base = this.primary();
    if (this.isOp('**')) {
      this.next();
      const exponent = this.unary();
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
    if (Object.hasOwn(STATEMENT_KEYWORDS, first.text)) throw new SourceError(`“${first.text}” is not supported here`, first);
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
