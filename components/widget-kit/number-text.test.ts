import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_TEXT, readNumber } from './number-text';

const weight = { min: -10, max: 10 };

describe('readNumber()', () => {
  it('readNumber() accepts numbers in the range, and says the range when out of it', () => {
    expect(readNumber('-2.5', weight)).toEqual({ ok: true, value: -2.5 });
    expect(readNumber('1e1', weight)).toEqual({ ok: true, value: 10 });
    expect(readNumber('1e9', weight)).toEqual({ ok: false, message: 'use a number from −10 to 10' });
    expect(readNumber('-11', weight)).toEqual({ ok: false, message: 'use a number from −10 to 10' });
    expect(readNumber('2.5', { min: 1, max: 1000, integer: true })).toEqual({ ok: false, message: 'use a whole number' });
    expect(readNumber('5000', { min: 1, max: 1000 })).toEqual({ ok: false, message: 'use a number from 1 to 1,000' });
  });

  it('readNumber() refuses junk, and quotes at most a few characters of it', () => {
    expect(readNumber('3x', weight)).toEqual({ ok: false, message: '“3x” is not a number' });
    expect(readNumber('Infinity', weight)).toEqual({ ok: false, message: '“Infinity” is not a number' });
    expect(readNumber('', weight)).toEqual({ ok: false, message: '“” is not a number' });
    expect(readNumber('0x1F', weight)).toEqual({ ok: false, message: '“0x1F” is not a number' });
    expect(readNumber(`${'1'.repeat(MAX_NUMBER_TEXT - 1)}x`, weight)).toEqual({ ok: false, message: '“11111111111…” is not a number' });
  });

  it('readNumber() refuses a huge paste by its length, before parsing it', () => {
    expect(readNumber('1'.repeat(1_000_000), weight)).toEqual({ ok: false, message: 'too long: 1,000,000 characters (a number here has at most 32)' });
  });
});
