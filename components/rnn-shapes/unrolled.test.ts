import { describe, expect, it } from 'vitest';
import { columnsFor, describeCell, describeGroup, hNSources, inGroup, isLit, moveCell, rowsOf, type Unrolled } from './unrolled';

const u: Unrolled = { numLayers: 2, D: 2, seqLen: 5, hiddenSize: 20, inputSize: 10, batch: 3, layout: 'sequence-first' };

describe('columnsFor()', () => {
  it('columnsFor() keeps every step when they fit, else the first and last around a gap', () => {
    expect(columnsFor(5, 7)).toHaveLength(5);
    expect(columnsFor(100, 7)).toEqual([
      { kind: 'step', t: 0 },
      { kind: 'step', t: 1 },
      { kind: 'step', t: 2 },
      { kind: 'gap', from: 3, to: 96 },
      { kind: 'step', t: 97 },
      { kind: 'step', t: 98 },
      { kind: 'step', t: 99 },
    ]);
    expect(columnsFor(10, 2).map((c) => (c.kind === 'step' ? c.t : 'gap'))).toEqual([0, 'gap', 9]);
  });
});

describe('inGroup()', () => {
  it('inGroup() puts the last layer in output and each direction\'s last step in h_n', () => {
    const cells = rowsOf(u).flatMap(({ k, d }) => [0, 1, 2, 3, 4].map((t) => ({ k, d, t })));
    const names = (group: 'output' | 'hN' | 'h0') => cells.filter((c) => inGroup(u, c, group)).map((c) => `${c.k}${c.d}${c.t}`);
    expect(names('output')).toEqual(['100', '101', '102', '103', '104', '110', '111', '112', '113', '114']);
    expect(names('hN')).toEqual(['104', '110', '004', '010']);
    expect(names('h0')).toEqual(['100', '114', '000', '014']);
  });

  it('isLit() lights a cell, its previous state and both directions of the layer below', () => {
    const lit = (k: number, d: number, t: number) => isLit(u, { k, d, t }, { kind: 'cell', cell: { k: 1, d: 1, t: 2 } });
    expect(lit(1, 1, 2)).toBe('self');
    expect(lit(1, 1, 3)).toBe('source'); // the reverse direction reads t + 1
    expect(lit(1, 1, 1)).toBe(false);
    expect(lit(0, 0, 2)).toBe('source');
    expect(lit(0, 1, 2)).toBe('source');
  });
});

describe('describeCell() and describeGroup()', () => {
  it('describeCell() says what a cell reads and where it ends up, with PyTorch indices', () => {
    expect(describeCell(u, { k: 1, d: 1, t: 0 })).toBe(
      "Layer 1, reverse direction, time step t = 0: a state of shape (3, 20) computed from layer 0's output at t = 0 (40 features, both directions) and its own state at t = 1. It becomes output[0, :, 20:] and h_n[3].",
    );
    expect(describeCell({ ...u, D: 1, layout: 'batch-first' }, { k: 0, d: 0, t: 0 })).toBe(
      'Layer 0, time step t = 0: a state of shape (3, 20) computed from input[t] (10 features) and h_0[0]. It becomes layer 1 at t = 0.',
    );
    expect(describeCell({ ...u, D: 1, numLayers: 1, batch: undefined, layout: 'unbatched' }, { k: 0, d: 0, t: 4 })).toContain(
      'a state of shape (20,) computed from input[t] (10 features) and its own state at t = 3. It becomes output[4] and h_n[0].',
    );
  });

  it('describeGroup() counts the states of h_n', () => {
    expect(describeGroup(u, 'hN')).toBe("h_n: each layer and direction's state after its last step; 4 states, the reverse ones taken at t = 0.");
  });

  it('hNSources() lists h_n[k·D + d] with its layer, direction and step', () => {
    expect(hNSources(u)).toEqual([
      { index: 0, k: 0, direction: 'forward', t: 4 },
      { index: 1, k: 0, direction: 'reverse', t: 0 },
      { index: 2, k: 1, direction: 'forward', t: 4 },
      { index: 3, k: 1, direction: 'reverse', t: 0 },
    ]);
  });
});

describe('moveCell()', () => {
  it('moveCell() moves over visible steps, skipping the gap, and stops at the edges', () => {
    const long = { ...u, seqLen: 50 };
    const columns = columnsFor(50, 5); // 0 1 … 48 49
    expect(moveCell(long, { k: 1, d: 0, t: 1 }, 'ArrowRight', columns)).toEqual({ k: 1, d: 0, t: 48 });
    expect(moveCell(long, { k: 1, d: 0, t: 0 }, 'ArrowLeft', columns)).toEqual({ k: 1, d: 0, t: 0 });
    expect(moveCell(long, { k: 1, d: 0, t: 0 }, 'ArrowDown', columns)).toEqual({ k: 1, d: 1, t: 0 });
    expect(moveCell(long, { k: 1, d: 0, t: 0 }, 'ArrowUp', columns)).toEqual({ k: 1, d: 0, t: 0 });
    expect(moveCell(long, { k: 0, d: 1, t: 0 }, 'End', columns)).toEqual({ k: 0, d: 1, t: 49 });
    expect(moveCell(long, { k: 0, d: 1, t: 0 }, 'x', columns)).toBeUndefined();
  });
});
