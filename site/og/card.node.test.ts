import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD, cardPng, fitTitle } from './card';
import { cardFontFiles } from './fonts';
import { FIGURES, figureFor, layerGradientNorms } from './figures';
import { relu, sigmoid } from '../../lib/engine';

/** A PNG's width and height, read from its IHDR chunk; throws if the bytes are not a PNG. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error(`expected the PNG signature, got ${Array.from(png.slice(0, 8)).join(' ')}`);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const type = String.fromCharCode(...png.slice(12, 16));
  if (type !== 'IHDR') throw new Error(`expected the IHDR chunk first, got ${type}`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('cardPng()', () => {
  it('makes a 1200 × 630 PNG for every lesson figure and the home page', async () => {
    for (const id of Object.keys(FIGURES)) {
      const png = await cardPng({ kicker: 'Lesson 1', title: `A lesson about ${id}`, address: 'neural-notebook.example', figure: figureFor(id) });
      expect(pngSize(png), id).toEqual({ width: CARD.width, height: CARD.height });
      expect(png.length, id).toBeGreaterThan(10_000);
    }
  });
});

describe('fitTitle()', () => {
  it('keeps a short title on one line at the largest size and breaks a long one within the width', async () => {
    const fonts = await cardFontFiles();
    expect(fitTitle('Pooling layers', 560, fonts)).toEqual({ size: 72, lines: ['Pooling layers'] });
    const long = fitTitle('CNN tensor sizes and parameter counts', 560, fonts);
    expect(long.lines.join(' ')).toBe('CNN tensor sizes and parameter counts');
    expect(long.lines.length).toBeGreaterThan(1);
    expect(long.lines.length).toBeLessThanOrEqual(3);
  });

  it('refuses a title that cannot fit three lines, saying so', async () => {
    const fonts = await cardFontFiles();
    expect(() => fitTitle('Supercalifragilisticexpialidocious '.repeat(4), 560, fonts)).toThrow('expected a title that fits three lines of 560 px at 44 px');
  });
});

describe('FIGURES', () => {
  it('has a figure for every lesson', () => {
    const lessons = readdirSync('lessons').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
    expect(lessons.length).toBeGreaterThan(5);
    expect(lessons.filter((id) => !(id in FIGURES))).toEqual([]);
  });
});

describe('figureFor()', () => {
  it('refuses an id without a figure, naming the ones it has', () => {
    expect(() => figureFor('no-such-lesson')).toThrow('expected one of home, activation-functions');
  });
});

describe('layerGradientNorms()', () => {
  it('shrinks towards the first layer with sigmoid, keeps its size with ReLU at He initialisation, and grows with twice that', () => {
    const sig = layerGradientNorms(sigmoid, 1);
    const he = layerGradientNorms(relu, Math.sqrt(6));
    const twice = layerGradientNorms(relu, 2 * Math.sqrt(6));
    expect(sig).toHaveLength(10);
    // Each sigmoid layer passes back at most a quarter of its gradient (sigma' <= 1/4) times its small weights.
    for (let l = 0; l < 9; l++) expect(sig[l] ?? 0, `layer ${l + 1}`).toBeLessThan((sig[l + 1] ?? 0) / 4);
    expect(Math.max(...he) / Math.min(...he)).toBeLessThan(3);
    // Weights twice He's double the gradient at each layer on average: about 2^9 from layer 10 back to layer 1.
    expect((twice[0] ?? 0) / (twice[9] ?? 1)).toBeGreaterThan(100);
  });
});
