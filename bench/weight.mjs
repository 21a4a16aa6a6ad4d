// Page weight: every file of the built site a page requests once all its widgets have started,
// summed by type, raw and gzipped; and the budget each page is held to (gzipped KB by type).
// Used by `npm run bench:weight` (which prints them) and e2e/weight.spec.ts (which enforces them).
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzipped KB a page may download, by type: the figures of 1 December 2026 with about 10 % of room,
 * so that a change that makes pages heavier has to raise them on purpose (and say why); fonts
 * lowered on 2 December, when scripts/make-fonts.mjs cut them to the weights the site uses (the
 * home page's from 187 to 128 KB); the two lessons' JS raised from 500 to 510 KB on 2 December,
 * when they reached 500.4 and 496.8: a page with exercises loads the whole exercise catalogue with
 * every lesson's checkers, so the dropout claim and shifts and the readers' own data added 8 KB to
 * lessons that use none of them (loading only the page's own lesson would undo that); and lowered
 * on 2 December to 460 and 480 KB, with about 2.5 % of room, when an exercise began to import its
 * widget's lesson package only when it shows (components/exercise/experiment-runner.ts): 500.4 ->
 * 449.3 and 496.8 -> 466.8 KB. Fonts lowered on 2 December, with about 2.5 % of room, when
 * scripts/katex-subset.mjs cut KaTeX's fonts to the characters the built math uses: 255.0 -> 187.2
 * (activation-functions), 169.6 -> 150.9 (cnn-sizes) and 140.5 -> 121.9 KB (notebook, whose
 * Markdown cells' math now finds its common characters in the cut files); the KaTeX style sheet's
 * unicode-ranges added 0.9 KB of CSS, within the CSS budgets. The home page's fonts lowered the same
 * day to 103 KB (127.8 -> 99.7) when the search box's "/" key hint took the UI font: it was the
 * page's only text in JetBrains Mono (28.1 KB). JS raised on 2 December (stop 24) when the engine's
 * default became 'auto': every worker bundle that runs the engine now carries the WebAssembly
 * kernels, which a 'js' default let the bundler drop (4.9 KB gzipped a worker): activation-functions
 * 457.0 -> 466.8 KB (its curves and softmax workers), cnn-sizes to 479.4 KB; budgets 479 and 491,
 * with about 2.5 % of room. `other` (icons, data) has no budget.
 * @type {Record<string, Record<'HTML' | 'CSS' | 'JS' | 'fonts', number>>}
 */
export const BUDGETS = {
  '/': { HTML: 6, CSS: 9, JS: 6, fonts: 103 },
  '/lessons/activation-functions/': { HTML: 48, CSS: 20, JS: 479, fonts: 192 },
  '/lessons/cnn-sizes/': { HTML: 34, CSS: 22, JS: 491, fonts: 155 },
  '/notebook/': { HTML: 6, CSS: 22, JS: 462, fonts: 125 },
  // The other lessons and the guide: stop 23's figures with about 2.5 % of room.
  '/lessons/backpropagation/': { HTML: 48, CSS: 20, JS: 537, fonts: 179 },
  '/lessons/vanishing-gradients/': { HTML: 43, CSS: 20, JS: 508, fonts: 201 },
  '/lessons/exploding-gradients/': { HTML: 31, CSS: 20, JS: 504, fonts: 166 },
  '/lessons/convolution/': { HTML: 40, CSS: 20, JS: 457, fonts: 170 },
  '/lessons/pooling/': { HTML: 30, CSS: 20, JS: 451, fonts: 173 },
  '/lessons/rnn-shapes/': { HTML: 37, CSS: 21, JS: 457, fonts: 167 },
  '/lessons/overfitting-and-dropout/': { HTML: 36, CSS: 22, JS: 576, fonts: 163 },
  '/lessons/hyperparameter-search/': { HTML: 37, CSS: 20, JS: 474, fonts: 178 },
  '/guide/': { HTML: 21, CSS: 20, JS: 396, fonts: 176 },
};

/**
 * Waits until `element` has `done` ('hydrated': an island's ssr attribute gone; or a CSS selector
 * found inside it), scrolling its contents to the middle of the viewport on every frame until then
 * (an island is display: contents, with no box of its own to scroll to; and a widget above that
 * hydrates and changes height moves it away again).
 * @param {import('@playwright/test').Locator} element
 * @param {string} done
 */
const scrollUntil = async (element, done) =>
  element.page().waitForFunction(
    ([el, until]) => {
      if (until === 'hydrated' ? !el.hasAttribute('ssr') : el.querySelector(until)) return true;
      const range = document.createRange();
      range.selectNodeContents(el);
      const box = range.getBoundingClientRect();
      window.scrollBy(0, box.top + box.height / 2 - innerHeight / 2);
      return false;
    },
    /** @type {const} */ ([await element.elementHandle(), done]),
    { polling: 'raf' },
  );

/** The type a file counts under. @param {string} file */
const kind = (file) => ({ '.html': 'HTML', '.css': 'CSS', '.js': 'JS', '.woff2': 'fonts', '.woff': 'fonts' })[extname(file)] ?? 'other';

/**
 * Opens `url` in `page` (a Playwright page), waits until every widget has started, and returns the
 * files requested from `origin`, read from `dist`, summed by type. "Started" is a state the page
 * reaches, not a time: every island hydrated (the client:visible ones once scrolled into view),
 * every code cell's editor loaded and the page's kernel ready (a cell starts it when it has come
 * into view and the browser is idle), then no request in flight and no font loading. Waiting for
 * 3 s without a new request measured the kernel's 118 KB on cnn-sizes in some runs and not in
 * others: the code cell hydrates when the browser is idle, and the page had been scrolled past it.
 * What a widget shows only once its worker reports (a training step's histograms) may still ask
 * for a font later: on vanishing-gradients, Inter's Greek file for the σ its histograms draw.
 * @param {import('@playwright/test').Page} page
 * @param {string} url
 * @returns {Promise<Record<string, { files: number, raw: number, gzip: number }>>}
 */
export async function measurePage(page, url, dist = 'dist') {
  const origin = new URL(url).origin;
  /** @type {Set<string>} */
  const files = new Set();
  /** @type {Set<import('@playwright/test').Request>} */
  const inFlight = new Set();
  page.on('request', (r) => {
    inFlight.add(r);
    const u = new URL(r.url());
    if (u.origin === origin) files.add(u.pathname.endsWith('/') ? `${u.pathname}index.html` : u.pathname);
  });
  let settled = () => {};
  for (const done of /** @type {const} */ (['requestfinished', 'requestfailed'])) {
    page.on(done, (r) => {
      inFlight.delete(r);
      if (!inFlight.size) settled();
    });
  }
  await page.goto(url, { waitUntil: 'load' });
  for (const island of await page.locator('astro-island').all()) await scrollUntil(island, 'hydrated');
  const cells = await page.locator('[data-code-cell]').all();
  for (const cell of cells) await scrollUntil(cell, '.cm-editor');
  if (cells.length) await page.waitForFunction(() => performance.getEntriesByName('notebook-kernel:ready').length > 0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  if (inFlight.size) await new Promise((resolve) => (settled = () => resolve(undefined)));
  await page.evaluate(() => document.fonts.ready);
  /** @type {Record<string, { files: number, raw: number, gzip: number }>} */
  const totals = {};
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    const t = (totals[kind(file)] ??= { files: 0, raw: 0, gzip: 0 });
    t.files++;
    t.raw += bytes.length;
    t.gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return totals;
}
