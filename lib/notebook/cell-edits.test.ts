import { describe, expect, it } from 'vitest';
import { cellEditKey, cellEditRecord, pageKeyFromPath, parseCellEdit } from './cell-edits';
import { cellIdProblem } from './cell-id';

describe('cell edits', () => {
  it('pageKeyFromPath() gives the page part of a key, whatever the slashes and base', () => {
    expect(pageKeyFromPath('/lessons/pooling/')).toBe('lessons/pooling');
    expect(pageKeyFromPath('/lessons/pooling')).toBe('lessons/pooling');
    expect(pageKeyFromPath('/lessons/pooling/index.html')).toBe('lessons/pooling');
    expect(pageKeyFromPath('/course/lessons/pooling/', '/course/')).toBe('lessons/pooling');
    expect(pageKeyFromPath('/guide/')).toBe('guide');
    expect(cellEditKey('lessons/pooling', 'route-gradient')).toBe('lessons/pooling#route-gradient');
  });

  it('cellEditRecord() keeps an edit, and nothing for code back at the original', () => {
    expect(cellEditRecord('b', 'a', 5)).toEqual({ code: 'b', original: 'a', savedAt: 5 });
    expect(cellEditRecord('a', 'a', 5)).toBeUndefined();
  });

  it('parseCellEdit() accepts a record and refuses anything else', () => {
    expect(parseCellEdit({ code: 'b', original: 'a', savedAt: 5, extra: 1 })).toEqual({ code: 'b', original: 'a', savedAt: 5 });
    for (const bad of [null, 'b', { code: 'b' }, { code: 1, original: 'a', savedAt: 5 }, { code: 'b', original: 'a', savedAt: Number.NaN }]) expect(parseCellEdit(bad)).toBeUndefined();
  });

  it('cellIdProblem() accepts hyphenated lowercase words and says what is wrong with anything else', () => {
    expect(cellIdProblem('define-activation')).toBeNull();
    expect(cellIdProblem('conv2d-loops')).toBeNull();
    expect(cellIdProblem('Define')).toContain('got "Define"');
    expect(cellIdProblem('a--b')).toContain('got "a--b"');
    expect(cellIdProblem('-a')).toContain('got "-a"');
    expect(cellIdProblem(undefined)).toContain('got none');
    expect(cellIdProblem('a'.repeat(65))).toContain('at most 64 characters, got 65');
  });
});
