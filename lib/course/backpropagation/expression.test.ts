import { describe, expect, it } from 'vitest';
import { tensor } from '../../engine';
import { evaluate, ExpressionError, inputNames, parseExpression } from './expression';

/** Evaluates text in float64 with the given input values. */
const value = (text: string, values: Record<string, number> = {}): number =>
  evaluate(parseExpression(text), Object.fromEntries(Object.entries(values).map(([k, v]) => [k, tensor(v, { dtype: 'float64' })]))).item();

describe('parseExpression()', () => {
  it('parseExpression() follows Python precedence: ** binds tighter than unary minus and is right-associative', () => {
    expect(value('2 + 3 * 4')).toBe(14);
    expect(value('-2 ** 2')).toBe(-4);
    expect(value('2 ** 3 ** 2')).toBe(512);
    expect(value('2 ** -1')).toBe(0.5);
    expect(value('(1 - 4) / 2 - 1')).toBe(-2.5);
    expect(value('1e2 + .5')).toBe(100.5);
  });

  it('parseExpression() calls functions as tanh(x) and as methods x.tanh(), chained', () => {
    expect(value('(a*b + c).tanh()', { a: 2, b: -3, c: 10 })).toBe(Math.tanh(4));
    expect(value('tanh(a*b + c)', { a: 2, b: -3, c: 10 })).toBe(Math.tanh(4));
    expect(value('x.exp().log()', { x: 0.75 })).toBeCloseTo(0.75, 15);
    expect(value('sigmoid(0)')).toBe(0.5);
    expect(value('relu(-3) + relu(2)')).toBe(2);
  });

  it('inputNames() lists each named input once, in order of first appearance', () => {
    expect(inputNames(parseExpression('w1*x1 + w2*x2 + w1'))).toEqual(['w1', 'x1', 'w2', 'x2']);
  });

  it.each([
    ['a +', 'expected a number, a name or "(", got the end'],
    ['(a', 'expected ")", got the end'],
    ['a b', 'expected an operator or the end, got "b" at position 3'],
    ['a.sin()', 'expected one of the functions tanh, sigmoid, relu, exp, log, got "sin" at position 3'],
    ['cos(a)', 'expected one of the functions tanh, sigmoid, relu, exp, log, got "cos" at position 1'],
    ['a $ b', 'expected a number, a name, an operator (+ - * / **) or a parenthesis at position 3, got "$"'],
    ['tanh + 1', 'expected "(" after the function tanh, got "+" at position 6'],
    ['', 'expected an expression, got nothing'],
    ['1e999', 'expected a finite number, got 1e999 at position 1'],
    ['alert(1)', 'expected one of the functions tanh, sigmoid, relu, exp, log, got "alert" at position 1'],
  ])('parseExpression(%j) refuses with "%s"', (text, message) => {
    let error: unknown;
    try {
      parseExpression(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).message).toBe(message);
  });

  it('parseExpression() refuses very long or deeply nested text with a message instead of overflowing', () => {
    expect(() => parseExpression('a+'.repeat(300) + 'a')).toThrow('expected at most 400 characters, got 601');
    expect(() => parseExpression('('.repeat(150) + 'a' + ')'.repeat(150))).toThrow('expected at most 100 nested parentheses or operators');
    const many = Array.from({ length: 17 }, (_, i) => `x${i}`).join('+');
    expect(() => parseExpression(many)).toThrow('expected at most 16 named inputs, got 17');
  });
});
