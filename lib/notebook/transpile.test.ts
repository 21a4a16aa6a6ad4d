import { describe, expect, it } from 'vitest';
import { transpile } from './transpile';

describe('transpile()', () => {
  it('removes TypeScript and keeps every line where it was', () => {
    const source = [
      'interface Point {',
      '  x: number;',
      '}',
      'type Pair = [number, number];',
      'enum Kind { A, B }',
      'function id<T>(value: T): T { return value; } // line 6',
      'const p: Point = { x: 1 } as Point;',
      'class Box { constructor(private readonly size: number) {} } // line 8',
      'const n = p.x!; // line 9',
    ].join('\n');
    const result = transpile(source);
    if (!result.ok) throw new Error(result.error.message);
    const lines = result.code.split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[5]).toContain('function id(value) { return value; } // line 6');
    expect(lines[7]).toContain('// line 8');
    expect(lines[8]).toContain('const n = p.x; // line 9');
    expect(result.code).not.toMatch(/interface|: number|as Point/);
  });

  it('reports a syntax error with its line and column (from 1)', () => {
    expect(transpile('const x = 1;\nconst y = ;')).toEqual({ ok: false, error: { message: 'Unexpected token', line: 2, column: 11 } });
    const unterminated = transpile('\n\nlet s = "abc');
    expect(unterminated).toMatchObject({ ok: false, error: { message: 'Unterminated string constant', line: 3, column: 9 } });
  });

  it('refuses a namespace instead of dropping it silently', () => {
    expect(transpile('const a = 1;\n  namespace N { export const b = 2 }')).toEqual({
      ok: false,
      error: { message: 'TypeScript namespaces are not supported in a notebook cell: use an object or a class', line: 2, column: 3 },
    });
  });

  it('keeps imports, so that the kernel can say they are not needed', () => {
    const result = transpile('import { tensor } from "engine";');
    expect(result.ok && result.code).toContain('import { tensor }');
  });
});
