import { inspect as nodeInspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../engine';
import { formatLogArguments, inspect } from './inspect';

describe('inspect()', () => {
  it("agrees with Node's util.inspect on everyday values", () => {
    const values: unknown[] = [
      1, -0, 0.1 + 0.2, 12n, true, null, undefined, 'it\'s', 'plain', Symbol('s'),
      [], [1, 2, 3], { a: 1, 'b-c': 'x' }, { nested: { deeper: { deepest: { gone: 1 } } } },
      [[1, [2, [3, [4]]]]], new Map([['k', 1]]), new Set([1, 'two']), new Float32Array([1, 2.5]),
      Array.from({ length: 120 }, (_, i) => i % 3), { list: ['a', 'b'], n: 5 }, function named() {}, () => 1, class Net {},
      new Error('boom').message, new Date(0), /a+b/g, Object.create(null),
    ];
    for (const v of values) expect(inspect(v), nodeInspect(v)).toBe(nodeInspect(v));
  });

  it('agrees with util.inspect on generated nested arrays and objects', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', "'", '"', '-', '1'), maxLength: 12 });
    const leaf = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: false }), text, fc.boolean(), fc.constant(null));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('tree'), { maxLength: 30 }),
      object: fc.dictionary(fc.string({ unit: fc.constantFrom('k', 'e', 'y', '_', '-', '2'), minLength: 1, maxLength: 6 }), tie('tree'), { maxKeys: 8, noNullPrototype: true }),
    }));
    fc.assert(fc.property(tree, (v) => inspect(v) === nodeInspect(v)), { numRuns: 400, seed: 11 });
  });

  it('prints a tensor as PyTorch does, with its shape when PyTorch elides elements', () => {
    expect(inspect(tensor([1, 2]))).toBe('tensor([1., 2.])');
    expect(inspect({ w: tensor([1]) })).toBe('{ w: tensor([1.]) }');
    expect(inspect(zeros([1001]))).toMatch(/^tensor\(\[0\., 0\., 0\., {2}\.\.\., 0\., 0\., 0\.\]\)\n# shape \[1001\]$/);
  });

  it('shows accessors as Node does, without calling them, and never throws', () => {
    const o = { get a() { throw new Error('no'); }, set b(_: number) {}, c: 1 };
    expect(inspect(o)).toBe(nodeInspect(o));
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    expect(inspect(hostile)).toBe('[value that cannot be shown: trap]');
  });

  it('marks a circular reference instead of recursing', () => {
    const a: { self?: unknown } = {};
    a.self = a;
    expect(inspect(a)).toBe('{ self: [Circular] }');
  });

  it('formatLogArguments() prints strings bare and everything else inspected', () => {
    expect(formatLogArguments(['loss', 0.5, 'at', [1]])).toBe('loss 0.5 at [ 1 ]');
  });
});
