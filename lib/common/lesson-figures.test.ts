import { describe, expect, it } from 'vitest';
import { figure, figureIn, figures, figuresIn, figureValue, parseFigure, prose, writtenLike } from './lesson-figures';

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

describe('figureValue()', () => {
  it('figureValue() reads numbers as prose writes them', () => {
    expect(figureValue('0.14')).toBe(0.14);
    expect(figureValue('−3')).toBe(-3);
    expect(figureValue('22,209')).toBe(22209);
    expect(figureValue('90 %')).toBe(90);
    expect(figureValue('1/8')).toBe(0.125);
    expect(figureValue('98.')).toBe(98);
  });

  it('figureValue() reads LaTeX fractions and powers of ten', () => {
    expect(figureValue('$22\\,209$')).toBe(22209);
    expect(figureValue('\\tfrac18')).toBe(0.125);
    expect(figureValue('\\frac{1}{3}')).toBeCloseTo(1 / 3, 15);
    expect(figureValue('\\tfrac{25}{9}')).toBeCloseTo(25 / 9, 15);
    expect(figureValue('$10^{-9}$')).toBe(1e-9);
    expect(figureValue('2 \\times 10^{8}')).toBe(2e8);
    expect(figureValue('6.4 \\times 10^{-8}')).toBeCloseTo(6.4e-8, 20);
    expect(figureValue('10^5')).toBe(1e5);
  });

  it('figureValue() refuses what is not a number, saying what it got', () => {
    expect(() => figureValue('about')).toThrow('figureValue: expected a number such as 0.14, 22,209, 1/8, \\tfrac18 or 2 \\times 10^{8}, got "about"');
    expect(() => figureValue('')).toThrow('got ""');
  });
});

describe('figure() and figures()', () => {
  const source = 'The ratio shrinks by about\n0.14 per layer, and 98 of 100\nseeds explode; $\\rho = 2$ here.';

  it('prose() collapses line breaks so a pattern can span them', () => {
    expect(prose(source)).toContain('about 0.14 per layer');
  });

  it('figure() finds one figure by the words around it', () => {
    expect(figure(source, /by about (\S+) per layer/)).toBe(0.14);
    expect(figures(source, /(\d+) of (\d+) seeds explode/)).toEqual([98, 100]);
    expect(figure(source, /\$\\rho = (\d+)\$/)).toBe(2);
  });

  it('figure() insists on exactly one match and one group', () => {
    expect(() => figure(source, /shrinks by nothing (\S+)/)).toThrow('to match the lesson once, got 0 matches');
    expect(() => figure('a 1 b, a 2 b', /a (\d) b/)).toThrow('got 2 matches');
    expect(() => figure(source, /(\d+) of (\d+)/)).toThrow('to have one capture group, got 2');
    expect(() => figures(source, /98 of 100/)).toThrow('to have a capture group');
  });
});
