import { describe, expect, it } from 'vitest';
import { figureIn, figuresIn, parseFigure, writtenLike } from './lesson-figures';

const lesson = String.raw`For the sigmoid, $\sigma'(z) < 0.01$ once $|z| > 4.58$,
and $\sigma'(10) \approx 4.5 \times 10^{-5}$. Layer 0 has $1{,}280$ parameters, 1,480 in all;
it dips to $-0.278/\beta$ at about (0.731, 0.269, 0).`;

describe('lesson figures', () => {
  it('parseFigure() reads thousands separators, minus signs and powers of ten', () => {
    expect(parseFigure('1{,}280')).toEqual({ text: '1{,}280', canonical: '1280', value: 1280 });
    expect(parseFigure('1,480').value).toBe(1480);
    expect(parseFigure('−0.278').canonical).toBe('-0.278');
    expect(parseFigure(String.raw`4.5 \times 10^{-5}`)).toMatchObject({ canonical: '4.5e-5', value: 4.5e-5 });
    expect(() => parseFigure('about 3')).toThrow('expected a number as a lesson writes it, got "about 3"');
  });

  it('figureIn() finds a figure by the words around it, across a line break', () => {
    expect(figureIn(lesson, '$|z| > {}$').value).toBe(4.58);
    expect(figureIn(lesson, String.raw`$\sigma'(10) \approx {}$`).canonical).toBe('4.5e-5');
    expect(figureIn(lesson, 'parameters, {} in all').value).toBe(1480);
    expect(figuresIn(lesson, 'about ({}, {}, {})').map((f) => f.value)).toEqual([0.731, 0.269, 0]);
  });

  it('figureIn() refuses a template that is missing or ambiguous, saying which', () => {
    expect(() => figureIn(lesson, 'once $|y| > {}$')).toThrow('expected "once $|y| > {}$" once in the lesson, found it 0 times');
    expect(() => figureIn(lesson, '{}')).toThrow(/found it \d+ times/);
  });

  it('writtenLike() rounds a computed value as the lesson rounds its figure', () => {
    expect(writtenLike(4.5796, parseFigure('4.58'))).toBe('4.58');
    expect(writtenLike(4.5398e-5, parseFigure(String.raw`4.5 \times 10^{-5}`))).toBe('4.5e-5');
    expect(writtenLike(-0.27846, parseFigure('-0.278'))).toBe('-0.278');
    expect(writtenLike(1e-44, parseFigure('0'))).toBe('0');
    expect(writtenLike(-1e-9, parseFigure('0.000'))).toBe('0.000');
  });
});
