import { describe, expect, it } from 'vitest';
import { createKernel } from './kernel';
import { nodeRealm } from './realm.node';
import { runWithChecks, type CheckedCell } from './run-checked';

const run = (...sources: string[]) =>
  runWithChecks(
    (options) => createKernel(nodeRealm(), options),
    sources.map((source, i): CheckedCell => ({ label: i === 0 ? 'your code' : 'checks', source })),
  );

describe('the check API in a cell', () => {
  it('check() records its name, whether it passed and the message, and prints a line', async () => {
    const result = await run('const n: number = 3;', "check('n is 3', n === 3, 'n should be 3');\ncheck('n is 4', n === 4, `expected 4, got ${n}`);");
    expect(result.checks).toEqual([
      { name: 'n is 3', passed: true, message: 'passed' },
      { name: 'n is 4', passed: false, message: 'expected 4, got 3' },
    ]);
    expect(result.outputs).toContainEqual({ type: 'stream', name: 'stderr', text: '✗ n is 4 — expected 4, got 3\n' });
    expect(result.failed).toBeUndefined();
  });

  it('expectClose() compares numbers, arrays and tensors with atol and rtol, naming the first bad element', async () => {
    const result = await run(
      'const t = tensor([[1, 2], [3, 4.001]]);',
      [
        "expectClose(0.1 + 0.2, 0.3, { name: 'sum' });",
        "expectClose(t, [[1, 2], [3, 4]], { atol: 1e-2, name: 'loose' });",
        "expectClose(t, [[1, 2], [3, 4]], { name: 'tight' });",
        "expectClose(t, [1, 2, 3], { name: 'count' });",
        "expectClose('x', 1, { name: 'text' });",
      ].join('\n'),
    );
    expect(result.checks.map((c) => [c.name, c.passed])).toEqual([['sum', true], ['loose', true], ['tight', false], ['count', false], ['text', false]]);
    expect(result.checks[2]?.message).toBe('expected 4 at flat index 3 (within atol 1e-8, rtol 0.00001); got 4.001');
    expect(result.checks[3]?.message).toBe('expected 3 values (shape (3,)); got 4 (shape (2, 2))');
    expect(result.checks[4]?.message).toBe('expected a number, an array of numbers or a tensor; got "x"');
  });

  it('expectShape() says the shape expected and the shape got', async () => {
    const result = await run('const w = zeros([32, 16]);', 'expectShape(w, [32, 16]);\nexpectShape(w, [16, 32]);\nexpectShape(7, [1]);');
    expect(result.checks).toEqual([
      { name: 'shape is (32, 16)', passed: true, message: 'passed' },
      { name: 'shape is (16, 32)', passed: false, message: 'expected shape (16, 32); got (32, 16)' },
      { name: 'shape is (1,)', passed: false, message: 'expected a tensor of shape (1,); got 7 (number)' },
    ]);
  });

  it('runWithChecks() stops at the first cell that throws, and names it', async () => {
    const result = await run('const x = 1;\nthrow new RangeError("bad")', "check('never', true)");
    expect(result.checks).toEqual([]);
    expect(result.failed?.label).toBe('your code');
    expect(result.failed?.error).toMatchObject({ name: 'RangeError', message: 'bad', line: 2 });
    const syntax = await run('const = 1');
    expect(syntax.failed?.error.name).toBe('SyntaxError');
  });
});

describe('the check API cannot be replaced by the student', () => {
  it('refuses to redeclare or assign check()', async () => {
    const declared = await run('function check(name: string, c: unknown) { return true; }', "check('x', false)");
    expect(declared.failed?.error.message).toBe("'check' is a read-only global here: choose another name");
    const assigned = await run('(globalThis as any).expectClose = () => true;', "expectClose(1, 2, { name: 'one is two' })");
    expect(assigned.failed?.error.name).toBe('TypeError');
  });
});
