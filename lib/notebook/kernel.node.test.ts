import { describe, expect, it } from 'vitest';
import { createKernel, warmUpCompiler, type Kernel } from './kernel';
import type { CheckRecord } from './checks';
import type { Output } from './outputs';
import { nodeRealm } from './realm.node';

/** A kernel in a fresh Node realm, with a helper that runs a cell and collects its outputs. */
function session(): { kernel: Kernel; run(source: string): Promise<{ status: string; outputs: Output[] }> } {
  const kernel = createKernel(nodeRealm());
  let count = 0;
  return {
    kernel,
    async run(source) {
      const outputs: Output[] = [];
      const status = await kernel.run(source, ++count, (o) => outputs.push(o));
      return { status, outputs };
    },
  };
}

const value = (outputs: Output[]): string | undefined => outputs.find((o) => o.type === 'value')?.text;
const stdout = (outputs: Output[]): string =>
  outputs.flatMap((o) => (o.type === 'stream' && o.name === 'stdout' ? [o.text] : [])).join('');
const error = (outputs: Output[]) => outputs.find((o) => o.type === 'error');

describe('kernel.run(): the shared scope', () => {
  it('shares top-level variables with the next cells', async () => {
    const s = session();
    await s.run('const lr: number = 0.1;\nlet steps = 3;');
    expect(value((await s.run('lr * steps')).outputs)).toBe('0.30000000000000004');
    await s.run('steps += 1;');
    expect(value((await s.run('steps')).outputs)).toBe('4');
  });

  it('runs a cell of const declarations twice, as Jupyter would', async () => {
    const s = session();
    expect((await s.run('const x = 1;')).status).toBe('ok');
    expect((await s.run('const x = 2;\nx')).outputs).toEqual([{ type: 'value', text: '2' }]);
  });

  it('hoists functions within a cell, and earlier functions see later redefinitions', async () => {
    const s = session();
    const first = await s.run('const y = twice(4);\nfunction twice(v: number) { return helper(v) * 2; }\nfunction helper(v: number) { return v; }\ny');
    expect(value(first.outputs)).toBe('8');
    await s.run('function helper(v: number) { return v + 100; }');
    expect(value((await s.run('twice(1)')).outputs)).toBe('202');
    expect(value((await s.run('twice')).outputs)).toBe('[Function: twice]');
  });

  it('shares classes, and a later cell can replace one', async () => {
    const s = session();
    await s.run('class Counter { n = 0; inc() { return ++this.n; } }\nfunction make() { return new Counter(); }');
    expect(value((await s.run('make().inc()')).outputs)).toBe('1');
    await s.run('class Counter { inc() { return "new"; } }');
    expect(value((await s.run('make().inc()')).outputs)).toBe("'new'");
  });

  it('keeps closures and the scope in step: a function mutating a top-level let is seen by later cells', async () => {
    const s = session();
    await s.run('let calls = 0;\nconst bump = () => { calls += 1; };');
    await s.run('bump(); bump();');
    expect(value((await s.run('calls')).outputs)).toBe('2');
  });

  it('binds every name of a destructuring declaration', async () => {
    const s = session();
    await s.run('const { a, b: [c, d = 9], ...rest } = { a: 1, b: [2], e: 5 };\nconst [first, , third] = [10, 20, 30];');
    expect(value((await s.run('[a, c, d, rest, first, third]')).outputs)).toBe('[ 1, 2, 9, { e: 5 }, 10, 30 ]');
  });

  it('runs top-level await', async () => {
    const s = session();
    const run = await s.run('const waited = await new Promise<number>((resolve) => setTimeout(() => resolve(7), 5));\nwaited * 2');
    expect(value(run.outputs)).toBe('14');
  });

  it('shows the last expression unless it is undefined or a declaration', async () => {
    const s = session();
    expect((await s.run('const a = 1;')).outputs).toEqual([]);
    expect((await s.run('undefined')).outputs).toEqual([]);
    expect((await s.run('console.log("hi")')).outputs).toEqual([{ type: 'stream', name: 'stdout', text: 'hi\n' }]);
    expect(value((await s.run('"text"')).outputs)).toBe("'text'");
    expect(value((await s.run('Promise.resolve(1)')).outputs)).toBe('Promise { <pending> }');
  });

  it('resets `let x;` on a re-run, as a fresh declaration would', async () => {
    const s = session();
    await s.run('let x;\nx = 5;');
    expect(value((await s.run('let x;\nx')).outputs)).toBeUndefined();
  });

  it('keeps two kernels apart', async () => {
    const one = session();
    const two = session();
    await one.run('const secret = 1;');
    expect(error((await two.run('secret')).outputs)).toMatchObject({ name: 'ReferenceError', message: 'secret is not defined', line: 1 });
  });

  it('queues runs: a second run starts after the first has finished', async () => {
    const { kernel } = session();
    const order: string[] = [];
    const a = kernel.run('await new Promise((r) => setTimeout(r, 20));\nconsole.log("first")', 1, (o) => o.type === 'stream' && order.push(o.text));
    const b = kernel.run('console.log("second")', 2, (o) => o.type === 'stream' && order.push(o.text));
    await Promise.all([a, b]);
    expect(order).toEqual(['first\n', 'second\n']);
  });

  it('has the engine in scope and prints tensors as PyTorch does', async () => {
    const s = session();
    const run = await s.run('const w = tensor([[1, 2], [3, 4]], { requiresGrad: true });\nconsole.log(w.sum());\nw.mul(2)');
    expect(stdout(run.outputs)).toBe('tensor(10., grad_fn=<SumBackward0>)\n');
    expect(value(run.outputs)).toBe('tensor([[2., 4.],\n        [6., 8.]], grad_fn=<MulBackward0>)');
    expect(value((await s.run('typeof nn.Linear === "function" && typeof optim.SGD === "function" && new Rng(1) instanceof Rng')).outputs)).toBe('true');
  });

  it('adds the shape under a tensor PyTorch summarises', async () => {
    const s = session();
    const run = await s.run('console.log(zeros([40, 30]));\nzeros([10, 10])');
    expect(stdout(run.outputs)).toMatch(/\.\.\.,[\s\S]*\]\)\n# shape \[40, 30\]\n$/);
    expect(value(run.outputs)).not.toContain('# shape');
  });

  it('lets a cell use names the browser would own, such as name and open', async () => {
    const s = session();
    expect(value((await s.run('const name = "relu";\nconst open = true;\n`${name} ${open}`')).outputs)).toBe("'relu true'");
  });
});

