/**
 * importPyTorch() under hostile or careless pastes: every input gets an answer with a clear
 * message, quickly, and never a stack overflow. The limits are the calculator's own (limits.ts).
 * No timing is asserted; Vitest's 5 s timeout is the functional bound.
 */
import { describe, expect, it } from 'vitest';
import { importPyTorch, type ImportResult } from './import-pytorch';
import { MAX_LAYERS, MAX_NESTING, MAX_PROBLEMS, MAX_SOURCE_CHARS } from './limits';

const where = (r: ImportResult): string[] => r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
const lines = (line: string, n: number): string => Array.from({ length: n }, () => line).join('\n');

describe('importPyTorch() limits', () => {
  it('importPyTorch() refuses 10,000 layers, one a line, with the layer limit', () => {
    const r = importPyTorch(lines('nn.ReLU()', 10_000));
    expect(r.layers).toBeNull();
    expect(where(r)).toEqual([
      `${MAX_LAYERS + 1}:1 this code has more than ${MAX_LAYERS} layers (${MAX_LAYERS + 1} so far); the calculator takes at most ${MAX_LAYERS} (its own limit, so that the table stays readable and a link to the stack stays short)`,
    ]);
  });

  it('importPyTorch() refuses 5,000 convolutions in one nn.Sequential, pointing at the first one too many', () => {
    const r = importPyTorch(`nn.Sequential(\n${lines('    nn.Conv2d(16, 16, 3, padding=1),', 5_000)}\n)`);
    expect(r.layers).toBeNull();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: MAX_LAYERS + 2, column: 5 });
  });

  it('importPyTorch() refuses a block used so often that the layers would multiply', () => {
    const r = importPyTorch(`a = nn.Sequential(${Array(100).fill('nn.ReLU()').join(', ')})\nb = nn.Sequential(a, a, a)\nc = nn.Sequential(b, b, b, b, b, b, b, b)`);
    expect(where(r)[0]).toMatch(/^2:25 this code has more than 200 layers \(300 so far\)/);
  });

  it('importPyTorch() refuses text over the length limit at once, without reading it', () => {
    const r = importPyTorch(lines('nn.Conv2d(16, 16, 3, padding=1)', 10_000));
    expect(where(r)).toEqual([
      `1:1 the text is 319,999 characters long; the importer reads up to ${MAX_SOURCE_CHARS.toLocaleString('en-US')} (its own limit; the code of a large model is under 20,000). Paste the model’s definition only`,
    ]);
    expect(importPyTorch('#'.repeat(1_000_000)).problems[0]!.message).toMatch(/^the text is 1,000,000 characters long/);
  });

  it('importPyTorch() lists the first problems of a paste with many, and says there are more', () => {
    const r = importPyTorch(lines('nn.Conv2d(3, 8, kernal_size=3)', 5_000));
    expect(r.problems).toHaveLength(MAX_PROBLEMS);
    expect(r.moreProblems).toBe(true);
    const junk = importPyTorch(lines('1 2', 50_000));
    expect(junk.problems).toHaveLength(MAX_PROBLEMS);
    expect(junk.moreProblems).toBe(true);
    expect(junk.problems[0]!.message).toBe('expected the end of the statement, found “2”; is a comma missing?');
  });

  it('importPyTorch() refuses Sequentials nested 5,000 deep and 100,000 brackets, at the first one too deep', () => {
    const deep = importPyTorch(`${'nn.Sequential('.repeat(5_000)}nn.ReLU()${')'.repeat(5_000)}`);
    expect(where(deep)).toEqual([
      `1:${14 * MAX_NESTING + 14} brackets are nested more than ${MAX_NESTING} deep here; the importer follows at most ${MAX_NESTING} levels (its own limit)`,
    ]);
    const brackets = importPyTorch(`${'('.repeat(90_000)}1${')'.repeat(90_000)}`);
    expect(where(brackets)).toEqual([`1:${MAX_NESTING + 1} brackets are nested more than 100 deep here; the importer follows at most 100 levels (its own limit)`]);
    expect(importPyTorch(`${'('.repeat(100_000)}1${')'.repeat(100_000)}`).problems[0]!.message).toMatch(/^the text is 200,001 characters long/);
    // Within the limit, nesting works.
    const ok = importPyTorch(`${'nn.Sequential('.repeat(MAX_NESTING - 1)}nn.ReLU()${')'.repeat(MAX_NESTING - 1)}`);
    expect(ok.layers).toHaveLength(1);
  });

  it('importPyTorch() refuses long chains of signs and operators instead of overflowing the stack', () => {
    expect(importPyTorch(`nn.Linear(${'-'.repeat(100_000)}1, 2)`).problems[0]!.message).toMatch(/^these signs nest more than 100 deep/);
    expect(importPyTorch(`nn.Linear(${'1 + '.repeat(40_000)}1, 2)`).problems[0]!.message).toMatch(/^this chain of operators nests more than 100 deep/);
    expect(importPyTorch(`nn.Linear(${'2 ** '.repeat(30_000)}1, 2)`).problems[0]!.message).toMatch(/^these powers nest more than 100 deep/);
  });

  it('importPyTorch() answers any junk with a problem, not an exception', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'nn.Conv2d(3, 16)[]{}:=+-*/\\\'"#\n\t xyz_0123456789@!$%^&|~`';
    for (let run = 0; run < 40; run += 1) {
      const text = Array.from({ length: 2_000 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const r = importPyTorch(text);
      expect(r.layers === null ? r.problems.length : r.layers.length).toBeGreaterThanOrEqual(0);
      expect(r.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
    }
  });
});
