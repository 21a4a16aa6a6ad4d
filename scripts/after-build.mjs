// What `npm run build` does after `astro build`: indexes dist/ for search with Pagefind (the index
// and its client land in dist/pagefind/). The e2e build runs `npm run build` too, so the tests see
// the same site a reader gets.
import * as pagefind from 'pagefind';

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
