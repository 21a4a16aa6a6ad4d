import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import rehypeKatexStrict from './rehype-katex-strict.mjs';

const require = createRequire(import.meta.url);

describe('KaTeX at build time', () => {
  it('the KaTeX CSS the pages load matches the KaTeX that rehype-katex renders with', () => {
    // A mismatch draws fractions and superscripts in the wrong places (seen with 0.16 vs 0.19).
    const ours = require('katex/package.json').version;
    const rehypeKatexDir = require.resolve('rehype-katex').replace(/lib[\\/]index\.js$|index\.js$/, '');
    const theirs = createRequire(`${rehypeKatexDir}package.json`)('katex/package.json').version;
    expect(ours).toBe(theirs);
  });

  it('rehypeKatexStrict() turns a KaTeX warning into an error naming file, line and column', () => {
    const file = {
      path: 'lessons/x.mdx',
      messages: [{ source: 'rehype-katex', line: 21, column: 5, reason: 'Could not render math', cause: new Error('KaTeX parse error: Unexpected end of input') }],
    };
    expect(() => rehypeKatexStrict()(null, file)).toThrow('lessons/x.mdx:21:5: KaTeX parse error: Unexpected end of input');
  });

  it('rehypeKatexStrict() lets a file with no KaTeX warnings through', () => {
    expect(() => rehypeKatexStrict()(null, { path: 'ok.mdx', messages: [{ source: 'other', line: 1, column: 1 }] })).not.toThrow();
  });
});
