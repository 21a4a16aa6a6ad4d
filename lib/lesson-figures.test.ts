import { describe, expect, it } from 'vitest';
import { figure, figures, parseFigure, prose } from './lesson-figures';

describe('parseFigure()', () => {
  it('parseFigure() reads numbers as prose writes them', () => {
    expect(parseFigure('0.14')).toBe(0.14);
    expect(parseFigure('−3')).toBe(-3);
    expect(parseFigure('22,209')).toBe(22209);
    expect(parseFigure('90 %')).toBe(90);
    expect(parseFigure('1/8')).toBe(0.125);
    expect(parseFigure('98.')).toBe(98);
  });

  it('parseFigure() reads LaTeX fractions and powers of ten', () => {
    expect(parseFigure('$22\\,209$')).toBe(22209);
    expect(parseFigure('\\tfrac18')).toBe(0.125);
    expect(parseFigure('\\frac{1}{3}')).toBeCloseTo(1 / 3, 15);
    expect(parseFigure('\\tfrac{25}{9}')).toBeCloseTo(25 / 9, 15);
    expect(parseFigure('$10^{-9}$')).toBe(1e-9);
    expect(parseFigure('2 \\times 10^{8}')).toBe(2e8);
    expect(parseFigure('6.4 \\times 10^{-8}')).toBeCloseTo(6.4e-8, 20);
    expect(parseFigure('10^5')).toBe(1e5);
  });

  it('parseFigure() refuses what is not a number, saying what it got', () => {
    expect(() => parseFigure('about')).toThrow('parseFigure: expected a number such as 0.14, 22,209, 1/8, \\tfrac18 or 2 \\times 10^{8}, got "about"');
    expect(() => parseFigure('')).toThrow('got ""');
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
