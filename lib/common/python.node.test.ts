import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pythonBool, pythonFloat, pythonFloatLiteral, pythonInt, pythonList, pythonRepr, pythonStr, pythonTuple } from './python';

/** The Python whose repr() is the reference: $PYTHON, else Debian's /usr/bin/python3. */
const PYTHON = process.env['PYTHON'] ?? '/usr/bin/python3';

/** SplitMix64: a seeded stream of 64-bit words (any bit pattern, so any double). */
function* splitMix64(seed: bigint): Generator<bigint, never> {
  const mask = (1n << 64n) - 1n;
  let state = seed & mask;
  for (;;) {
    state = (state + 0x9e3779b97f4a7c15n) & mask;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    yield z ^ (z >> 31n);
  }
}

const view = new DataView(new ArrayBuffer(8));
const bitsOf = (x: number): bigint => (view.setFloat64(0, x), view.getBigUint64(0));
const fromBits = (bits: bigint): number => (view.setBigUint64(0, bits), view.getFloat64(0));
const hex = (x: number): string => bitsOf(x).toString(16).padStart(16, '0');
/** The doubles either side of a positive finite x. */
const neighbours = (x: number): number[] => [fromBits(bitsOf(x) - 1n), fromBits(bitsOf(x) + 1n)];

/** Special values, both notations' edges, every power of ten a double holds and their neighbours, then seeded draws. */
function testFloats(): number[] {
  const out = [0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, 0.1 + 0.2, 1 / 3, 2 / 3];
  for (const edge of [1e-5, 1e-4, 1e15, 1e16, 1e17, 2 ** 53, 2 ** 63, 1e21, 1e22, 1e23]) out.push(edge, -edge, ...neighbours(edge));
  for (let e = -323; e <= 308; e++) out.push(Number(`1e${e}`), ...neighbours(Number(`1e${e}`)));
  for (let e = -1074; e < 1024; e += 3) out.push(2 ** e);
  const words = splitMix64(2026n);
  const unit = (): number => Number(words.next().value >> 11n) / 2 ** 53;
  for (let i = 0; i < 9000; i++) {
    const kind = i % 3;
    if (kind === 0) out.push(fromBits(words.next().value)); // any bit pattern
    else if (kind === 1) out.push(Number(`${Math.floor(unit() * 10 ** (1 + Math.floor(unit() * 6)))}e${Math.floor(unit() * 61) - 30}`)); // typed numbers
    else out.push(Math.fround((unit() - 0.5) * 20 * 10 ** (Math.floor(unit() * 17) - 8))); // float32 values, as tensors hold
  }
  return out;
}

const TEST_STRINGS = ['', 'same', "it's", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\there', 'new\nline', 'cr\r', 'bell\x07', 'del\x7f', 'nbsp\xa0', 'c1\x85', 'naïve', '…', '’', 'line\u2028sep', 'zero\u200bwidth', 'private\ue000', 'emoji 😀', 'cjk 漢字', '−1', 'bom\ufeff', 'rtl\u202e', 'nul\0'];

/** Runs python3 once over the whole batch: one repr() per line, floats sent as their bits. */
function cpythonRepr(floats: readonly number[], strings: readonly string[]): { floats: string[]; strings: string[] } {
  const script = 'import json,struct,sys\nd=json.load(sys.stdin)\nprint(json.dumps([[repr(struct.unpack(">d",bytes.fromhex(h))[0]) for h in d[0]],[repr(s) for s in d[1]]]))';
  const run = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify([floats.map(hex), strings]), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${PYTHON} failed (status ${run.status}): ${run.stderr}`);
  const [f, s] = JSON.parse(run.stdout) as [string[], string[]];
  return { floats: f, strings: s };
}

describe('pythonFloat(), pythonFloatLiteral()', () => {
  it("pythonFloat() switches notation where repr() does: 1e-05 but 0.0001, 1e+16 but 1000000000000000.0", () => {
    expect([1e-5, 0.0001, 1e16, 1e15, 1, -0, 0.1 + 0.2, NaN, -Infinity].map(pythonFloat)).toEqual(['1e-05', '0.0001', '1e+16', '1000000000000000.0', '1.0', '-0.0', '0.30000000000000004', 'nan', '-inf']);
  });

  it('pythonFloatLiteral() writes infinities and nan as float() calls that Python can run', () => {
    expect([Infinity, -Infinity, NaN, 1e-5, -0].map(pythonFloatLiteral)).toEqual(["float('inf')", "float('-inf')", "float('nan')", '1e-05', '-0.0']);
  });
});

const HAS_PYTHON = existsSync(PYTHON);
const CPYTHON_SUITE = HAS_PYTHON ? `pythonFloat(), pythonStr() against ${PYTHON}'s repr()` : `pythonFloat(), pythonStr() against CPython: SKIPPED, ${PYTHON} not found (set PYTHON to a python3)`;

describe.skipIf(!HAS_PYTHON)(CPYTHON_SUITE, () => {
  it('pythonFloat() and pythonStr() equal repr() for every value of a seeded batch of 10,000+ floats', () => {
    const floats = testFloats();
    expect(floats.length).toBeGreaterThan(10_000);
    const python = cpythonRepr(floats, TEST_STRINGS);
    const wrongFloats = floats.flatMap((x, i) => (pythonFloat(x) === python.floats[i] ? [] : [`${hex(x)}: python ${python.floats[i]}, ours ${pythonFloat(x)}`]));
    const wrongStrings = TEST_STRINGS.flatMap((s, i) => (pythonStr(s) === python.strings[i] ? [] : [`${JSON.stringify(s)}: python ${python.strings[i]}, ours ${pythonStr(s)}`]));
    expect(wrongFloats).toEqual([]);
    expect(wrongStrings).toEqual([]);
  });
});

describe('pythonInt(), pythonRepr()', () => {
  it('pythonInt() writes every digit, and refuses a fraction', () => {
    expect(pythonInt(-42)).toBe('-42');
    expect(pythonInt(1e21)).toBe('1000000000000000000000');
    expect(() => pythonInt(0.5)).toThrow('pythonInt: expected a whole number, got 0.5');
  });

  it('pythonRepr() tells ints from floats and writes tuples, strings and None as Python', () => {
    const float = (value: number) => ({ kind: 'number', value, isInt: false }) as const;
    expect(pythonRepr(float(1e-5))).toBe('1e-05');
    expect(pythonRepr(float(3))).toBe('3.0');
    expect(pythonRepr({ kind: 'number', value: 3, isInt: true })).toBe('3');
    expect(pythonRepr({ kind: 'tuple', items: [float(0.5)] })).toBe('(0.5,)');
    expect(pythonRepr({ kind: 'tuple', items: [{ kind: 'string', value: "it's" }, { kind: 'none' }, { kind: 'bool', value: false }] })).toBe(`("it's", None, False)`);
  });
});

describe('pythonTuple(), pythonList(), pythonBool()', () => {
  it('pythonTuple() adds the trailing comma of a 1-tuple', () => {
    expect(pythonTuple([2, 3, 20])).toBe('(2, 3, 20)');
    expect(pythonTuple([5])).toBe('(5,)');
    expect(pythonTuple([])).toBe('()');
    expect(pythonList([1, 3, 20])).toBe('[1, 3, 20]');
    expect(pythonBool(true)).toBe('True');
  });
});
