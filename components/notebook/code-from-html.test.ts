import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { codeFromHighlightedHtml } from './code-from-html';

describe('codeFromHighlightedHtml()', () => {
  it("gives back exactly the code Shiki highlighted (the site's themes), tricky characters included", async () => {
    const samples = [
      'const a = x < 2 && y > "q\'" ? `${a}` : 1; // é & ü\n\n  return a;',
      "const relu = (z: Tensor): Tensor => z.maximum(0);\nconsole.log('<b>not html</b> &amp;');",
      'for (let i = 0; i < 3; i++) {\n\tprint(i);\n}',
    ];
    for (const code of samples) {
      const html = await codeToHtml(code, { lang: 'ts', themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: false });
      expect(codeFromHighlightedHtml(html)).toBe(code);
    }
  });
});
