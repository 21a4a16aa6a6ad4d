// What `npm run build` does after `astro build`: cuts KaTeX's fonts to the characters the pages'
// math uses (katex-subset.mjs), indexes dist/ for search with Pagefind (the index and its client
// land in dist/pagefind/), then writes the service worker, dist/sw.js. The e2e build runs
// `npm run build` too, so the tests see the same site a reader gets.
import * as pagefind from 'pagefind';
import { generateSW } from 'workbox-build';
import { subsetKatexFonts } from './katex-subset.mjs';

const katex = await subsetKatexFonts('dist');
console.log(`katex-subset: KaTeX's fonts the math uses, ${(katex.before / 1024).toFixed(0)} KB -> ${(katex.after / 1024).toFixed(0)} KB (woff2)`);

/**
 * What the index leaves out, beyond data-pagefind-ignore in the markup: KaTeX's MathML copy of each
 * formula (the visible HTML copy is indexed; the MathML would list every symbol twice, with the
 * TeX source), and the widgets' islands (controls, tables of live numbers and charts; a widget's
 * title and caption stay indexed).
 */
const EXCLUDE = ['.katex-mathml', 'astro-island'];

const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE, forceLanguage: 'en' });
if (!index) throw new Error(`pagefind: could not start the indexer: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: 'dist' });
if (added.errors.length) throw new Error(`pagefind: indexing dist/ failed: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: 'dist/pagefind' });
if (written.errors.length) throw new Error(`pagefind: writing dist/pagefind failed: ${written.errors.join('; ')}`);
console.log(`pagefind: indexed ${added.page_count} pages into dist/pagefind/`);
await pagefind.close();

// Then the service worker (Workbox's generateSW over the finished dist/, search index included):
// it precaches every page and file a page may load, so that after one visit the course works
// offline. A new build's worker waits until the reader accepts the update prompt (Base.astro).
const sw = await generateSW({
  globDirectory: 'dist',
  globPatterns: ['**/*.{html,js,css,woff2,svg,png,json,webmanifest,bin,md,pagefind,pf_meta,pf_index,pf_fragment}'],
  // KaTeX's .woff and .ttf copies are never fetched by a browser that runs service workers (all read
  // woff2), and the search box uses Pagefind's API, not its ready-made interfaces. The social
  // preview images (og/) are for the sites a link is shared on, not for reading.
  globIgnores: ['sw.js', 'workbox-*.js', 'pagefind/pagefind-*ui*', 'pagefind/pagefind-highlight.js', 'og/**'],
  swDest: 'dist/sw.js',
  mode: 'production',
  inlineWorkboxRuntime: true,
  sourcemap: false,
  // Pages are /lessons/x/ (dist/lessons/x/index.html); a widget's state is in the query, which
  // does not change the file.
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
  cleanupOutdatedCaches: true,
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
});
for (const w of sw.warnings) console.warn(`workbox: ${w}`);
console.log(`workbox: dist/sw.js precaches ${sw.count} files, ${(sw.size / 1024 / 1024).toFixed(1)} MB`);