describe('kernel.run(): console and display', () => {
  it('captures console.log, info, warn and error in order', async () => {
    const s = session();
    const run = await s.run('console.log("a", 1, [2]);\nconsole.info({ k: "v" });\nconsole.warn("careful");\nconsole.error("bad");\nprint("p")');
    // Consecutive prints to one stream, merged (as the page shows them).
    const merged = run.outputs.reduce<Output[]>((list, o) => {
      const last = list[list.length - 1];
      return o.type === 'stream' && last?.type === 'stream' && last.name === o.name ? [...list.slice(0, -1), { ...last, text: last.text + o.text }] : [...list, o];
    }, []);
    expect(merged).toEqual([
      { type: 'stream', name: 'stdout', text: "a 1 [ 2 ]\n{ k: 'v' }\n" },
      { type: 'stream', name: 'stderr', text: 'careful\nbad\n' },
      { type: 'stream', name: 'stdout', text: 'p\n' },
    ]);
  });

  it('keeps display() and plot() in order with printed text', async () => {
    const s = session();
    const run = await s.run('console.log("before");\ndisplay([{ a: 1 }]);\nplot([1, 2, 3]);\nconsole.log("after");');
    expect(run.outputs.map((o) => (o.type === 'display' ? o.item.kind : o.type))).toEqual(['stream', 'table', 'chart', 'stream']);
  });

  it('sends what a timer prints after the run, and an error nobody caught, to the last run', async () => {
    const s = session();
    const outputs: Output[] = [];
    await s.kernel.run('const timer = setTimeout(() => console.log("late"), 5);', 1, (o) => outputs.push(o));
    expect(outputs).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    s.kernel.reportUncaught(new Error('lost'));
    expect(outputs).toEqual([{ type: 'stream', name: 'stdout', text: 'late\n' }, { type: 'error', name: 'Error', message: 'lost', stack: [] }]);
  });
});

