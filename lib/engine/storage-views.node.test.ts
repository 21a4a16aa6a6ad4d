// Storage reuse (storage.ts) gives the memory of a tensor's storage array to a later tensor once the
// array is unreachable. Code that kept a view of that memory (`t.data.subarray(...)`, or an array
// over `t.data.buffer`) after dropping the tensor would see it overwritten. The lessons' workers turn
// reuse on, so outside the engine a view must be copied at once; this test holds the code to that.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A view of a tensor's memory: `.data.subarray(` or `.data.buffer` (its gradient's too). */
const VIEW = /\.data\.(subarray\(|buffer\b)/g;
/** Copied at once: the view is the argument of Array.from( or a typed array's from(. */
const COPIED = /(Array|Float32Array|Float64Array|Int32Array)\.from\(\s*$/;
/** Views that are safe for a reason given here. */
const ALLOWED: Record<string, string> = {
  // The page's main thread, where storage reuse is off; the view lives as long as the widget's state.
  'components/convolution/Convolution.tsx': 'main thread, reuse off',
};

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === 'lib/engine' || entry.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('storage views outside the engine', () => {
  it('copy a tensor’s memory at once (Array.from or a typed array’s from), so storage reuse cannot change what they hold', () => {
    const kept: string[] = [];
    const files = [...sources('lib'), ...sources('components')];
    expect(files.length, 'the scan found the sources').toBeGreaterThan(200);
    for (const file of files) {
      if (ALLOWED[file]) continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const match of text.matchAll(VIEW)) {
        // The expression the view is taken of starts at the last delimiter before `.data`.
        const before = text.slice(Math.max(0, match.index - 120), match.index);
        const start = Math.max(before.lastIndexOf('('), before.lastIndexOf(' '), before.lastIndexOf(','));
        if (!COPIED.test(before.slice(0, start + 1))) kept.push(`${file}:${text.slice(0, match.index).split('\n').length}`);
      }
    }
    expect(kept, 'views of tensor memory kept past the statement (copy them, or say in ALLOWED why they are safe)').toEqual([]);
  });
});
