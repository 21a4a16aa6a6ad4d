import { describe, expect, it } from 'vitest';
import { durationTable, formatDuration } from './phases.mjs';

describe('phases', () => {
  it('formatDuration() gives seconds under a minute, minutes and seconds above', () => {
    expect(formatDuration(42_149)).toBe('42.1 s');
    expect(formatDuration(59_940)).toBe('59.9 s');
    expect(formatDuration(60_000)).toBe('1 min 00 s');
    expect(formatDuration(427_600)).toBe('7 min 08 s');
  });

  it('durationTable() lists each phase with its time and verdict, then the total', () => {
    const table = durationTable([
      { name: 'check', ms: 61_000, ok: true },
      { name: 'e2e run', ms: 30_500, ok: false },
    ]);
    expect(table.split('\n')).toEqual(['  check      1 min 01 s  passed', '  e2e run        30.5 s  FAILED', '  total      1 min 32 s']);
  });
});
