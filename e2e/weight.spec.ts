import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS, measurePage } from '../bench/weight.mjs';
import { expect, test } from './fixtures';
import { builtPages } from './pages';

// What a page downloads once every widget has started, gzipped, by type, within the budgets of
// bench/weight.mjs (`npm run bench:weight` prints the figures). Sizes, not times: deterministic.
for (const [path, budget] of Object.entries(BUDGETS)) {
  test(`${path} stays within its weight budget`, async ({ page, baseURL }) => {
    const totals = await measurePage(page, new URL(path, baseURL).href);
    expect(totals.HTML?.files, 'the page itself was measured').toBe(1);
    for (const [type, limit] of Object.entries(budget)) {
      const kb = (totals[type]?.gzip ?? 0) / 1024;
      expect.soft(kb, `${type}: ${kb.toFixed(1)} KB gzipped against a budget of ${limit} KB`).toBeLessThanOrEqual(limit);
    }
  });
}

// KaTeX's fonts are cut to the characters the built pages' math draws (scripts/katex-subset.mjs),
// each @font-face split in two: the cut file for those characters, the full file for any other.
// A page with math that fetched a full file drew a character the cut missed.
const mathPages = builtPages().filter((path) => readFileSync(join('dist', path.endsWith('/') ? `${path}index.html` : path), 'utf8').includes('class="katex"'));
for (const path of mathPages) {
  test(`${path} draws its math from the cut KaTeX fonts only`, async ({ page, baseURL }) => {
    const fonts: string[] = [];
    page.on('request', (r) => {
      const file = new URL(r.url()).pathname.split('/').pop() ?? '';
      if (file.startsWith('KaTeX_')) fonts.push(file);
    });
    await page.goto(new URL(path, baseURL).href);
    await page.evaluate(() => document.fonts.ready);
    expect(fonts.length, 'the page drew math in a KaTeX font').toBeGreaterThan(0);
    expect(fonts.filter((f) => !/-subset\.[\w-]+\.woff2$/.test(f))).toEqual([]);
  });
}