describe('kernel.run(): errors name the line of the cell', () => {
  it('a TypeScript syntax error, with its column', async () => {
    const s = session();
    const run = await s.run('const a: number = 1;\nconst b = (a: number => a;');
    expect(run.status).toBe('error');
    expect(error(run.outputs)).toEqual({ type: 'error', name: 'SyntaxError', message: 'Unexpected token, expected ","', line: 2, column: 22, stack: [] });
  });

  it('an error thrown inside an engine call on line 3, with the engine\'s PyTorch wording', async () => {
    const s = session();
    const run = await s.run('const a = tensor([[1, 2]]);\nconst b: Tensor = tensor([[1, 2, 3]]);\nconst c = a.matmul(b);\nconsole.log("not reached");');
    expect(error(run.outputs)).toEqual({
      type: 'error',
      name: 'RangeError',
      message: 'matmul: mat1 and mat2 shapes cannot be multiplied (1x2 and 1x3)',
      line: 3,
      stack: ['at cell [1], line 3'],
    });
    expect(stdout(run.outputs)).toBe('');
  });

  it('an error on line 1, after an await, and inside a function of an earlier cell', async () => {
    const s = session();
    expect(error((await s.run('undefinedName + 1')).outputs)).toMatchObject({ name: 'ReferenceError', line: 1 });
    expect(error((await s.run('await null;\n\nnull!.x')).outputs)).toMatchObject({ name: 'TypeError', line: 3 });
    await s.run('function check(t: Tensor) {\n  if (t.ndim !== 2) throw new RangeError(`check: expected 2-D, got ${t.ndim}-D`);\n}');
    const run = await s.run('const v = tensor([1]);\ncheck(v);');
    expect(error(run.outputs)).toEqual({
      type: 'error',
      name: 'RangeError',
      message: 'check: expected 2-D, got 1-D',
      line: 2,
      stack: ['at check (cell [3], line 2)', 'at cell [4], line 2'],
    });
  });

  it('a throw of something that is not an Error', async () => {
    const s = session();
    expect(error((await s.run('throw { code: 7 };')).outputs)).toEqual({ type: 'error', name: 'Uncaught', message: '{ code: 7 }', stack: [] });
  });

  it('a browser API the sandbox does not have, with the reason', async () => {
    const s = session();
    for (const code of ['await fetch("http://localhost/")', 'indexedDB.open("x")', 'document.cookie', 'new Worker("x.js")', 'importScripts("x.js")']) {
      const e = error((await s.run(code)).outputs);
      expect(e, code).toMatchObject({ name: 'SandboxError', line: 1, message: expect.stringMatching(/is not available in a notebook cell: cells/) });
    }
  });

  it('the cell keeps the variables it defined before the error', async () => {
    const s = session();
    await s.run('const kept = 5;\nthrow new Error("stop");\nconst lost = 6;');
    expect(value((await s.run('kept')).outputs)).toBe('5');
    expect(error((await s.run('lost')).outputs)).toBeUndefined(); // declared (hoisted to the scope) but never assigned
  });
});

describe('warmUpCompiler()', () => {
  it('compiles its sample cell (so that the warm-up reaches the compiler paths a first run uses)', () => {
    expect(warmUpCompiler()).toBe(true);
  });
});

describe('kernel.run(): check results', () => {
  it('go to the run that made them, as records, and a line printed to look like one is not a check', async () => {
    const kernel = createKernel(nodeRealm());
    const first: CheckRecord[] = [];
    const second: CheckRecord[] = [];
    await kernel.run("check('ok', true);\nprint('✓ forged');", 1, () => undefined, (r) => first.push(r));
    await kernel.run("expectShape(zeros([2, 3]), [3, 2], 'w: transposed');", 2, () => undefined, (r) => second.push(r));
    expect(first).toEqual([{ name: 'ok', passed: true, message: 'passed' }]);
    expect(second).toEqual([{ name: 'w: transposed', passed: false, message: 'expected shape (3, 2); got (2, 3)' }]);
  });

  it('leave the checks replaceable in a kernel without a grader (a notebook may name a variable check)', async () => {
    const kernel = createKernel(nodeRealm());
    expect(await kernel.run('const check = 3;\nprint(check)', 1, () => undefined)).toBe('ok');
  });
});
