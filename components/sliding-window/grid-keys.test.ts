import { describe, expect, it } from 'vitest';
import { clampCell, moveByKey } from './grid-keys';

const at = { row: 2, col: 3 };

describe('moveByKey()', () => {
  it('moveByKey() steps by one, or four with Shift, and stops at the edges', () => {
    expect(moveByKey('ArrowRight', false, false, at, 5, 5)).toEqual({ row: 2, col: 4 });
    expect(moveByKey('ArrowUp', false, false, at, 5, 5)).toEqual({ row: 1, col: 3 });
    expect(moveByKey('ArrowRight', true, false, at, 5, 5)).toEqual({ row: 2, col: 4 });
    expect(moveByKey('ArrowLeft', true, false, at, 5, 5)).toEqual({ row: 2, col: 0 });
    expect(moveByKey('ArrowDown', true, false, at, 9, 9)).toEqual({ row: 6, col: 3 });
  });

  it('moveByKey() jumps along the row with Home/End, to the corners with Ctrl, and to the top or bottom row with Page Up/Down', () => {
    expect(moveByKey('Home', false, false, at, 5, 6)).toEqual({ row: 2, col: 0 });
    expect(moveByKey('End', false, false, at, 5, 6)).toEqual({ row: 2, col: 5 });
    expect(moveByKey('Home', false, true, at, 5, 6)).toEqual({ row: 0, col: 0 });
    expect(moveByKey('End', false, true, at, 5, 6)).toEqual({ row: 4, col: 5 });
    expect(moveByKey('PageUp', false, false, at, 5, 6)).toEqual({ row: 0, col: 3 });
    expect(moveByKey('PageDown', false, false, at, 5, 6)).toEqual({ row: 4, col: 3 });
  });

  it('moveByKey() ignores other keys', () => {
    expect(moveByKey('Enter', false, false, at, 5, 5)).toBeUndefined();
  });
});

describe('clampCell()', () => {
  it('clampCell() keeps a cell inside a grid that shrank', () => {
    expect(clampCell({ row: 12, col: 14 }, 13, 13)).toEqual({ row: 12, col: 12 });
    expect(clampCell({ row: -1, col: 2 }, 3, 3)).toEqual({ row: 0, col: 2 });
  });
});
