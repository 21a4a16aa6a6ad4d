/**
 * A small, safe parser for the expressions the computation-graph widget accepts: numbers, named
 * inputs, + - * / ** (right-associative), unary minus, parentheses, and the functions tanh,
 * sigmoid, relu, exp, log, called as `tanh(x)` or as methods `x.tanh()`. Nothing is evaluated as
 * JavaScript: the parse tree is evaluated with the engine's ops.
 */
import { tensor, type DType, type Tensor } from '../../engine';

/** The functions an expression may call. */
export const FUNCTIONS = ['tanh', 'sigmoid', 'relu', 'exp', 'log'] as const;
/** One of FUNCTIONS. */
export type FunctionName = (typeof FUNCTIONS)[number];

/** A parsed expression. */
export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'input'; readonly name: string }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/' | '**'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly arg: Expr };

/** The longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 400;
/** The most named inputs an expression may use. */
export const MAX_INPUTS = 16;

/** An expression that cannot be parsed: the message says what was expected and what was found, and where. */
export class ExpressionError extends Error {
  /** Position (0-based) in the text where the problem is. */
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.name = 'ExpressionError';
    this.at = at;
  }
}

type Token = { kind: 'number' | 'name' | 'op' | 'end'; text: string; at: number };

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z_0-9]*)|(\*\*|[-+*/().]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (m === null) {
      const start = at + (text.slice(at).length - text.slice(at).trimStart().length);
      throw new ExpressionError(`expected a number, a name, an operator (+ - * / **) or a parenthesis at position ${start + 1}, got "${text[start]}"`, start);
    }
    const start = TOKEN.lastIndex - m[0].trimStart().length;
    tokens.push({ kind: m[1] !== undefined ? 'number' : m[2] !== undefined ? 'name' : 'op', text: m[0].trim(), at: start });
    at = TOKEN.lastIndex;
  }
  tokens.push({ kind: 'end', text: 'the end', at: text.length });
  return tokens;
}

/** Parses `text` into an expression tree; throws ExpressionError saying what was expected and what was found. */
export function parseExpression(text: string): Expr {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(`expected at most ${MAX_EXPRESSION_LENGTH} characters, got ${text.length}`, MAX_EXPRESSION_LENGTH);
  if (text.trim() === '') throw new ExpressionError('expected an expression, got nothing', 0);
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): Token => tokens[i]!;
  const found = (t: Token): string => (t.kind === 'end' ? 'the end' : `"${t.text}" at position ${t.at + 1}`);
  const expect = (text: string): void => {
    const t = peek();
    if (t.text !== text || t.kind !== 'op') throw new ExpressionError(`expected "${text}", got ${found(t)}`, t.at);
    i++;
  };
  const fn = (t: Token): FunctionName => {
    const name = FUNCTIONS.find((f) => f === t.text);
    if (name === undefined) throw new ExpressionError(`expected one of the functions ${FUNCTIONS.join(', ')}, got "${t.text}" at position ${t.at + 1}`, t.at);
    return name;
  };
  let depth = 0;
  const sum = (): Expr => {
    if (++depth > 100) throw new ExpressionError('expected at most 100 nested parentheses or operators', peek().at);
    let left = product();
    while (peek().text === '+' || peek().text === '-') {
      const op = tokens[i++]!.text as '+' | '-';
      left = { kind: 'binary', op, left, right: product() };
    }
    depth--;
    return left;
  };
  const product = (): Expr => {
    let left = unary();
    while (peek().kind === 'op' && (peek().text === '*' || peek().text === '/')) {
      const op = tokens[i++]!.text as '*' | '/';
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Expr => {
    if (peek().kind === 'op' && peek().text === '-') {
      i++;
      return { kind: 'neg', arg: unary() };
    }
    return power();
  };
  const power = (): Expr => {
    const base = postfix();
    if (peek().kind === 'op' && peek().text === '**') {
      i++;
      return { kind: 'binary', op: '**', left: base, right: unary() };
    }
    return base;
  };
  const postfix = (): Expr => {
    let e = atom();
    while (peek().kind === 'op' && peek().text === '.') {
      i++;
      const t = peek();
      if (t.kind !== 'name') throw new ExpressionError(`expected a function name after ".", got ${found(t)}`, t.at);
      i++;
      e = { kind: 'call', fn: fn(t), arg: e };
      expect('(');
      expect(')');
    }
    return e;
  };
  const atom = (): Expr => {
    const t = peek();
    if (t.kind === 'number') {
      i++;
      const value = Number(t.text);
      if (!Number.isFinite(value)) throw new ExpressionError(`expected a finite number, got ${t.text} at position ${t.at + 1}`, t.at);
      return { kind: 'number', value };
    }
    if (t.kind === 'name') {
      i++;
      if (peek().text === '(' && peek().kind === 'op') {
        i++;
        const arg = sum();
        expect(')');
        return { kind: 'call', fn: fn(t), arg };
      }
      if ((FUNCTIONS as readonly string[]).includes(t.text)) throw new ExpressionError(`expected "(" after the function ${t.text}, got ${found(peek())}`, peek().at);
      return { kind: 'input', name: t.text };
    }
    if (t.kind === 'op' && t.text === '(') {
      i++;
      const e = sum();
      expect(')');
      return e;
    }
    throw new ExpressionError(`expected a number, a name or "(", got ${found(t)}`, t.at);
  };
  const tree = sum();
  if (peek().kind !== 'end') throw new ExpressionError(`expected an operator or the end, got ${found(peek())}`, peek().at);
  const names = inputNames(tree);
  if (names.length > MAX_INPUTS) throw new ExpressionError(`expected at most ${MAX_INPUTS} named inputs, got ${names.length}`, 0);
  return tree;
}

/** The named inputs of an expression, in order of first appearance. */
export function inputNames(e: Expr): string[] {
  const names: string[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'input') {
      if (!names.includes(x.name)) names.push(x.name);
    } else if (x.kind === 'neg' || x.kind === 'call') walk(x.arg);
    else if (x.kind === 'binary') (walk(x.left), walk(x.right));
  };
  walk(e);
  return names;
}

/** Evaluates an expression with the engine's ops on the given input tensors; numbers become constants of `dtype`. */
export function evaluate(e: Expr, inputs: Readonly<Record<string, Tensor>>, dtype: DType = 'float64'): Tensor {
  switch (e.kind) {
    case 'number':
      return tensor(e.value, { dtype });
    case 'input': {
      const t = inputs[e.name];
      if (t === undefined) throw new Error(`evaluate: expected a value for the input "${e.name}", got none`);
      return t;
    }
    case 'neg':
      return evaluate(e.arg, inputs, dtype).neg();
    case 'call':
      return evaluate(e.arg, inputs, dtype)[e.fn]();
    case 'binary': {
      const a = evaluate(e.left, inputs, dtype);
      const b = evaluate(e.right, inputs, dtype);
      const method = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '**': 'pow' } as const;
      return a[method[e.op]](b);
    }
  }
}
