import { describe, expect, it } from 'vitest';
import { rewriteCell } from './scope';

function body(js: string): string {
  const result = rewriteCell(js);
  if (!result.ok) throw new Error(result.error.message);
  return result.body.slice(result.prologueLength);
}

describe('rewriteCell()', () => {
  it('turns top-level declarations into assignments to the shared scope', () => {
    expect(body('const x = 1, y = 2;')).toBe(';     x = 1, y = 2;');
    expect(body('let { a, b: [c] } = o;')).toBe(';   ({ a, b: [c] } = o);');
    expect(body('let z;')).toBe(';   z = void 0;');
    expect(body('var w;')).toBe(';   w;');
    expect(body('class Net {}')).toBe('Net = class Net {}');
    expect(body('function f() {}')).toBe('function f$nb() {}');
  });

  it('declares the names on line 1, before any code runs, and hands over the functions', () => {
    const result = rewriteCell('f();\nconst { a, ...rest } = o;\nfunction f() {}\nclass C {}');
    expect(result.ok && result.declared).toEqual(['a', 'rest', 'f', 'C']);
    expect(result.ok && result.body.split('\n')[0]).toBe('__nb.declare(["a","rest","f","C"], {"f": f$nb}); f();');
  });

  it('leaves declarations inside blocks, loops and functions alone', () => {
    const js = 'for (let i = 0; i < 2; i++) { const j = i; }\n{ let k = 1; }\nfunction g() { const m = 2; return m; }';
    expect(body(js)).toBe('for (let i = 0; i < 2; i++) { const j = i; }\n{ let k = 1; }\nfunction g$nb() { const m = 2; return m; }');
  });

  it('returns the value of a last expression, and only of an expression', () => {
    expect(rewriteCell('const a = 1;\na + 1;')).toMatchObject({ ok: true, returnsValue: true, body: expect.stringContaining('return [(a + 1)];') });
    expect(rewriteCell('const a = 1;')).toMatchObject({ ok: true, returnsValue: false });
    expect(rewriteCell('if (a) { b }')).toMatchObject({ ok: true, returnsValue: false });
  });

  it('never adds or removes a line break', () => {
    const js = 'const a = 1\nconst [b] = [2]\nfoo()\nlet {\n  c\n} = d\nclass E {\n}\nfunction g() {\n}\na + b';
    const result = rewriteCell(js);
    expect(result.ok && result.body.split('\n').length).toBe(js.split('\n').length);
  });

  it('refuses import, export and import() with a message that says what to do', () => {
    expect(rewriteCell('const a = 1;\nimport { x } from "y";')).toMatchObject({ ok: false, error: { line: 2, column: 1, message: expect.stringContaining('already in scope') } });
    expect(rewriteCell('export const a = 1;')).toMatchObject({ ok: false, error: { line: 1, message: expect.stringContaining('export is not needed') } });
    expect(rewriteCell('const m = 1;\n  await import("http://x/y.js");')).toMatchObject({ ok: false, error: { line: 2, column: 9, message: expect.stringContaining('cannot load code') } });
  });

  it('refuses to rebind a JavaScript built-in the engine relies on', () => {
    expect(rewriteCell('\nconst Math = 1;')).toEqual({ ok: false, error: { message: "'Math' is a JavaScript built-in the engine relies on: choose another name", line: 2, column: 7 } });
  });

  it('reports a syntax error with line and column', () => {
    expect(rewriteCell('let a = 1;\nlet a = 2;')).toMatchObject({ ok: false, error: { line: 2, column: 5, message: "Identifier 'a' has already been declared" } });
  });
});
