import { describe, expect, it } from 'vitest';
import { absMax, divergingColour, paintRgba } from './paint';

const colours = { positive: [0, 0, 200], negative: [200, 0, 0], zero: [250, 250, 250] } as const;

describe('divergingColour()', () => {
  it('divergingColour() puts 0 at the background and ±max at the two ends, clipping beyond', () => {
    expect(divergingColour(0, 2, colours)).toEqual([250, 250, 250]);
    expect(divergingColour(2, 2, colours)).toEqual([0, 0, 200]);
    expect(divergingColour(-5, 2, colours)).toEqual([200, 0, 0]);
    expect(divergingColour(1, 2, colours)).toEqual([125, 125, 225]);
    expect(divergingColour(NaN, 2, colours)).toEqual([250, 250, 250]);
  });
});

describe('paintRgba()', () => {
  it('paintRgba() paints RGB planes, gray and a tinted channel as opaque bytes', () => {
    expect([...paintRgba([1, 0, 0.5, 0, 0, 1], 1, 2, { kind: 'rgb' })]).toEqual([255, 128, 0, 255, 0, 0, 255, 255]);
    expect([...paintRgba([0.2], 1, 1, { kind: 'gray' })]).toEqual([51, 51, 51, 255]);
    expect([...paintRgba([0.5], 1, 1, { kind: 'tint', colour: [200, 100, 0] })]).toEqual([100, 50, 0, 255]);
  });

  it('absMax() finds the largest magnitude, with a floor for all-zero maps', () => {
    expect(absMax([1, -3, 2])).toBe(3);
    expect(absMax([0, 0])).toBe(1e-9);
  });
});
