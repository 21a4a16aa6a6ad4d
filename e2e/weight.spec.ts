import { BUDGETS, measurePage } from '../bench/weight.mjs';
import { expect, test } from './fixtures';

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
