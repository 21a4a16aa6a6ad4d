import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  booleanField,
  defaultsOf,
  enumField,
  enumSetField,
  numberField,
  numberListField,
  parseState,
  parseStrictNumber,
  writeState,
} from './url-state';

const schema = {
  alpha: numberField({ default: 0.01, min: 0, max: 1 }),
  n: numberField({ default: 3, min: 1, max: 8, integer: true }),
  on: booleanField(false),
  mode: enumField(['max', 'avg'], 'max'),
  fns: enumSetField(['a', 'b', 'c'], ['a']),
  z: numberListField({ default: [1, 2, 3], min: -1000, max: 1000, minLength: 3, maxLength: 8 }),
};

describe('url state', () => {
  it('parseState() returns the defaults for an empty URL, with no notices', () => {
    const { values, notices } = parseState(schema, new URLSearchParams(''));
    expect(values).toEqual(defaultsOf(schema));
    expect(notices).toEqual([]);
  });

  it('parseState() reads every kind of field', () => {
    const { values, notices } = parseState(
      schema,
      new URLSearchParams('alpha=0.2&n=5&on=true&mode=avg&fns=c,a&z=-1000,0.5,1000'),
    );
    expect(notices).toEqual([]);
    expect(values).toEqual({ alpha: 0.2, n: 5, on: true, mode: 'avg', fns: ['a', 'c'], z: [-1000, 0.5, 1000] });
  });

  it('parseState() falls back to the default, with a notice, for each bad value', () => {
    const { values, notices } = parseState(
      schema,
      new URLSearchParams('alpha=abc&n=2.5&on=maybe&mode=min&fns=&z=1,2'),
    );
    expect(values).toEqual(defaultsOf(schema));
    expect(notices.map((n) => n.name)).toEqual(['alpha', 'n', 'on', 'mode', 'fns', 'z']);
    expect(notices[0]?.message).toBe('Ignored “alpha=abc” from the link: expected a number from 0 to 1. Using 0.01.');
  });

  it('parseState() rejects out-of-range, infinite and hexadecimal numbers', () => {
    for (const raw of ['2', '-0.1', 'Infinity', '1e999', '0x1', '', ' ', '1,5']) {
      expect(parseState(schema, new URLSearchParams({ alpha: raw })).notices).toHaveLength(1);
    }
  });

  it('parseStrictNumber() accepts decimals and exponents only', () => {
    expect(parseStrictNumber('-1.5e-3')).toBe(-0.0015);
    expect(parseStrictNumber('.5')).toBe(0.5);
    expect(parseStrictNumber('5.')).toBe(5);
    expect(parseStrictNumber('1_000')).toBeUndefined();
    expect(parseStrictNumber('NaN')).toBeUndefined();
    expect(parseStrictNumber('1.2.3')).toBeUndefined();
    expect(parseStrictNumber('5.e3')).toBe(5000);
  });

  it('parseStrictNumber() reads a million digits followed by junk in linear time (this once took hours)', () => {
    expect(parseStrictNumber(`${'1'.repeat(1_000_000)}x`)).toBeUndefined();
    expect(parseStrictNumber(`${'1'.repeat(1_000_000)}.5e3x`)).toBeUndefined();
  });

  it('writeState() omits defaults and keeps parameters of other widgets', () => {
    const params = new URLSearchParams('other=keep&alpha=0.5');
    writeState(schema, { ...defaultsOf(schema), n: 4 }, params);
    expect(params.toString()).toBe('other=keep&n=4');
  });

  it('writeState() then parseState() round-trips any valid state', () => {
    const stateArb = fc.record({
      alpha: fc.double({ min: 0, max: 1, noNaN: true }).map((v) => Number(v.toPrecision(6))),
      n: fc.integer({ min: 1, max: 8 }),
      on: fc.boolean(),
      mode: fc.constantFrom('max' as const, 'avg' as const),
      fns: fc.subarray(['a', 'b', 'c'] as const, { minLength: 1 }),
      z: fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 8 }),
    });
    fc.assert(
      fc.property(stateArb, (state) => {
        const params = new URLSearchParams();
        writeState(schema, state, params);
        const { values, notices } = parseState(schema, new URLSearchParams(params.toString()));
        expect(notices).toEqual([]);
        expect(values).toEqual(state);
      }),
    );
  });
});
